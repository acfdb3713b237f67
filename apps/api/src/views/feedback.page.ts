// The pages behind the digest's feedback links. Opening a link shows what it will do and a
// form; the browser posts it by itself (confirm.js, the confirmation page's script: a person's
// one click from the email), a link scanner never does. The answer says what changed and offers
// undo, which posts back what was there before.
import type { TopicSetting, VoteValue } from '@paperboy/core';
import { csrfInput, pageHead } from './form-parts';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

const VOTE_WORD: Record<VoteValue, string> = { 1: 'more like this', [-1]: 'less like this', 0: 'no vote' };
const VOTE_FIELD: Record<VoteValue, string> = { 1: 'more', [-1]: 'less', 0: 'none' };

function voteEffect(value: VoteValue, receivesDigests: boolean): string {
  // An unsubscribed or paused reader gets no next digest: the vote waits for one.
  const when = receivesDigests ? 'From your next digest' : 'You get no digests now; once they start again';
  if (value === 1)
    return `${when}, papers like this one rank higher within your topics, and up to a few papers like it from beyond your topics may be added ("Because you liked …").`;
  if (value === -1) return `${when}, papers like this one rank lower within your topics.`;
  return 'This paper no longer counts for or against anything in your digests.';
}

const page = (title: string, body: SafeHtml, script = false) =>
  layout({ title, body, head: script ? pageHead('confirm.js') : pageHead() });

function voteForm(
  action: string,
  csrf: string,
  value: VoteValue,
  label: string,
  kind: 'primary' | 'secondary',
  auto = false,
) {
  return html`<form method="post" action="${action}"${auto ? html` data-auto-confirm` : html``} class="inline-form">${csrfInput(csrf)}<input type="hidden" name="v" value="${VOTE_FIELD[value]}"><button type="submit"${kind === 'secondary' ? html` class="secondary"` : html``}>${label}</button></form>`;
}

/** GET /vote/:token/:paperId — nothing recorded yet. */
export function votePage(o: {
  action: string;
  csrf: string;
  title: string;
  wanted: VoteValue;
  current: VoteValue;
  receivesDigests: boolean;
}): string {
  const word = VOTE_WORD[o.wanted];
  const body = html`<h1>${o.wanted === 1 ? 'More like this?' : 'Less like this?'}</h1>
    <div class="card"><p><strong>${o.title}</strong></p>
      <p>${voteEffect(o.wanted, o.receivesDigests)}</p>
      ${o.current !== 0 && o.current !== o.wanted ? html`<p class="muted">You said ${VOTE_WORD[o.current]} before; this changes it.</p>` : html``}
      ${voteForm(o.action, o.csrf, o.wanted, `Yes, ${word}`, 'primary', true)}
      <p class="muted" id="confirm-status" role="status" aria-live="polite"></p></div>`;
  return page(o.wanted === 1 ? 'More like this' : 'Less like this', body, true);
}

/** Undo puts back the vote before; the same vote clicked twice (nothing before it to go back
 * to on this page) can still be taken back. */
function undoForm(o: { action: string; csrf: string; value: VoteValue; previous: VoteValue }): SafeHtml {
  if (o.previous !== o.value)
    return voteForm(
      o.action,
      o.csrf,
      o.previous,
      o.previous === 0 ? 'Undo' : `Undo (back to ${VOTE_WORD[o.previous]})`,
      'secondary',
    );
  return o.value === 0 ? html`` : voteForm(o.action, o.csrf, 0, 'Remove this vote', 'secondary');
}

/** POST /vote/:token/:paperId — recorded; undo puts back the previous vote. */
export function votedPage(o: {
  action: string;
  csrf: string;
  title: string;
  value: VoteValue;
  previous: VoteValue;
  receivesDigests: boolean;
  manageUrl: string;
}): string {
  const heading = o.value === 0 ? 'Vote removed' : `Noted: ${VOTE_WORD[o.value]}`;
  const other: VoteValue = o.value === 1 ? -1 : 1;
  const body = html`<h1>${heading}</h1>
    <div class="card" id="vote-result"><p><strong>${o.title}</strong></p>
      <p>${voteEffect(o.value, o.receivesDigests)}</p>
      ${undoForm(o)}
      ${o.value !== 0 ? voteForm(o.action, o.csrf, other, `Change to ${VOTE_WORD[other]}`, 'secondary') : html``}
      <p class="muted">Your votes teach only your own digest. See them, or forget them all, on <a href="${o.manageUrl}">your preferences page</a>.</p></div>`;
  return page(heading, body);
}

const SETTING_WORD: Record<TopicSetting, string> = {
  normal: 'as usual',
  fewer: 'fewer papers',
  muted: 'muted',
};
const SETTING_FIELD: Record<TopicSetting, string> = { normal: 'normal', fewer: 'fewer', muted: 'mute' };

