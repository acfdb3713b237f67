// Amazon SES reports bounces and complaints through Amazon SNS: an HTTPS subscription POSTs a
// JSON envelope (text/plain) signed by SNS. We check, in this order: the topic is one the
// operator named (anyone can create a topic and get validly signed messages from it), the
// signing certificate's URL is an https SNS host of amazonaws.com (only tests may widen that,
// through config), and the signature (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) over
// the canonical string SNS documents, against that certificate. A SubscriptionConfirmation is
// confirmed by fetching its SubscribeURL, on the same trusted hosts only.
import { createVerify, X509Certificate } from 'node:crypto';
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

/** Where SNS certificates and SubscribeURLs live: https, an sns.<region>.amazonaws.com host. */
export const SNS_TRUSTED_URL = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export interface SnsEnvelope {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
}

export interface SnsOptions {
  /** The topics whose messages are accepted (SNS TopicArn). */
  topicArns: string[];
  /** Certificate and SubscribeURL addresses allowed: SNS_TRUSTED_URL unless a test says otherwise. */
  trustedUrl?: RegExp;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Signing certificates by URL (SNS rotates them rarely): one fetch per process and certificate. */
const certificates = new Map<string, X509Certificate>();

const SIGNED_FIELDS: Record<SnsEnvelope['Type'], (keyof SnsEnvelope)[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

/** The string SNS signs: each present field's name and value, one per line, in this order. */
export function snsStringToSign(envelope: SnsEnvelope): string {
  return SIGNED_FIELDS[envelope.Type]
    .filter((field) => envelope[field] !== undefined)
    .map((field) => `${field}\n${envelope[field]}\n`)
    .join('');
}

function envelopeOf(value: unknown): SnsEnvelope {
  if (!isRecord(value)) throw new WebhookRejected(400, 'not an SNS message');
  const required = [
    'Type',
    'MessageId',
    'TopicArn',
    'Message',
    'Timestamp',
    'SignatureVersion',
    'Signature',
    'SigningCertURL',
  ];
  for (const field of required)
    if (typeof value[field] !== 'string') throw new WebhookRejected(400, `SNS message without ${field}`);
  for (const field of ['Subject', 'SubscribeURL', 'Token'])
    if (value[field] !== undefined && typeof value[field] !== 'string')
      throw new WebhookRejected(400, `SNS ${field} is not a string`);
  if (!(value.Type as string) || !Object.hasOwn(SIGNED_FIELDS, value.Type as string))
    throw new WebhookRejected(400, 'unknown SNS message type');
  return value as unknown as SnsEnvelope;
}

async function certificate(url: string, options: SnsOptions): Promise<X509Certificate> {
  const cached = certificates.get(url);
  if (cached) return cached;
  let pem: string;
  try {
    const res = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      redirect: 'error',
    });
    if (!res.ok) throw new WebhookRejected(403, `signing certificate not found (${res.status})`);
    pem = (await res.text()).slice(0, 20_000);
  } catch (error) {
    if (error instanceof WebhookRejected) throw error;
    throw new SnsUnreachable(`signing certificate could not be fetched: ${(error as Error).message}`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new WebhookRejected(403, 'signing certificate is not a certificate');
  }
  if (certificates.size > 50) certificates.clear();
  certificates.set(url, cert);
  return cert;
}

/** SNS (or the network to it) did not answer: not the sender's fault, so SNS should retry (503). */
export class SnsUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnsUnreachable';
  }
}

