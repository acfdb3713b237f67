// What an SMTP failure means for a digest. Nodemailer errors carry the server's reply code
// (`responseCode`), the command it answered (`command`: 'CONN', 'MAIL FROM', 'RCPT TO', 'DATA'…)
// and a code for failures below SMTP ('ECONNECTION', 'ETIMEDOUT', 'ESOCKET'…).
//   transient  4xx replies and connection trouble: retry later with backoff; counts towards
//              pausing the queue (the server or the network is the problem, not the reader).
//   recipient  5xx to RCPT TO: this address does not exist / is refused for good: a hard
//              bounce; the delivery fails and the address is suppressed, no retry.
//   permanent  any other 5xx (e.g. the message or the sender refused): the delivery fails,
//              no retry, the address is kept; counts towards pausing (likely our setup).

export type SmtpFailure = 'transient' | 'recipient' | 'permanent';

interface SmtpErrorLike {
  responseCode?: number;
  command?: string;
  code?: string;
}

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as SmtpErrorLike;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (reply !== undefined && reply >= 500 && reply < 600) {
    return /^RCPT/i.test(e.command ?? '') ? 'recipient' : 'permanent';
  }
  // 4xx, no reply at all (connection refused, dropped, timed out), or an unknown error.
  return 'transient';
}

/** A short, safe description for Delivery.lastError and logs (no message bodies). */
export function describeSmtpError(error: unknown): string {
  const e = (error ?? {}) as SmtpErrorLike & { message?: string };
  const parts = [e.code, e.command, e.responseCode].filter((p) => p !== undefined && p !== '');
  const message = typeof e.message === 'string' ? e.message : String(error);
  return `${parts.length ? `[${parts.join(' ')}] ` : ''}${message}`.slice(0, 500);
}
