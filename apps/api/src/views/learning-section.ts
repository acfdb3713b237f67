// The preferences page's "What your votes changed" card: topics read "fewer" or muted, with the
// way back, and the reader's votes, with a way to forget them all.
import type { LearningView, TopicSetting } from '@paperboy/core';
import { csrfInput } from './form-parts';
import { html } from './html';

const SETTING: Record<TopicSetting, string> = { normal: 'as usual', fewer: 'fewer papers', muted: 'muted' };

const papers = (n: number): string => `${n} paper${n === 1 ? '' : 's'}`;

export function learningSection(base: string, csrf: string, view: LearningView | undefined) {
  if (!view) return html``;
  const changed = view.topics.filter((t) => t.setting !== 'normal');
  const topicRows = view.topics.map(
    (t) => html`<li>${t.label}: <strong>${SETTING[t.setting]}</strong>
      <span class="topic-actions">${(['normal', 'fewer', 'muted'] as const)
        .filter((s) => s !== t.setting)
        .map((s) => {
          const label =
            s === 'normal' ? (t.setting === 'muted' ? 'Unmute' : 'Back to as usual') : s === 'fewer' ? 'Fewer' : 'Mute';
          // Each row has the same buttons: the accessible name says which topic each one is for.
          return html` <form method="post" action="${base}/topic-setting" class="inline-form">${csrfInput(csrf)}<input type="hidden" name="key" value="${t.key}"><input type="hidden" name="do" value="${s === 'muted' ? 'mute' : s}"><button type="submit" class="secondary" aria-label="${label}: ${t.label}">${label}</button></form>`;
        })}</span></li>`,
  );
  const { more, less, recent } = view.votes;
  const related = view.related.length
    ? html`<h3>Related topics</h3><p class="muted">Other readers follow these, and they matched papers of your recent digests.</p><ul class="related-topics">${view.related.map(
        (t) =>
          html`<li>${t.label} <span class="muted">(${t.papers} of your papers)</span> <form method="post" action="${base}/topic-add" class="inline-form">${csrfInput(csrf)}<input type="hidden" name="topic" value="${t.label}"><button type="submit" class="secondary" aria-label="Add this topic: ${t.label}">Add this topic</button></form></li>`,
      )}</ul>`
    : html``;
  return html`<section class="card" id="learning"><h2>What your feedback changes</h2>
    ${view.topics.length > 0 ? html`<p>${changed.length === 0 ? 'Every topic comes as usual.' : `${changed.length} of your topics ${changed.length === 1 ? 'is' : 'are'} read differently.`} "Fewer" gives a topic about half its places; "muted" leaves it out of your digests while you keep following it.</p><ul class="topic-settings">${topicRows}</ul>` : html``}
    ${
      more + less === 0
        ? html`<p class="muted">No votes yet. Each paper in your digest has "More like this" and "Less like this": your votes re-rank your own digest, and may add a few papers like the ones you liked from beyond your topics.</p>`
        : html`<p>You voted <strong>more like this</strong> on ${papers(more)} and <strong>less like this</strong> on ${papers(less)}; they re-rank your digest${view.model ? html` (model fitted ${view.model.trainedAt.toISOString().slice(0, 10)} on ${view.model.votes} vote${view.model.votes === 1 ? '' : 's'})` : html``}. Only your votes teach it, and only your digest.</p>
      <ul>${recent.map((v) => html`<li>${v.vote}: ${v.paper.title}</li>`)}</ul>
      <form method="post" action="${base}/votes/forget">${csrfInput(csrf)}<button type="submit" class="secondary">Forget all my votes</button></form>`
    }${related}</section>`;
}
