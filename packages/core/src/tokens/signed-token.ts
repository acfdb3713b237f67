// Signed, expiring, single-purpose tokens for links in emails. Format:
// base64url(JSON {p, s, e}) "." base64url(HMAC-SHA256(secret, "paperboy-token:" + payload)).
// Nothing is stored server-side: the signature is the proof, the purpose stops a manage link
// from confirming (and vice versa), and the expiry bounds how long a leaked link works.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

/** 'vote', 'topic' and 'suggest' (add a suggested topic): the digest's feedback links, each also
 * naming what it is about (`ref`). */
export type TokenPurpose = 'confirm' | 'manage' | 'unsubscribe' | 'vote' | 'topic' | 'suggest';
const PURPOSES: readonly TokenPurpose[] = ['confirm', 'manage', 'unsubscribe', 'vote', 'topic', 'suggest'];

export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: number;
  expiresAt: Date;
  /** What a feedback link is about (a paper id, a topic key), signed with the reader. */
  ref?: string;
}

/** A ref is short printable text: a paper id or a topic key. */
const MAX_REF_LENGTH = 200;

export interface TokenSecrets {
  /** Signs new tokens and verifies. */
  current: string;
  /** The secret before a rotation: still verifies, never signs. */
  previous?: string;
}

const MAX_TOKEN_LENGTH = 512;
/** Subscriber ids are PostgreSQL integers; a larger id can name nobody. */
const MAX_SUBSCRIBER_ID = 2 ** 31 - 1;
/** Expiry in seconds, up to the year 9999 (a Date beyond that is invalid). */
const MAX_EXPIRY = 253_402_300_799;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The bytes of canonical unpadded base64url, or undefined. Buffer's decoder is lenient (it
 * skips `=`, `!`, accepts `+/` and ignores a last character's unused bits), so one token
 * would have many spellings that all verify; only the form we issue is accepted.
 */
function canonicalBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`paperboy-token:${payload}`).digest();
}

export function signToken(secret: string, claims: TokenClaims): string {
  if (!Number.isInteger(claims.subscriberId) || claims.subscriberId <= 0)
    throw new Error('token: subscriberId must be a positive integer');
  if (claims.ref !== undefined && (claims.ref === '' || claims.ref.length > MAX_REF_LENGTH))
    throw new Error('token: ref must be 1 to 200 characters');
  const body = {
    p: claims.purpose,
    s: claims.subscriberId,
    e: Math.floor(claims.expiresAt.getTime() / 1000),
    ...(claims.ref !== undefined ? { r: claims.ref } : {}),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** Constant-time: comparing signatures byte by byte would leak how much of a forgery is right. */
function signedBy(secret: string, payload: string, signature: Buffer): boolean {
  const expected = sign(secret, payload);
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}

function invalid(): AppError {
  return new AppError(
    'invalid_token',
    'This link is not valid. It may have been cut short or changed: open it again from the email.',
  );
}

function decode(payload: string): { p: unknown; s: unknown; e: unknown; r?: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(canonicalBase64url(payload)?.toString('utf8') ?? '');
  } catch {
    throw invalid();
  }
  // Signed does not mean well-formed: a key holder's bug (or a test) could sign `null`.
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid();
  return body as { p: unknown; s: unknown; e: unknown; r?: unknown };
}

/**
 * Checks signature (current or previous secret), purpose and expiry. Tampered or
 * wrong-purpose tokens → AppError invalid_token; a genuine but expired one → expired_token
 * with `details.subscriberId`, so the page can offer to send a fresh link.
 */
export function verifyToken(
  secrets: TokenSecrets,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): TokenClaims {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalid();
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) throw invalid();
  const signature = canonicalBase64url(sig);
  if (!signature || !canonicalBase64url(payload)) throw invalid();
  const genuine = [secrets.current, secrets.previous].some(
    (secret) => secret !== undefined && signedBy(secret, payload, signature),
  );
  if (!genuine) throw invalid();
  const body = decode(payload);
  if (body.p !== purpose || !PURPOSES.includes(body.p as TokenPurpose)) throw invalid();
  const id = body.s as number;
  const expiry = body.e as number;
  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    id > MAX_SUBSCRIBER_ID ||
    !Number.isInteger(expiry) ||
    expiry < 0 ||
    expiry > MAX_EXPIRY
  )
    throw invalid();
  const ref = body.r;
  if (ref !== undefined && (typeof ref !== 'string' || ref === '' || ref.length > MAX_REF_LENGTH)) throw invalid();
  const claims: TokenClaims = {
    purpose,
    subscriberId: id,
    expiresAt: new Date(expiry * 1000),
    ...(ref !== undefined ? { ref } : {}),
  };
  if (claims.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('expired_token', 'This link has expired.', {
      details: { subscriberId: claims.subscriberId, purpose },
    });
  }
  return claims;
}
