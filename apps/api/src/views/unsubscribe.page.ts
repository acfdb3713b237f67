// The page behind the unsubscribe link: one button unsubscribes; "just fewer emails" switches
// to weekly; after unsubscribing, one button brings the reader back.
import { csrfInput, pageHead } from './form-parts';
import { html } from './html';
import { layout } from './layout';

export interface UnsubscribePageOptions {
  token: string;
  csrf: string;
  email: string;
  status: string;
  frequency: string;
  manageUrl: string;
  /** What the reader just did on this page (`?done=`): the page says it is done, and after
   * "Resubscribe" welcomes them back rather than asking again whether to unsubscribe. */
  done?: string;
}

// Maps: `?done=constructor` must find nothing, not Object's own properties.
const NOTICES = new Map([
  ['unsubscribe', 'Done. You will not get any more digests.'],
  ['weekly', 'Done: you now get one email a week.'],
  ['resubscribe', 'Welcome back! Your digests start again.'],
  ['confirm', 'Welcome back! Please confirm from the email we just sent you.'],
]);
const HEADINGS = new Map([
  ['resubscribe', 'You are subscribed again'],
  ['confirm', 'Confirm to subscribe again'],
]);

export function unsubscribePage(o: UnsubscribePageOptions): string {
  const action = `/unsubscribe/${o.token}`;
  const button = (value: string, label: string, cls = '') =>
    html`<form method="post" action="${action}" class="inline">${csrfInput(o.csrf)}<input type="hidden" name="action" value="${value}"><button type="submit" class="${cls}">${label}</button></form>`;
  const done = NOTICES.get(o.done ?? '');
  const notice = done ? html`<div class="notice ok-box" role="status">${done}</div>` : html``;
  const body =
    o.status === 'unsubscribed'
      ? html`<h1>You are unsubscribed</h1>${notice}
        <div class="card"><p><strong>${o.email}</strong> will not get any more digests from paperboy.</p>
        <p>Clicked by mistake, or missing the papers already?</p>${button('resubscribe', 'Resubscribe')}</div>`
      : html`<h1>${HEADINGS.get(o.done ?? '') ?? 'Unsubscribe from paperboy?'}</h1>${notice}
        <div class="card"><p>This stops every digest to <strong>${o.email}</strong>, right away.</p>${button('unsubscribe', 'Unsubscribe')}</div>
        ${
          o.frequency === 'daily'
            ? html`<div class="card"><h2>Just fewer emails?</h2><p>Get one email a week with the best papers instead of one a day.</p>${button('weekly', 'Switch to weekly', 'secondary')}</div>`
            : html``
        }
        <p class="muted">Want other topics instead? <a href="${o.manageUrl}">Change your preferences</a>.</p>`;
  return layout({ title: 'Unsubscribe', body, head: pageHead() });
}
