import { createHash, timingSafeEqual } from 'node:crypto';
import { parse as parseBasic } from 'basic-auth';

/** Constant-time comparison of two secrets of any length (hashing first equalises lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when an Authorization header carries exactly `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return Boolean(match?.[1]) && secretsEqual(match![1]!, token);
}

/** True when an Authorization header carries HTTP Basic with exactly these credentials. */
export function basicMatches(header: string | undefined, expected: { user: string; password: string }): boolean {
  const given = parseBasic(header ?? '');
  if (given === undefined) return false;
  // Both compared every time (no short-circuit), so timing does not tell which one was wrong.
  const userOk = secretsEqual(given.name, expected.user);
  const passwordOk = secretsEqual(given.pass, expected.password);
  return userOk && passwordOk;
}