function topicEffect(label: string, setting: TopicSetting): SafeHtml {
  if (setting === 'fewer')
    return html`<p>Your digests keep <strong>${label}</strong>, with about half as many papers on it as before.</p>`;
  if (setting === 'muted')
    return html`<p>Your digests leave out <strong>${label}</strong> until you unmute it. You still follow it: nothing else changes.</p>`;
  return html`<p>Your digests carry <strong>${label}</strong> as usual.</p>`;
}

function topicForm(
  action: string,
  csrf: string,
  setting: TopicSetting,
  label: string,
  kind: 'primary' | 'secondary',
  auto = false,
) {
  return html`<form method="post" action="${action}"${auto ? html` data-auto-confirm` : html``} class="inline-form">${csrfInput(csrf)}<input type="hidden" name="do" value="${SETTING_FIELD[setting]}"><button type="submit"${kind === 'secondary' ? html` class="secondary"` : html``}>${label}</button></form>`;
}

/** GET /topic/:token — nothing changed yet. */
export function topicPage(o: { action: string; csrf: string; label: string; wanted: TopicSetting }): string {
  const title =
    o.wanted === 'fewer'
      ? `Fewer papers on ${o.label}?`
      : o.wanted === 'muted'
        ? `Mute ${o.label}?`
        : `${o.label} as usual?`;
  const button =
    o.wanted === 'fewer' ? 'Yes, fewer on this topic' : o.wanted === 'muted' ? 'Yes, mute this topic' : 'Yes, as usual';
  const body = html`<h1>${title}</h1>
    <div class="card">${topicEffect(o.label, o.wanted)}
      ${topicForm(o.action, o.csrf, o.wanted, button, 'primary', true)}
      <p class="muted" id="confirm-status" role="status" aria-live="polite"></p></div>`;
  return page(title, body, true);
}

/** POST /topic/:token — changed; undo puts back the previous setting. */
export function topicDonePage(o: {
  action: string;
  csrf: string;
  label: string;
  setting: TopicSetting;
  previous: TopicSetting;
  manageUrl: string;
}): string {
  const heading = `${o.label}: ${SETTING_WORD[o.setting]}`;
  const body = html`<h1>${heading}</h1>
    <div class="card" id="topic-result">${topicEffect(o.label, o.setting)}
      ${o.previous !== o.setting ? topicForm(o.action, o.csrf, o.previous, `Undo (back to ${SETTING_WORD[o.previous]})`, 'secondary') : html``}
      <p class="muted">Change your topics, or bring this one back later, on <a href="${o.manageUrl}">your preferences page</a>.</p></div>`;
  return page(heading, body);
}

function addTopicForm(
  action: string,
  csrf: string,
  what: 'add' | 'remove',
  label: string,
  kind: 'primary' | 'secondary',
  auto = false,
) {
  return html`<form method="post" action="${action}"${auto ? html` data-auto-confirm` : html``} class="inline-form">${csrfInput(csrf)}<input type="hidden" name="do" value="${what}"><button type="submit"${kind === 'secondary' ? html` class="secondary"` : html``}>${label}</button></form>`;
}

/** GET /add-topic/:token — nothing added yet (a reader who already follows it is told so, no form). */
export function addTopicPage(o: {
  action: string;
  csrf: string;
  label: string;
  followed: boolean;
  manageUrl: string;
}): string {
  const title = o.followed ? `You follow ${o.label}` : `Add ${o.label} to your topics?`;
  const body = o.followed
    ? html`<h1>${title}</h1>
    <div class="card"><p>Your digests already carry <strong>${o.label}</strong>. Change your topics on <a href="${o.manageUrl}">your preferences page</a>.</p></div>`
    : html`<h1>${title}</h1>
    <div class="card"><p>From your next digest, papers on <strong>${o.label}</strong> get a section of their own beside your other topics.</p>
      ${addTopicForm(o.action, o.csrf, 'add', 'Yes, add this topic', 'primary', true)}
      <p class="muted" id="confirm-status" role="status" aria-live="polite"></p></div>`;
  return page(title, body, !o.followed);
}

/** POST /add-topic/:token — added (or removed by undo); undo is offered only when this link changed something. */
export function addTopicDonePage(o: {
  action: string;
  csrf: string;
  label: string;
  followed: boolean;
  changed: boolean;
  manageUrl: string;
}): string {
  const heading = o.followed ? `Added: ${o.label}` : `Removed: ${o.label}`;
  const body = html`<h1>${heading}</h1>
    <div class="card" id="add-topic-result"><p>${o.followed ? html`Your digests now carry <strong>${o.label}</strong> beside your other topics.` : html`Your digests no longer carry <strong>${o.label}</strong>.`}</p>
      ${o.changed ? addTopicForm(o.action, o.csrf, o.followed ? 'remove' : 'add', o.followed ? 'Undo (remove it again)' : 'Add it again', 'secondary') : html``}
      <p class="muted">See all your topics on <a href="${o.manageUrl}">your preferences page</a>.</p></div>`;
  return page(heading, body);
}
