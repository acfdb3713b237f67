// What every relay's bounce or complaint notification becomes: one shape, whatever the relay,
// for core's "record → suppress" use case. Protocol code (signatures, payload shapes, DSN and
// ARF reports) lives beside this file; nothing here touches the database.

export const BOUNCE_PROVIDERS = ['ses', 'postmark', 'sendgrid', 'mailgun', 'mailbox'] as const;
export type BounceProvider = (typeof BOUNCE_PROVIDERS)[number];

export interface BounceNotice {
  provider: BounceProvider;
  /** The relay's own id for this event: a notification delivered twice carries the same one. */
  eventId: string;
  kind: 'bounce' | 'complaint';
  /** A bounce that will never succeed (the address is gone): suppress. Soft bounces are recorded only. */
  permanent: boolean;
  /** The addresses it is about, as the relay wrote them (may be empty when only `messageId` is known). */
  recipients: string[];
  /** The Message-ID of the email that bounced or was complained about, when the notification quotes it. */
  messageId?: string;
  /** One short line for operators (status code, bounce type): never a message body. */
  detail: string;
  occurredAt?: Date;
}

/** A webhook request refused: the route answers `status` with `reason` (never a 5xx). */
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'WebhookRejected';
  }
}

export function shortDetail(parts: (string | number | undefined | null)[]): string {
  return parts
    .filter((p) => p !== undefined && p !== null && p !== '')
    .join(' · ')
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, 300);
}

/** The bare address of `rfc822; a@b` (or RFC 6533's `utf-8; a@b`), `Name <a@b>` or `a@b`; undefined when there is none. */
export function bareAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const typed = /^\s*(?:rfc822|utf-8)\s*;\s*(.*)$/i.exec(value)?.[1] ?? value;
  const bare = (/<([^<>]*)>/.exec(typed)?.[1] ?? typed).trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) && bare.length <= 254 ? bare : undefined;
}

/** A JSON body, or a 400 naming the problem. */
export function parseJson(body: Buffer | string): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    throw new WebhookRejected(400, 'body is not JSON');
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown, max = 1000): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
}

export function dateOf(value: unknown): Date | undefined {
  const d =
    typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) && Math.abs(d.getTime()) < 8.64e15 ? d : undefined;
}
