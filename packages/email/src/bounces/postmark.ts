// Postmark's bounce and spam complaint webhooks. Postmark does not sign them: the webhook URL
// carries HTTP basic credentials (https://user:password@host/webhooks/bounces/postmark), which
// the route checks before this parses anything. HardBounce and BadEmailAddress suppress, a
// SpamComplaint is a complaint; every other type (Transient, SoftBounce, Blocked, DnsError,
// AutoResponder…) is recorded as a soft bounce and suppresses nothing.
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

const HARD = new Set(['HardBounce', 'BadEmailAddress']);

export function postmarkNotices(body: Buffer | string): BounceNotice[] {
  const payload = parseJson(body);
  if (!isRecord(payload)) throw new WebhookRejected(400, 'not a Postmark webhook');
  const record = str(payload.RecordType, 40);
  if (record !== 'Bounce' && record !== 'SpamComplaint') return [];
  const id =
    typeof payload.ID === 'number' || typeof payload.ID === 'string' ? String(payload.ID).slice(0, 100) : undefined;
  const address = bareAddress(payload.Email);
  if (!id || !address) throw new WebhookRejected(400, 'Postmark webhook without ID or Email');
  const type = str(payload.Type, 60) ?? '';
  const complaint = record === 'SpamComplaint' || type === 'SpamComplaint';
  return [
    {
      provider: 'postmark',
      eventId: id,
      kind: complaint ? 'complaint' : 'bounce',
      permanent: complaint || HARD.has(type),
      recipients: [address],
      messageId: undefined, // Postmark's MessageID is its own id, not our Message-ID header
      detail: shortDetail([`Postmark ${type || record}`, str(payload.Description, 200)]),
      occurredAt: dateOf(payload.BouncedAt),
    },
  ];
}
