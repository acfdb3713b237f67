// The confirmation landing page and its answer. Both say what the reader gets and when, in
// their own zone, with the link to change it: the confirmation email may be hours old.
import { followsTopics, type DigestMode } from '@paperboy/core';
import { csrfInput, pageHead } from './form-parts';
import { html } from './html';
import { layout } from './layout';

export interface ConfirmRecap {
  digestMode: DigestMode;
  topics: string[];
  frequency: 'daily' | 'weekly';
  timezone: string;
  digestHour: number;
  digestWeekday: number;
  manageUrl: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CARRIES: Record<DigestMode, string> = {
  trending: 'the top trending papers',
  topics: 'papers on your topics',
  topics_trending: 'papers on your topics, then the top trending ones',
};

/** "every day at 08:00 Europe/Berlin" or "every Monday at 08:00 Europe/Berlin". */
export function deliverySentence(
  r: Pick<ConfirmRecap, 'frequency' | 'timezone' | 'digestHour' | 'digestWeekday'>,
): string {
  const day = r.frequency === 'weekly' ? `every ${WEEKDAYS[r.digestWeekday - 1] ?? 'Monday'}` : 'every day';
  return `${day} at ${String(r.digestHour).padStart(2, '0')}:00 ${r.timezone}`;
}

function recap(r: ConfirmRecap) {
  const topics = followsTopics(r.digestMode) && r.topics.length > 0;
  return html`<dl class="recap">
      <dt>What</dt><dd>${CARRIES[r.digestMode]}</dd>
      ${topics ? html`<dt>Your topics</dt><dd><ul class="topic-list">${r.topics.map((t) => html`<li>${t}</li>`)}</ul></dd>` : html``}
      <dt>When</dt><dd>${deliverySentence(r)}</dd>
    </dl>
    <p><a href="${r.manageUrl}">Change your topics or schedule</a></p>`;
}

/** With JavaScript the form sends itself (confirm.js): one click from the email. Without, the button. */
export function confirmPage(token: string, csrf: string, r: ConfirmRecap): string {
  const body = html`<h1>One last step</h1>
    <form class="card" method="post" action="/confirm/${token}" data-auto-confirm>${csrfInput(csrf)}
      <p>Press the button to confirm that you want paperboy digests at this address.</p>
      ${recap(r)}
      <button type="submit">Yes, send me papers</button>
      <p class="muted" id="confirm-status" role="status" aria-live="polite"></p></form>`;
  return layout({ title: 'Confirm your subscription', body, head: pageHead('confirm.js') });
}

export function confirmedPage(r: ConfirmRecap, already: boolean): string {
  const body = html`<h1>${already ? 'You were already subscribed' : 'You are subscribed!'}</h1>
    <div class="card"><p>${already ? 'Nothing changed: your digests keep coming' : 'Your digests arrive'} ${deliverySentence(r)}.</p>
    ${recap(r)}
    <p class="muted">Every email has a link to manage your subscription too: switch between top trending and your topics, pause, or leave.</p></div>`;
  return layout({ title: 'Subscribed', body, head: pageHead() });
}
