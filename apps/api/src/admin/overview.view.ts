// /admin: what an operator checks first. Numbers come from the cached snapshot (core/stats);
// the send queue's state is live, since it is what the pause/resume button acts on.
import type { AsyncBounceCount, CountBy, Overview, QueueCounts, SendQueueState } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { html, type SafeHtml } from '../views/html';
import { adminLayout, ago, fmt } from './admin-layout.view';
import { dailyChartsCard } from './charts.view';

export interface OverviewPage {
  overview: Overview;
  send: SendQueueState;
  queues: QueueCounts[];
  csrfToken: string;
  notice?: string;
}

function tile(label: string, value: number, tone = ''): SafeHtml {
  return html`<div class="tile ${tone}"><div class="n">${fmt(value)}</div><div class="l">${label}</div></div>`;
}

function barTable(rows: CountBy[], empty: string, head = ''): SafeHtml {
  if (!rows.length) return html`<p class="muted">${empty}</p>`;
  const max = Math.max(1, ...rows.map((r) => r.count));
  return html`<table>${head ? html`<thead><tr><th>${head}</th><th></th><th class="num">Count</th></tr></thead>` : ''}<tbody>${rows.map(
    (r) =>
      html`<tr><td>${r.key}</td><td class="barcell">${r.count ? html`<div class="bar" style="width:${((r.count / max) * 100).toFixed(1)}%"></div>` : ''}</td><td class="num">${fmt(r.count)}</td></tr>`,
  )}</tbody></table>`;
}

const MODE_LABELS: Record<string, string> = {
  trending: 'top trending only',
  topics: 'topics only',
  topics_trending: 'topics + top trending',
};

/** Readers per digest mode in words; a snapshot cached before digest modes existed has none. */
function byDigestMode(o: OverviewPage['overview']): CountBy[] {
  return (o.readers.activeByDigestMode ?? []).map((m) => ({ key: MODE_LABELS[m.key] ?? m.key, count: m.count }));
}

function runBadge(status: string): SafeHtml {
  const tone = status === 'succeeded' || status === 'completed' ? 'good' : status === 'running' ? 'warn' : 'bad';
  return html`<span class="badge ${tone}">${status}</span>`;
}

/** "in 40 s", "in 2 min": when the breaker probes next. */
function inTime(iso: string | undefined, now: number): string {
  const s = iso ? Math.max(0, Math.round((Date.parse(iso) - now) / 1000)) : 0;
  return s < 60 ? `in ${s} s` : s < 3600 ? `in ${Math.round(s / 60)} min` : `in ${Math.round(s / 3600)} h`;
}

/** Sending paused by the SMTP breaker (not by a person): why, and when it tries again on its own. */
function breakerNote(send: SendQueueState, now: number): SafeHtml | string {
  const b = send.breaker;
  if (!b) return '';
  const when =
    b.state === 'half_open'
      ? 'probing with a few digests now'
      : `next probe ${inTime(b.retryAt, now)} (pause ${fmt(Math.round(b.delayMs / 1000))} s, doubling while probes fail)`;
  return html`<p class="small"><span class="badge warn">paused by the SMTP breaker</span> since ${ago(b.since, now)} after repeated SMTP failures${b.lastError ? html` (last: <code>${b.lastError}</code>)` : ''}; ${when}. Sending resumes on its own when the probe goes out; resuming here goes at once.</p>`;
}

function sendCard({ send, csrfToken }: OverviewPage, now = Date.now()): SafeHtml {
  const action = send.paused ? 'resume' : 'pause';
  const waiting = (send.counts.waiting ?? 0) + (send.counts.prioritized ?? 0);
  return html`<div class="card${send.paused ? ' paused' : ''}"><h2>Sending ${send.paused ? html`<span class="badge warn">paused</span>` : html`<span class="badge good">running</span>`}</h2>
${breakerNote(send, now)}
<div class="sendbox"><form method="post" action="/admin/send/${action}"><input type="hidden" name="_csrf" value="${csrfToken}">
<button type="submit" class="${send.paused ? '' : 'secondary'}">${send.paused ? 'Resume sending' : 'Pause sending'}</button></form>
<span class="muted small">${QUEUE.digestSend} queue: ${fmt(waiting)} waiting · ${fmt(send.counts.active ?? 0)} active · ${fmt(send.counts.delayed ?? 0)} delayed · ${fmt(send.counts.failed ?? 0)} failed · <a href="/admin/queues/queue/${QUEUE.digestSend}">inspect</a></span></div>
${send.paused ? html`<p class="small warntext" role="alert">No digest leaves while sending is paused; jobs wait and resume where they stopped.</p>` : html`<p class="muted small">Pausing lets running sends finish and holds the rest in the queue.</p>`}</div>`;
}

function queuesCard(queues: QueueCounts[]): SafeHtml {
  const cell = (n: number, tone = '') =>
    html`<td class="num">${n ? html`<span class="${tone}">${fmt(n)}</span>` : html`<span class="muted">0</span>`}</td>`;
  return html`<div class="card"><h2>Queues <span class="muted small">live</span></h2><div class="tablescroll" role="region" aria-label="Jobs per queue" tabindex="0"><table><thead><tr><th>Queue</th><th class="num">Waiting</th><th class="num">Active</th><th class="num">Delayed</th><th class="num">Failed</th></tr></thead><tbody>${queues.map(
    (q) =>
      html`<tr><td><a href="/admin/queues/queue/${q.name}${q.failed ? '?status=failed' : ''}">${q.name}</a>${q.paused ? html` <span class="badge warn">paused</span>` : ''}</td>${cell(q.waiting)}${cell(q.active)}${cell(q.delayed)}${cell(q.failed, 'error')}</tr>`,
  )}</tbody></table></div></div>`;
}

