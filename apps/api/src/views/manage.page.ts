// Manage preferences (from the signed link in every email): digest mode, topics, schedule, pause, the last
// digests, and the reader's data rights (export, wipe).
import type { LearningView, ManageView, NextDigest } from '@paperboy/core';
import {
  csrfInput,
  digestModeRadios,
  errorSummary,
  frequencyRadios,
  pageHead,
  scheduleSelects,
  timezoneSelect,
  topicsTextarea,
  type Errors,
} from './form-parts';
import { deliverySentence } from './confirm.page';
import { html } from './html';
import { layout } from './layout';
import { learningSection } from './learning-section';
import { withPreview } from './preview-panel';

export interface ManagePageOptions {
  token: string;
  csrf: string;
  view: ManageView;
  unsubscribeUrl: string;
  errors?: Errors;
  /** Values to show instead of the stored ones (after a failed save). */
  values?: { digestMode: string; topics: string; frequency: string; timezone: string };
  notice?: string;
  /** The digest as it would be composed now (same sections as the email). */
  next?: NextDigest;
  /** Topic settings and votes (issue 13). */
  learning?: LearningView;
}

const STATUS_TEXT: Record<string, string> = {
  paused: 'Paused: no digests until you resume.',
  pending: 'Waiting for you to confirm: look for our email.',
  unsubscribed: 'Unsubscribed: you get no emails.',
  bounced: 'Paused: your mail server refused our emails.',
  complained: 'Stopped: an email was marked as spam.',
};
/** The one thing a paused or unsubscribed reader most likely came to do, as a button. */
const STATUS_ACTION: Record<string, [action: string, label: string]> = {
  paused: ['resume', 'Resume digests'],
  unsubscribed: ['resubscribe', 'Resubscribe'],
};

function statusLine(o: ManagePageOptions, base: string) {
  const s = o.view.subscriber;
  const text =
    s.status === 'active' ? `Active: digests arrive ${deliverySentence(s)}.` : (STATUS_TEXT[s.status] ?? s.status);
  const action = STATUS_ACTION[s.status];
  if (!action) return html`<p class="muted">For <strong>${s.email}</strong>. ${text}</p>`;
  return html`<p class="muted">For <strong>${s.email}</strong>.</p>
    <form class="notice status-box ${s.status}-box" method="post" action="${base}/status">${csrfInput(o.csrf)}
      <p><strong>${text}</strong></p><button type="submit" name="action" value="${action[0]}">${action[1]}</button></form>`;
}

function deliveriesList(view: ManageView) {
  if (view.deliveries.length === 0) return html`<p class="muted">No digest sent yet.</p>`;
  return html`<ul class="deliveries">${view.deliveries.map((d) => {
    const titles = d.papers.slice(0, 3).map((p, i) => {
      const url = p.paper.hfUrl ?? p.paper.arxivUrl;
      return html`${i > 0 ? ' · ' : ''}${url ? html`<a href="${url}" rel="noopener noreferrer">${p.paper.title}</a>` : p.paper.title}`;
    });
    const more = d.papers.length > 3 ? html` and ${d.papers.length - 3} more` : html``;
    return html`<li><strong>${d.sentAt?.toISOString().slice(0, 10) ?? d.periodKey}</strong>: ${d.papers.length} paper${d.papers.length === 1 ? '' : 's'}
      <span class="muted">(${titles}${more})</span></li>`;
  })}</ul>`;
}

/** The next digest as the email would compose it: a heading per section, "Nothing new on X". */
function nextDigestCard(next: NextDigest | undefined) {
  if (!next) return html``;
  const headings = next.sections.length > 1 || next.quiet.length > 0;
  const sections = next.sections.map(
    (s) =>
      html`${headings && s.heading ? html`<h3>${s.heading}</h3>` : html``}<ul class="deliveries">${s.papers.map(
        (p) =>
          html`<li><a href="${p.url}" rel="noopener noreferrer">${p.title}</a>${p.signals ? html` <span class="muted">${p.signals}</span>` : html``}<br><span class="muted">${p.reason}</span></li>`,
      )}</ul>`,
  );
  const quiet = next.quiet.map((t) => html`<p class="muted">Nothing new on ${t} right now.</p>`);
  const empty =
    next.sections.length === 0
      ? html`<p class="muted">Nothing new for you right now: no email would go out.</p>`
      : html``;
  return html`<section class="card next-digest"><h2>Your next digest, if it went out now</h2>${empty}${sections}${quiet}</section>`;
}

const canUnsubscribe = new Set(['active', 'paused', 'pending']);

export function managePage(o: ManagePageOptions): string {
  const s = o.view.subscriber;
  const values = o.values ?? {
    digestMode: s.digestMode,
    topics: s.topics.map((t) => t.raw).join('\n'),
    frequency: s.frequency,
    timezone: s.timezone,
  };
  const base = `/manage/${o.token}`;
  const canPause = s.status === 'active' || s.status === 'paused';
  const notice = o.notice ? html`<div class="notice ok-box" role="status">${o.notice}</div>` : html``;
  const errorBox = errorSummary(o.errors ?? {}, 'Nothing was saved. Please fix these fields:');
  const body = html`<h1>Your paperboy subscription</h1>${notice}${errorBox}
    ${statusLine(o, base)}
    ${withPreview(html`<form class="card" method="post" action="${base}" data-preview>${csrfInput(o.csrf)}
      <h2>Papers and schedule</h2>
      ${digestModeRadios(values.digestMode, o.errors ?? {})}
      ${topicsTextarea(values.topics, o.errors ?? {})}
      ${frequencyRadios(values.frequency, o.errors ?? {}, 'the best of the week, on the day you pick below')}
      ${timezoneSelect(values.timezone, o.errors ?? {})}
      ${scheduleSelects(s.digestHour, s.digestWeekday, values.frequency, o.errors ?? {})}
      ${canPause ? html`<label class="choice"><input type="checkbox" name="paused" value="on"${s.status === 'paused' ? html` checked` : html``}> <span>Pause my digests for now</span></label>` : html``}
      <input type="hidden" name="pauseField" value="1">
      <button type="submit">Save changes</button>
    </form>`)}
    ${nextDigestCard(o.next)}
    ${learningSection(base, o.csrf, o.learning)}
    <section class="card"><h2>Last digests</h2>${deliveriesList(o.view)}</section>
    <section class="card"><h2>Your data</h2>
      <p>Download everything we store about you: your address, topics, consent, history and digests.</p>
      <p><a class="button secondary" href="${base}/export" download="paperboy-data.json">Download my data (JSON)</a></p>
      <form method="post" action="${base}/wipe">${csrfInput(o.csrf)}
        <h3>Delete everything</h3>
        <p>This deletes your subscription and all its history for good. We keep only a one-way fingerprint of your address so we never email it again.</p>
        <label class="choice"><input type="checkbox" name="confirm" id="wipe-confirm" value="yes" required> <span>Yes, delete all my data</span></label>
        <button type="submit" class="danger">Delete my data</button>
      </form></section>
    ${canUnsubscribe.has(s.status) ? html`<p><a href="${o.unsubscribeUrl}">Unsubscribe</a></p>` : html``}`;
  return layout({ title: 'Manage your subscription', body, head: pageHead('manage.js', 'topic-preview.js') });
}
