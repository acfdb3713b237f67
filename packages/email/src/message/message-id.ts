// A Message-ID that is the same every time the same email is (re)built: a retried send
// after a crash carries the same id, so receiving servers and clients can drop the
// duplicate; the delivery records it once the server has accepted the email.
//
// Keyed (HMAC-SHA256 under a subkey of SECRET_KEY), not a plain hash: idempotency keys are
// guessable (`delivery-<sequential id>`), so with an unkeyed hash anyone holding one email
// could try small numbers until the id matched, learning how many digests have been sent and
// computing other readers' Message-IDs. Without the key the id reveals nothing about its input.
// It is still only a de-duplication label, never proof of anything.
//
// Only the current SECRET_KEY is used (SECRET_KEY_PREVIOUS is for verifying links, and nothing
// verifies a Message-ID). After a rotation, a retry of an email that was in flight gets a new
// Message-ID: harmless, beyond losing de-duplication for that one retry.
import { createHmac } from 'node:crypto';

const DOMAIN =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * The Message-ID key: a subkey derived from SECRET_KEY for this one purpose, so the secret that
 * signs reader links is never used raw for a second job. Derived once per secret, not once per
 * email (a process signs with one SECRET_KEY; the last one is kept).
 */
let derived: { secretKey: string; key: Buffer } | undefined;
function messageIdKey(secretKey: string): Buffer {
  if (derived?.secretKey !== secretKey)
    derived = { secretKey, key: createHmac('sha256', secretKey).update('paperboy message-id').digest() };
  return derived.key;
}

/**
 * `<keyed-hash-of-key@domain>` for an idempotency key such as a delivery id. `secretKey` is the
 * config's SECRET_KEY: the same key and secret always give the same id.
 */
export function stableMessageId(idempotencyKey: string, domain: string, secretKey: string): string {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '') {
    throw new Error('message id: idempotencyKey is required (e.g. the delivery id)');
  }
  if (!DOMAIN.test(domain)) throw new Error(`message id: ${JSON.stringify(domain)} is not a domain name`);
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new Error("message id: secretKey is required (the config's SECRET_KEY)");
  }
  const hash = createHmac('sha256', messageIdKey(secretKey))
    .update(`paperboy-message:${idempotencyKey}`)
    .digest('hex')
    .slice(0, 32);
  return `<${hash}@${domain.toLowerCase()}>`;
}

const ADDRESS = /^[^\s@<>",;]+@([^\s@<>",;]+)$/;

/** The domain of "Name <user@domain>" or "user@domain"; throws if there is none. */
export function domainOfAddress(address: string): string {
  const bare = /<([^<>]*)>\s*$/.exec(address)?.[1] ?? address.trim();
  const domain = ADDRESS.exec(bare)?.[1];
  if (!domain) throw new Error(`${JSON.stringify(address)} is not an email address (expected "Name <user@domain>")`);
  return domain;
}
