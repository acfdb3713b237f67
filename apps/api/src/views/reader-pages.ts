// Small reader pages: "check your inbox", confirm, confirmed, link problems, wiped.
import { csrfInput, pageHead } from './form-parts';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

const page = (title: string, body: SafeHtml) => layout({ title, body, head: pageHead() });

/** Neutral for every address, and true for each (see neutralAnswer in subscribe.routes). */
export function checkInboxPage(resendMinutes: number): string {
  const wait = `${resendMinutes} minute${resendMinutes === 1 ? '' : 's'}`;
  return page(
    'Check your inbox',
    html`<h1>Check your inbox</h1>
    <div class="card"><p>If that address can receive paperboy emails, a message is on its way to it, or arrived in the last few minutes.</p>
    <ul><li>New here? Click the link in the email to confirm. Nothing is sent before that. The email lists the topics and schedule you will get; you can change them at any time after confirming.</li>
    <li>Already subscribed? The email has a link to change your topics or schedule.</li></ul>
    <p class="muted">Nothing there? Look in your spam folder.${resendMinutes > 0 ? html` We send at most one such email every ${wait}, so if you don't see it, we can resend in ${wait}: <a href="/">send the form again</a> then.` : html` Or <a href="/">try again</a>.`}</p></div>`,
  );
}

export function expiredConfirmPage(token: string, csrf: string): string {
  return page(
    'Link expired',
    html`<h1>This confirmation link has expired</h1>
    <form class="card" method="post" action="/confirm/resend">${csrfInput(csrf)}<input type="hidden" name="token" value="${token}">
      <p>Links work for a limited time to keep your address safe. We can send you a fresh one.</p>
      <button type="submit">Send me a new link</button></form>`,
  );
}

/** What a link problem page offers next: a way back in (a link that does not work), a word
 * that the reader's subscription is untouched (a paper or topic that is gone), or nothing (a
 * deleted subscription, whose address may be blocked for good). */
export type LinkProblemNext = 'subscribe' | 'subscribed' | 'none';

const NEXT_STEPS: Record<LinkProblemNext, SafeHtml> = {
  subscribe: html`<p>You can always <a href="/">subscribe again from the start page</a>; if you are already subscribed we will email you a link to manage it.</p>`,
  subscribed: html`<p>Your subscription is unchanged. Every digest ends with a link to your preferences.</p>`,
  none: html``,
};

export function linkProblemPage(title: string, message: string, next: LinkProblemNext = 'subscribe'): string {
  return page(title, html`<h1>${title}</h1><div class="card"><p>${message}</p>${NEXT_STEPS[next]}</div>`);
}

export function wipedPage(): string {
  return page(
    'Data deleted',
    html`<h1>Everything is deleted</h1>
    <div class="card"><p>We deleted your address, topics, history and every digest record. All that remains is a one-way fingerprint of your address, so that we never email it again.</p>
    <p class="muted">Because of that fingerprint this address cannot subscribe again. If you change your mind, ask the operator of this site to lift it.</p></div>`,
  );
}
