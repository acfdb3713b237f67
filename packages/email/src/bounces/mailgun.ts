// Mailgun's webhooks (one per event kind: "permanent_fail", "temporary_fail", "complained")
// post JSON {signature: {timestamp, token, signature}, "event-data": {...}}; the signature is
// hex HMAC-SHA256 of timestamp + token under the domain's webhook signing key. A `failed` event
// of severity "permanent" suppresses, "temporary" is recorded as soft; `complained` is a complaint.
import { createHmac, timingSafeEqual } from 'node:crypto';
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

export function verifyMailgunSignature(payload: unknown, signingKey: string): Record<string, unknown> {
  if (!isRecord(payload) || !isRecord(payload.signature)) throw new WebhookRejected(401, 'Mailgun signature missing');
  const { timestamp, token, signature } = payload.signature;
  if (typeof timestamp !== 'string' || typeof token !== 'string' || typeof signature !== 'string')
    throw new WebhookRejected(401, 'Mailgun signature missing');
  const expected = createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new WebhookRejected(401, 'Mailgun signature does not verify');
  return payload;
}

export function mailgunNotices(body: Buffer | string, signingKey: string): BounceNotice[] {
  const payload = verifyMailgunSignature(parseJson(body), signingKey);
  const data = payload['event-data'];
  if (!isRecord(data)) throw new WebhookRejected(400, 'Mailgun webhook without event-data');
  const kind = data.event === 'complained' ? 'complaint' : data.event === 'failed' ? 'bounce' : undefined;
  if (!kind) return [];
  const address = bareAddress(data.recipient);
  const eventId = str(data.id, 200);
  if (!address || !eventId) throw new WebhookRejected(400, 'Mailgun event without id or recipient');
  const status = isRecord(data['delivery-status']) ? data['delivery-status'] : {};
  const message = isRecord(data.message) && isRecord(data.message.headers) ? data.message.headers : {};
  const messageId = str(message['message-id'], 500);
  return [
    {
      provider: 'mailgun',
      eventId,
      kind,
      permanent: kind === 'complaint' || data.severity === 'permanent',
      recipients: [address],
      messageId: messageId ? (messageId.startsWith('<') ? messageId : `<${messageId}>`) : undefined,
      detail: shortDetail([
        kind === 'complaint' ? 'Mailgun complaint' : `Mailgun ${str(data.severity, 20) ?? ''} failure`.trim(),
        typeof status.code === 'number' ? status.code : undefined,
        str(data.reason, 60),
        str(status.description, 200) ?? str(status.message, 200),
      ]),
      occurredAt: dateOf(data.timestamp),
    },
  ];
}
