// Reports that arrive by email in a bounce mailbox: RFC 3464 delivery status notifications
// (multipart/report; report-type=delivery-status) and RFC 5965 abuse reports, ARF
// (report-type=feedback-report). Anything else (auto-replies, human mail) gives `undefined`.
//   DSN: one notice per recipient with Action: failed. Only an address code (5.1.x, as for a
//        synchronous SMTP reply: paperboy's smtp-error classifier) is a hard bounce; any other
//        5.x.x (5.7.1 policy, 5.2.2 mailbox full…) is recorded as a soft bounce, and 4.x.x
//        (delayed, will be retried by the relay) is not recorded at all.
//   ARF: a complaint about Original-Rcpt-To, else the quoted original's To; the original's
//        Message-ID lets core find the reader when the report redacts the address.
// The report's own Message-ID is the event id (the same report fetched twice counts once).
// mailparser reads the top-level headers; the report's parts are split here, because mailparser
// folds an inline message/rfc822 part into the text and drops the original's Message-ID.
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { bareAddress, type BounceNotice, dateOf, shortDetail } from './bounce-notice';

type Fields = Map<string, string[]>;

/** `Name: value` lines (folded lines joined) → lower-cased name → values. */
function parseFields(block: string): Fields {
  const fields: Fields = new Map();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = (m[1] as string).toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), (m[2] as string).trim()]);
  }
  return fields;
}

const first = (fields: Fields, name: string) => fields.get(name)?.[0];

/** The header part of a quoted original message (message/rfc822 or text/rfc822-headers). */
function headerBlock(text: string): Fields {
  return parseFields(text.split(/\r?\n\r?\n/)[0] ?? '');
}

interface Part {
  type: string;
  body: string;
}

/** The parts of a multipart body (one level), each with its content type and decoded body. */
function mimeParts(raw: string, boundary: string): Part[] {
  const start = raw.search(/\r?\n\r?\n/);
  const body = start < 0 ? '' : raw.slice(start);
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    if (line.trimEnd() === delimiter || line.trimEnd() === `${delimiter}--`) {
      if (current) parts.push(toPart(current.join('\r\n')));
      current = line.trimEnd() === delimiter ? [] : undefined;
      if (!current) break;
    } else current?.push(line);
  }
  return parts;
}

function toPart(text: string): Part {
  const split = text.search(/\r?\n\r?\n/);
  const headers = parseFields(split < 0 ? text : text.slice(0, split));
  let body = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = first(headers, 'content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    body = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const type = (first(headers, 'content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
  return { type, body };
}

/** Status 5.1.x (bad address or mailbox), not 5.1.7/5.1.8 (our own sender address). */
function addressStatus(status: string | undefined): boolean {
  const m = /^5\.1\.(\d{1,3})\b/.exec(status ?? '');
  return Boolean(m && m[1] !== '7' && m[1] !== '8');
}

export async function reportNotices(raw: Buffer): Promise<BounceNotice[] | undefined> {
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const type = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const boundary = type?.params?.boundary;
  if (type?.value?.toLowerCase() !== 'multipart/report' || !boundary) return undefined;
  const reportType = type.params?.['report-type']?.toLowerCase();
  const eventId = (parsed.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`).slice(0, 500);
  const parts = mimeParts(raw.toString('utf8'), boundary);
  const part = (...types: string[]) => parts.find((p) => types.includes(p.type));
  const original = part('message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global');
  const originalHeaders = original ? headerBlock(original.body) : new Map<string, string[]>();
  const messageId = first(originalHeaders, 'message-id')?.slice(0, 500);
  const occurredAt = parsed.date;

  if (reportType === 'delivery-status') {
    const status = part('message/delivery-status', 'message/global-delivery-status');
    if (!status) return [];
    const blocks = status.body.split(/\r?\n\s*\r?\n/).map(parseFields);
    return blocks.flatMap((fields): BounceNotice[] => {
      const action = first(fields, 'action')?.toLowerCase();
      const code = /^\s*(\d\.\d{1,3}\.\d{1,3})/.exec(first(fields, 'status') ?? '')?.[1];
      if (action !== 'failed' || !code?.startsWith('5.')) return [];
      const address =
        bareAddress(first(fields, 'original-recipient')) ??
        bareAddress(first(fields, 'final-recipient')) ??
        bareAddress(first(originalHeaders, 'to'));
      if (!address && !messageId) return [];
      return [
        {
          provider: 'mailbox',
          eventId,
          kind: 'bounce',
          permanent: addressStatus(code),
          recipients: address ? [address] : [],
          messageId,
          detail: shortDetail(['DSN failed', code, first(fields, 'diagnostic-code')?.slice(0, 200)]),
          occurredAt,
        },
      ];
    });
  }

  if (reportType === 'feedback-report') {
    const feedback = part('message/feedback-report');
    const fields = feedback ? parseFields(feedback.body) : new Map<string, string[]>();
    const recipients = [
      ...new Set(
        (fields.get('original-rcpt-to') ?? originalHeaders.get('to') ?? []).flatMap((v) => bareAddress(v) ?? []),
      ),
    ];
    if (!recipients.length && !messageId) return [];
    return [
      {
        provider: 'mailbox',
        eventId,
        kind: 'complaint',
        permanent: true,
        recipients,
        messageId,
        detail: shortDetail([
          'ARF',
          first(fields, 'feedback-type') ?? 'abuse',
          first(fields, 'user-agent')?.slice(0, 80),
        ]),
        occurredAt: dateOf(first(fields, 'arrival-date')) ?? occurredAt,
      },
    ];
  }
  return undefined;
}
