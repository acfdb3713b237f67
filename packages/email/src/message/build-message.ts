// Builds the Nodemailer message for one rendered email: addresses, both parts and the
// headers every digest carries (List-Unsubscribe and its one-click POST, List-Id, a stable
// Message-ID). Pure: the transport only sends what this returns.
import type Mail from 'nodemailer/lib/mailer';
import type { RenderedEmail } from '../render/email-data.types';
import { domainOfAddress, stableMessageId } from './message-id';

export interface BuildMessageInput {
  /** The sender, e.g. MAIL_FROM: `Paperboy <papers@example.com>`. */
  from: string;
  /** The reader's address. */
  to: string;
  content: RenderedEmail;
  /** Same key → same Message-ID (use the delivery id, or e.g. `confirm-<subscriber>-<n>`). */
  idempotencyKey: string;
  /** The config's SECRET_KEY: keys the Message-ID so it cannot be traced back to the idempotency key. */
  secretKey: string;
  /** Domain for the Message-ID and List-Id (default: the sender's domain). */
  domain?: string;
  /** `List-Id` (RFC 2919), e.g. { name: 'Paperboy daily papers', id: 'digest' } → `<digest.example.com>`. */
  list?: { name: string; id: string };
  /** RFC 8058 one-click unsubscribe: an https URL that accepts a POST, plus an optional mailto. */
  unsubscribe?: { url: string; mailto?: string };
}

/** A header value Nodemailer must write exactly as given (no MIME encoding, no folding). */
export interface PreparedHeader {
  prepared: true;
  value: string;
}

export type MessageOptions = Mail.Options & { headers: Record<string, string | PreparedHeader>; messageId: string };

const HEADER_UNSAFE = /[\r\n]/;
const HTTPS_URL = /^https?:\/\/[^\s<>"'\\,]+$/i;
const MAILTO_URL = /^mailto:[^\s<>"'\\,]+$/i;
const LIST_ID_LABEL = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/;

export function buildMessage(input: BuildMessageInput): MessageOptions {
  for (const [field, value] of [
    ['from', input.from],
    ['to', input.to],
    ['subject', input.content.subject],
  ] as const) {
    // A line break in a header value is header injection: refuse rather than strip.
    if (typeof value !== 'string' || value.trim() === '' || HEADER_UNSAFE.test(value)) {
      throw new Error(`message: ${field} must be one non-empty line`);
    }
  }
  domainOfAddress(input.to); // throws with a clear message when `to` is not one address
  const domain = input.domain ?? domainOfAddress(input.from);
  const headers: Record<string, string | PreparedHeader> = {};
  if (input.list) headers['List-Id'] = listIdHeader(input.list, domain);
  if (input.unsubscribe) Object.assign(headers, unsubscribeHeaders(input.unsubscribe));
  return {
    from: input.from,
    to: input.to,
    subject: input.content.subject,
    html: input.content.html,
    text: input.content.text,
    messageId: stableMessageId(input.idempotencyKey, domain, input.secretKey),
    headers,
    // Base64 instead of quoted-printable: Nodemailer builds messages about twice as fast
    // (measured in BENCHMARKS.md, "Sending"), and the size difference of a digest's text part is small.
    textEncoding: 'base64',
  };
}

/**
 * Nodemailer MIME-encodes a header holding quotes, which turns List-Id into an encoded word
 * that list filters cannot read; so the value is kept to plain ASCII words and passed as
 * prepared (written as is).
 */
function listIdHeader(list: { name: string; id: string }, domain: string): PreparedHeader {
  if (!LIST_ID_LABEL.test(list.id))
    throw new Error(`message: list.id ${JSON.stringify(list.id)} must be letters, digits, dots and dashes`);
  const name = list.name
    .replace(/[^A-Za-z0-9 '.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const id = `${list.id}.${domain}`.toLowerCase();
  return { prepared: true, value: name ? `${name} <${id}>` : `<${id}>` };
}

function unsubscribeHeaders(unsubscribe: { url: string; mailto?: string }): Record<string, string> {
  // RFC 8058 requires an https URI for one-click; http is accepted for local development.
  if (!HTTPS_URL.test(unsubscribe.url)) {
    throw new Error(
      `message: unsubscribe.url must be an http(s) URL without spaces, quotes or commas, got ${JSON.stringify(unsubscribe.url)}`,
    );
  }
  const targets = [`<${unsubscribe.url}>`];
  if (unsubscribe.mailto !== undefined) {
    const mailto = unsubscribe.mailto.startsWith('mailto:') ? unsubscribe.mailto : `mailto:${unsubscribe.mailto}`;
    if (!MAILTO_URL.test(mailto))
      throw new Error(`message: unsubscribe.mailto ${JSON.stringify(unsubscribe.mailto)} is not a mailto address`);
    targets.push(`<${mailto}>`);
  }
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
