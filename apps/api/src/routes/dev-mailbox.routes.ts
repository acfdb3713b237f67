// Dev-only page listing what the built-in dev mailbox received. Mounted only when the
// mailbox runs (SMTP_URL unset and NODE_ENV is not production).
import { Router } from 'express';
import type { DevMailbox } from '@paperboy/email';
import { html } from '../views/html';
import { layout } from '../views/layout';

export function devMailboxRoutes(mailbox: DevMailbox): Router {
  const router = Router();

  router.get('/dev/mailbox', (_req, res) => {
    const rows = mailbox.messages().map(
      // Long addresses and subjects may break anywhere: on a phone the table then fits the screen.
      (
        m,
      ) => html`<tr><td>${m.receivedAt.toISOString().slice(0, 19).replace('T', ' ')}</td><td style="overflow-wrap:anywhere">${m.envelopeTo.join(', ')}</td>
        <td style="overflow-wrap:anywhere"><a href="/dev/mailbox/${m.id}">${m.subject || '(no subject)'}</a></td></tr>`,
    );
    const body = html`<h1>Dev mailbox</h1>
      <p class="muted">No SMTP server is configured, so every email paperboy sends lands here (newest first, kept in memory).
      Set <code>SMTP_URL</code> to send real email.</p>
      <div class="card">${rows.length ? html`<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No emails yet.</p>`}</div>`;
    res.type('html').send(layout({ title: 'Dev mailbox', body }));
  });

  router.get('/dev/mailbox/:id', (req, res) => {
    const message = mailbox.find(Number(req.params.id));
    if (!message) {
      res
        .status(404)
        .type('html')
        .send(
          layout({
            title: 'Not found',
            body: html`<h1>That email is gone</h1><p><a href="/dev/mailbox">Back to the mailbox</a></p>`,
          }),
        );
      return;
    }
    const headers = Object.entries(message.headers).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`);
    const body = html`<p><a href="/dev/mailbox">← All emails</a></p><h1>${message.subject}</h1>
      <div class="card"><iframe title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" src="/dev/mailbox/${message.id}/html" style="width:100%;height:70vh;border:0"></iframe></div>
      <details class="card"><summary>Plain-text part</summary><pre style="white-space:pre-wrap">${message.text}</pre></details>
      <details class="card"><summary>Headers</summary><table>${headers}</table></details>`;
    res.type('html').send(layout({ title: message.subject, body }));
  });

  router.get('/dev/mailbox/:id/html', (req, res) => {
    const message = mailbox.find(Number(req.params.id));
    if (!message) return void res.status(404).end();
    // The email's own HTML, shown inside a sandboxed iframe: no scripts, its own inline styles.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
    );
    res
      .type('html')
      .send(message.html || `<pre>${message.text.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'))}</pre>`);
  });

  router.get('/dev/mailbox.json', (_req, res) => {
    res.json(mailbox.messages().map(({ raw: _raw, ...m }) => m));
  });
  return router;
}
