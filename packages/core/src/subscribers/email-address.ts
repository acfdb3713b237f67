// Reader addresses are stored normalised (trimmed, lower-cased) so "Ann@X.org " and
// "ann@x.org" are one reader. Lower-casing the local part is technically lossy (RFC 5321
// allows case-sensitive mailboxes) but every mainstream provider ignores case, and treating
// them as two readers would double-mail people. Suppressions keep only a SHA-256 of this form.
import { createHash } from 'node:crypto';

export const MAX_EMAIL_LENGTH = 254;
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** Undefined when fine, otherwise a sentence for the reader. Expects a normalised address. */
export function emailProblem(email: string): string | undefined {
  if (email === '') return 'Please enter your email address.';
  if (email.length > MAX_EMAIL_LENGTH) return `An email address can be at most ${MAX_EMAIL_LENGTH} characters.`;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (
    at < 1 ||
    !LOCAL.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..') ||
    !DOMAIN.test(domain)
  ) {
    return 'That does not look like an email address. Please check it (for example: ada@example.org).';
  }
  return undefined;
}

export function hashEmail(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}
