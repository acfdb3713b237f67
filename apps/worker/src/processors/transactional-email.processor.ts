// Transactional emails (confirm, manage link, goodbye): parse → reload the reader → check they
// should still get it (core decides) → render with the compiled templates → send → record.
// A reader who unsubscribed or was wiped while the job waited gets nothing.
import { prepareTransactionalEmail, recordTransactionalSent, type TransactionalEmail } from '@paperboy/core';
import { buildMessage, createRenderer, type RenderedEmail, type Renderer } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

// MJML compiles once per process (tens of ms per template), not per email.
let renderer: Promise<Renderer> | undefined;
const getRenderer = () => (renderer ??= createRenderer());

function render(r: Renderer, email: TransactionalEmail): RenderedEmail {
  if (email.kind === 'confirm') return r.renderConfirm(email.data);
  if (email.kind === 'manage-link') return r.renderManageLink(email.data);
  return r.renderGoodbye(email.data);
}

export const transactionalEmailProcessor = defineProcessor({
  queue: QUEUE.transactionalEmail,
  options: () => ({ concurrency: 5 }),
  async handle(payload, job, deps) {
    const prepared = await prepareTransactionalEmail(deps.db, deps.config, payload);
    if ('skip' in prepared) {
      deps.logger.info({ jobId: job.id, kind: payload.kind, reason: prepared.skip }, 'transactional email skipped');
      return { skipped: prepared.skip };
    }
    const email = prepared.send;
    const message = buildMessage({
      from: deps.config.MAIL_FROM,
      to: email.to,
      content: render(await getRenderer(), email),
      idempotencyKey: email.idempotencyKey,
      // Only a subscribed reader's emails carry the one-click unsubscribe headers.
      unsubscribe: email.kind === 'manage-link' ? { url: email.links.oneClickUrl } : undefined,
    });
    // SMTP errors propagate: transient ones retry with backoff (the same Message-ID each time).
    await deps.mail.sendMail(message);
    await recordTransactionalSent(deps.db, email, message.messageId);
    return { sent: email.kind, messageId: message.messageId };
  },
});
