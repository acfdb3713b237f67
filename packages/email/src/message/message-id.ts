// A Message-ID that is the same every time the same email is (re)built: a retried send
// after a crash carries the same id, so receiving servers and clients can drop the
// duplicate, and the delivery record can store it before the send.
import { createHash } from 'node:crypto';

const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** `<hash-of-key@domain>` for an idempotency key such as a delivery id. */
export function stableMessageId(idempotencyKey: string, domain: string): string {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '') {
    throw new Error('message id: idempotencyKey is required (e.g. the delivery id)');
  }
  if (!DOMAIN.test(domain)) throw new Error(`message id: ${JSON.stringify(domain)} is not a domain name`);
  // Hashed only so the id does not show the raw key. This is not a secret: the hash is unkeyed
  // and keys such as delivery ids are sequential, so anyone can compute other Message-IDs.
  // Nothing may treat a Message-ID as proof of anything (it is a de-duplication label).
  const hash = createHash('sha256').update(`paperboy-message:${idempotencyKey}`).digest('hex').slice(0, 32);
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
