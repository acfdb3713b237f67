// The subscribe page (GET /). Works as a plain HTML form; subscribe.js adds time-zone
// detection and the proof-of-work; topic-preview.js the live preview beside the form and the
// guidance on each topic while typing.
import type { TopicSuggestion } from '@paperboy/core';
import {
  csrfInput,
  digestModeRadios,
  errorSummary,
  fieldError,
  frequencyRadios,
  invalidAttrs,
  pageHead,
  timezoneSelect,
  topicsTextarea,
  type Errors,
} from './form-parts';
import { html } from './html';
import { layout } from './layout';
import { withPreview } from './preview-panel';

export interface SubscribeFormValues {
  email: string;
  topics: string;
  /** trending | topics | topics_trending; the form starts on topics_trending (with no topics typed, that is top trending). */
  digestMode: string;
  frequency: string;
  timezone: string;
}

export interface SubscribePageOptions {
  values: SubscribeFormValues;
  errors?: Errors;
  suggestions: TopicSuggestion[];
  csrf: string;
  challenge: boolean;
}

function suggestionChips(suggestions: TopicSuggestion[]) {
  if (suggestions.length === 0) return html``;
  const chips = suggestions.map(
    (s) =>
      html`<label class="chip"><input type="checkbox" name="topics" value="${s.label}"><span>${s.label}</span></label>`,
  );
  return html`<fieldset class="suggestions"><legend>Or pick some popular ones</legend><div class="chips">${chips}</div></fieldset>`;
}

export function subscribePage({ values, errors = {}, suggestions, csrf, challenge }: SubscribePageOptions): string {
  const summary = errorSummary(errors, 'Please fix these fields:');
  const body = html`<h1>Trending research papers in your inbox</h1>
    <p class="lead">Every morning (or once a week), the papers people are talking about: the top trending ones, the ones on your topics, or both. Title, authors, a short summary, and why each is there. Just an email address is enough. No account, no tracking, unsubscribe in one click.</p>
    ${summary}
    ${withPreview(html`<form class="card" method="post" action="/subscribe" id="subscribe-form" data-preview novalidate data-challenge="${challenge ? 'on' : 'off'}">
      ${csrfInput(csrf)}
      <label for="email">Your email address</label>
      <input id="email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="254" required value="${values.email}"${invalidAttrs(errors, 'email')}>
      ${fieldError(errors, 'email')}
      ${digestModeRadios(values.digestMode, errors)}
      ${topicsTextarea(values.topics, errors)}
      ${suggestionChips(suggestions)}
      ${frequencyRadios(values.frequency, errors)}
      ${timezoneSelect(values.timezone, errors)}
      <input type="hidden" name="proof" id="proof" value="">
      <p class="hint">We will email you a link to confirm. Nothing is sent until you click it.</p>
      <button type="submit" id="subscribe-button">Subscribe</button>
      <p class="hint" id="form-status" role="status" aria-live="polite"></p>
    </form>`)}`;
  return layout({ title: 'Subscribe', body, head: pageHead('sha256.js', 'subscribe.js', 'topic-preview.js') });
}
