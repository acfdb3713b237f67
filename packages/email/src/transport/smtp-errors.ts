// What an SMTP failure means for a digest. Nodemailer errors carry the server's reply code
// (`responseCode`), the whole reply line (`response`, e.g. '550 5.7.1 relaying denied'), the
// command it answered (`command`: 'CONN', 'MAIL FROM', 'RCPT TO', 'DATA'…) and a code for
// failures below SMTP ('ECONNECTION', 'ETIMEDOUT', 'ESOCKET'…).
// A 5xx alone does not say whose fault it is: a relay that refuses us ('550 5.7.1 relaying
// denied') answers 5xx to every RCPT TO. The RFC 3463 enhanced status code does say it, so only
// an address/mailbox code (5.1.x) suppresses a reader; everything else is ours to fix.
//   transient  4xx replies and connection trouble: retry later with backoff; counts towards
//              pausing the queue (the server or the network is the problem, not the reader).
//   recipient  5.1.x (bad destination mailbox/address, RFC 3463 §3.2): a hard bounce; the
//              delivery fails and the address is suppressed, no retry.
//   refused    any other 5xx to the envelope or the login: 5.7.x policy, 5.3.x system, 5.4.x
//              network, 5.2.x mailbox state, or no enhanced code at all. Retried like a
//              transient failure (nothing is lost while the operator fixes the relay), counts
//              towards pausing, never suppresses.
//   permanent  the message itself refused (5.6.x media, or a 5xx to DATA without an enhanced
//              code): the delivery fails, no retry, the address is kept; counts towards pausing.

export type SmtpFailure = 'transient' | 'recipient' | 'refused' | 'permanent';

interface SmtpErrorLike {
  responseCode?: number;
  command?: string;
  code?: string;
  response?: string;
  message?: string;
}

/** Commands whose 5.1.x is about our own address or session, not the reader's. */
const SENDER_COMMANDS = /^(MAIL|AUTH|EHLO|HELO|LHLO|CONN|STARTTLS)/i;

/** The enhanced status code (class, subject, detail) of a reply line, if it carries one. */
export function enhancedStatus(
  reply: string | undefined,
): { klass: number; subject: number; detail: number } | undefined {
  const m =
    /(?:^|\s)\d{3}[ -]([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/.exec(reply ?? '') ??
    /^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/.exec(reply ?? '');
  return m ? { klass: Number(m[1]), subject: Number(m[2]), detail: Number(m[3]) } : undefined;
}

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as SmtpErrorLike;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  // 4xx, no reply at all (connection refused, dropped, timed out), or an unknown error.
  if (reply === undefined || reply < 500 || reply >= 600) return 'transient';
  const status = enhancedStatus(e.response) ?? enhancedStatus(typeof e.message === 'string' ? e.message : undefined);
  const command = e.command ?? '';
  // X.1.7 and X.1.8 are the sender's address: ours, not the reader's.
  if (
    status?.klass === 5 &&
    status.subject === 1 &&
    status.detail !== 7 &&
    status.detail !== 8 &&
    !SENDER_COMMANDS.test(command)
  )
    return 'recipient';
  if (status?.subject === 6 || (!status && /^DATA/i.test(command))) return 'permanent';
  return 'refused';
}

/** A short, safe description for Delivery.lastError and logs (no message bodies). */
export function describeSmtpError(error: unknown): string {
  const e = (error ?? {}) as SmtpErrorLike;
  const parts = [e.code, e.command, e.responseCode].filter((p) => p !== undefined && p !== '');
  const message = typeof e.message === 'string' ? e.message : String(error);
  return `${parts.length ? `[${parts.join(' ')}] ` : ''}${message}`.slice(0, 500);
}
