// The live preview beside a topics form (the subscribe form, the preferences page): filled by
// topic-preview.js from GET /subscribe/preview, hidden without JavaScript. Wrapped with its form
// in .with-preview: two columns on wide screens (the preview sticky beside the form, in view
// while typing), stacked on a phone.
import { html, type SafeHtml } from './html';

export function previewPanel(): SafeHtml {
  return html`<section class="card preview" id="preview" hidden aria-live="polite" aria-busy="false" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Recent papers you would have got</h2>
      <p class="hint" id="preview-status">Type a topic to see a preview.</p>
      <ol id="preview-list"></ol>
      <h3 id="also-heading" hidden>Also trending</h3>
      <ol id="also-list"></ol>
    </section>`;
}

/** The form and its preview side by side (see reader.css). */
export function withPreview(form: SafeHtml): SafeHtml {
  return html`<div class="with-preview">${form}${previewPanel()}</div>`;
}

/** Under the topics box: each topic's recent papers and what to change (topic-preview.js fills it). */
export function topicGuidance(): SafeHtml {
  return html`<div class="topic-guidance" id="topic-guidance" hidden>
      <p class="hint">Your topics over the last two weeks:</p>
      <ul id="topic-guidance-list"></ul>
    </div>
    <p class="visually-hidden" id="topic-guidance-status" role="status" aria-live="polite"></p>`;
}
