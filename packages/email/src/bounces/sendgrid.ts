// SendGrid's Event Webhook, signed (when "Signed Event Webhook" is on) with ECDSA P-256: the
// signature header is a base64 DER signature of SHA-256(timestamp header + raw body), checked
// against the verification key SendGrid shows (base64 SPKI DER). One POST carries a list of
// events. A `bounce` event of type "bounce" is a hard bounce; type "blocked" means the receiver
// refused us for now (reputation, content): recorded as soft. `spamreport` is a complaint.
// Other events (delivered, deferred, open…) are ignored.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  bareAddress,
  type BounceNotice,
  dateOf,
  isRecord,
  parseJson,
  shortDetail,
  str,
  WebhookRejected,
} from './bounce-notice';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/** The verification key as SendGrid shows it (base64 DER), or a PEM. Throws when it is neither. */
export function sendgridPublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.includes('BEGIN PUBLIC KEY')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}

export function verifySendgridSignature(
  key: KeyObject,
  body: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
): void {
  if (!signature || !timestamp) throw new WebhookRejected(401, 'SendGrid signature headers missing');
  let valid = false;
  try {
    valid = verify(
      'sha256',
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw new WebhookRejected(401, 'SendGrid signature does not verify');
}

export function sendgridNotices(body: Buffer | string): BounceNotice[] {
  const events = parseJson(body);
  if (!Array.isArray(events)) throw new WebhookRejected(400, 'SendGrid events must be a list');
  return events.slice(0, 10_000).flatMap((event): BounceNotice[] => {
    if (!isRecord(event)) return [];
    const kind = event.event === 'spamreport' ? 'complaint' : event.event === 'bounce' ? 'bounce' : undefined;
    const address = bareAddress(event.email);
    const eventId = str(event.sg_event_id, 200);
    if (!kind || !address || !eventId) return [];
    const type = str(event.type, 40) ?? 'bounce';
    return [
      {
        provider: 'sendgrid',
        eventId,
        kind,
        permanent: kind === 'complaint' || type === 'bounce',
        recipients: [address],
        messageId: str(event['smtp-id'], 500),
        detail: shortDetail([
          kind === 'complaint' ? 'SendGrid spam report' : `SendGrid ${type}`,
          str(event.status, 20),
          str(event.reason, 200),
        ]),
        occurredAt: dateOf(event.timestamp),
      },
    ];
  });
}
