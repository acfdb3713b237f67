// The subscribe page (GET /). Works as a plain HTML form; subscribe.js adds time-zone
// detection, clickable suggestions, the live preview and the proof-of-work.
import type { TopicSuggestion } from '@paperboy/core';
import { csrfInput, fieldError, frequencyRadios, invalidAttrs, pageHead, timezoneSelect, topicsTextarea, type Errors } from './form-parts';
import { html } from './html';
import { layout } from './layout';

export interface SubscribeFormValues {
  email: string;
  topics: string;
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
  const chips = suggestions.map((s) => html`<label class="chip"><input type="checkbox" name="topics" value="${s.label}"><span>${s.label}</span></label>`);
  return html`<fieldset class="suggestions"><legend>Or pick some popular ones</legend><div class="chips">${chips}</div></fieldset>`;
}

export function subscribePage({ values, errors = {}, suggestions, csrf, challenge }: SubscribePageOptions): string {
  const summary = Object.keys(errors).length
    ? html`<div class="notice error-box" role="alert" tabindex="-1" id="form-errors"><strong>Please fix the highlighted fields.</strong></div>`
    : html``;
  const body = html`<h1>Trending research papers on your topics, in your inbox</h1>
    <p class="lead">Tell us what you follow. Every morning (or once a week) you get the papers people are talking about that match it: title, authors, a short summary, and why it matched. No account, no tracking, unsubscribe in one click.</p>
    ${summary}
    <form class="card" method="post" action="/subscribe" id="subscribe-form" novalidate data-challenge="${challenge ? 'on' : 'off'}">
      ${csrfInput(csrf)}
      <label for="email">Your email address</label>
      <input id="email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="254" required value="${values.email}"${invalidAttrs(errors, 'email')}>
      ${fieldError(errors, 'email')}
      ${topicsTextarea(values.topics, errors)}
      ${suggestionChips(suggestions)}
      ${frequencyRadios(values.frequency, errors)}
      ${timezoneSelect(values.timezone, errors)}
      <input type="hidden" name="proof" id="proof" value="">
      <p class="hint">We will email you a link to confirm. Nothing is sent until you click it.</p>
      <button type="submit" id="subscribe-button">Subscribe</button>
      <p class="hint" id="form-status" role="status" aria-live="polite"></p>
    </form>
    <section class="card preview" id="preview" hidden aria-live="polite" aria-busy="false">
      <h2>Recent papers you would have got</h2>
      <p class="hint" id="preview-status">Type a topic to see a preview.</p>
      <ol id="preview-list"></ol>
    </section>`;
  return layout({ title: 'Subscribe', body, head: pageHead('sha256.js', 'subscribe.js') });
}