/** Parses and verifies an SNS POST body; throws WebhookRejected (4xx) or SnsUnreachable. */
export async function verifySnsMessage(body: Buffer | string, options: SnsOptions): Promise<SnsEnvelope> {
  const envelope = envelopeOf(parseJson(body));
  if (!options.topicArns.includes(envelope.TopicArn)) throw new WebhookRejected(403, 'topic not accepted');
  const trusted = options.trustedUrl ?? SNS_TRUSTED_URL;
  if (!trusted.test(envelope.SigningCertURL)) throw new WebhookRejected(403, 'signing certificate URL not trusted');
  const algorithm =
    envelope.SignatureVersion === '1' ? 'RSA-SHA1' : envelope.SignatureVersion === '2' ? 'RSA-SHA256' : undefined;
  if (!algorithm) throw new WebhookRejected(400, 'unknown SNS SignatureVersion');
  const cert = await certificate(envelope.SigningCertURL, options);
  const verifier = createVerify(algorithm);
  verifier.update(snsStringToSign(envelope), 'utf8');
  let valid = false;
  try {
    valid = verifier.verify(cert.publicKey, envelope.Signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) throw new WebhookRejected(401, 'SNS signature does not verify');
  return envelope;
}

/** Confirms a verified SubscriptionConfirmation by fetching its SubscribeURL (trusted hosts only). */
export async function confirmSnsSubscription(envelope: SnsEnvelope, options: SnsOptions): Promise<void> {
  const url = envelope.SubscribeURL ?? '';
  if (!(options.trustedUrl ?? SNS_TRUSTED_URL).test(url)) throw new WebhookRejected(403, 'SubscribeURL not trusted');
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      redirect: 'error',
    });
    await res.arrayBuffer();
  } catch (error) {
    throw new SnsUnreachable(`subscription could not be confirmed: ${(error as Error).message}`);
  }
  if (!res.ok) throw new SnsUnreachable(`subscription confirmation answered ${res.status}`);
}

interface SesRecipient {
  emailAddress?: unknown;
  status?: unknown;
  diagnosticCode?: unknown;
  action?: unknown;
}

/**
 * The bounces and complaints of an SES notification (SNS Message): `notificationType` for SES
 * notifications, `eventType` for configuration-set event publishing. Delivery and other
 * notifications give none. Only bounceType Permanent suppresses.
 */
export function sesNotices(envelope: Pick<SnsEnvelope, 'Message' | 'MessageId'>): BounceNotice[] {
  const message = parseJson(envelope.Message);
  if (!isRecord(message)) throw new WebhookRejected(400, 'SES message is not an object');
  const type = str(message.notificationType) ?? str(message.eventType);
  const mail = isRecord(message.mail) ? message.mail : {};
  const headers = isRecord(mail.commonHeaders) ? mail.commonHeaders : {};
  const messageId = str(headers.messageId, 500);
  if (type === 'Bounce' && isRecord(message.bounce)) {
    const b = message.bounce;
    const permanent = b.bounceType === 'Permanent';
    const recipients = Array.isArray(b.bouncedRecipients) ? (b.bouncedRecipients as SesRecipient[]) : [];
    return recipients.flatMap((r) => {
      const address = bareAddress(isRecord(r) ? r.emailAddress : undefined);
      if (!address) return [];
      return [
        {
          provider: 'ses' as const,
          eventId: str(b.feedbackId, 200) ?? envelope.MessageId,
          kind: 'bounce' as const,
          permanent,
          recipients: [address],
          messageId,
          detail: shortDetail([
            `SES ${str(b.bounceType, 40) ?? 'bounce'}/${str(b.bounceSubType, 40) ?? '?'}`,
            str(r.status, 20),
            str(r.diagnosticCode, 200),
          ]),
          occurredAt: dateOf(b.timestamp),
        },
      ];
    });
  }
  if (type === 'Complaint' && isRecord(message.complaint)) {
    const c = message.complaint;
    const recipients = Array.isArray(c.complainedRecipients) ? (c.complainedRecipients as SesRecipient[]) : [];
    const addresses = recipients.flatMap((r) => bareAddress(isRecord(r) ? r.emailAddress : undefined) ?? []);
    if (!addresses.length && !messageId) return [];
    return [
      {
        provider: 'ses',
        eventId: str(c.feedbackId, 200) ?? envelope.MessageId,
        kind: 'complaint',
        permanent: true,
        recipients: addresses,
        messageId,
        detail: shortDetail(['SES complaint', str(c.complaintFeedbackType, 40)]),
        occurredAt: dateOf(c.timestamp),
      },
    ];
  }
  return [];
}