const PROVIDER_LABELS: Record<string, string> = {
  ses: 'Amazon SES',
  postmark: 'Postmark',
  sendgrid: 'SendGrid',
  mailgun: 'Mailgun',
  mailbox: 'bounce mailbox',
};
const REASON_LABELS: Record<string, string> = {
  hard_bounce: 'hard bounce (suppressed)',
  soft_bounce: 'soft bounce (recorded)',
  complaint: 'complaint (suppressed)',
};

/** Bounces and complaints relays reported after accepting the email (webhooks, bounce mailbox). */
function asyncBouncesTable(rows: AsyncBounceCount[] | undefined): SafeHtml {
  if (!rows?.length)
    return html`<p class="muted small">None in the last 30 days. Relays report them to <code>/webhooks/bounces/…</code> or the bounce mailbox (README, Deliverability).</p>`;
  const n = (v: number, tone: string) =>
    v ? html`<span class="${tone}">${fmt(v)}</span>` : html`<span class="muted">0</span>`;
  return html`<table><thead><tr><th>Relay</th><th>Reason</th><th class="num">24 h</th><th class="num">30 days</th></tr></thead><tbody>${rows.map(
    (r) => {
      const tone = r.reason === 'soft_bounce' ? '' : 'error';
      return html`<tr><td>${PROVIDER_LABELS[r.provider] ?? r.provider}</td><td>${REASON_LABELS[r.reason] ?? r.reason}</td><td class="num">${n(r.lastDay, tone)}</td><td class="num">${n(r.last30Days, '')}</td></tr>`;
    },
  )}</tbody></table>`;
}

export function renderOverview(page: OverviewPage, now = Date.now()): string {
  const { overview: o } = page;
  const active = o.readers.byStatus.find((s) => s.key === 'active')?.count ?? 0;
  const body = html`<h1>Admin overview</h1>
${page.notice ? html`<div class="notice${page.send.paused ? ' warn' : ''}" role="status">${page.notice}</div>` : ''}
<p class="muted small">Numbers as of ${ago(o.computedAt, now)} (computed in ${fmt(o.computeMs)} ms, refreshed in the background) · <a href="/admin?fresh=1">recompute now</a></p>
<div class="tiles">${tile('active readers', active, 'good')}${tile('readers in total', o.readers.total)}${tile('new this week', o.readers.newThisWeek)}${tile('unsubscribed this week', o.readers.unsubscribedThisWeek)}${tile('bounced or complained', o.readers.bouncedOrComplained, o.readers.bouncedOrComplained ? 'warn' : '')}${tile('digests sent today', o.deliveries.sentToday, 'good')}${tile('digests failed today', o.deliveries.failedToday, o.deliveries.failedToday ? 'bad' : '')}${tile('digests pending', o.deliveries.pending)}${tile('papers', o.papers.total)}${tile('new papers this week', o.papers.newThisWeek)}</div>
<div class="grid" style="margin-bottom:1rem">${sendCard(page, now)}${queuesCard(page.queues)}</div>
${dailyChartsCard(o.daily)}
<div class="grid">
<div class="card"><h2>Readers by status</h2>${barTable(o.readers.byStatus, 'No readers yet.')}
<h2 style="margin-top:1rem">Active readers by frequency</h2>${barTable(o.readers.activeByFrequency, 'No active readers.')}
<h2 style="margin-top:1rem">Active readers by what they get</h2>${barTable(byDigestMode(o), 'No active readers.')}</div>
<div class="card"><h2>Top topics</h2>${barTable(o.topTopics, 'No topics yet.')}</div>
<div class="card"><h2>Papers by source</h2>${barTable(o.papers.bySource, 'No papers ingested yet.')}
<h2 style="margin-top:1rem">Last ingest run per source</h2>${
    o.papers.lastRuns.length
      ? html`<div class="tablescroll" role="region" aria-label="Last ingest run per source" tabindex="0"><table><thead><tr><th>Source</th><th>Status</th><th>Started</th><th class="num">New / fetched</th></tr></thead><tbody>${o.papers.lastRuns.map(
          (r) =>
            html`<tr><td>${r.source}</td><td>${runBadge(r.status)}${r.error ? html`<span class="runerr" title="${r.error}">${r.error.length > 90 ? `${r.error.slice(0, 90)}…` : r.error}</span>` : ''}</td><td>${ago(r.startedAt, now)}</td><td class="num">${fmt(r.inserted)} / ${fmt(r.fetched)}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p class="muted">No ingest run yet.</p>`
  }</div>
<div class="card"><h2>Digests created today</h2>${barTable(o.deliveries.todayByStatus, 'No digest today yet.')}
<h2 style="margin-top:1rem">Suppressed addresses <span class="badge">${fmt(o.suppressions.total)}</span></h2>${barTable(o.suppressions.byReason, 'No suppressed address.')}
<h2 style="margin-top:1rem">Bounces and complaints reported later</h2>${asyncBouncesTable(o.asyncBounces)}</div>
</div>`;
  return adminLayout('Admin overview', body, 'overview');
}
