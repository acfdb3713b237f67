// CSRF protection for the admin's POST forms. With Basic auth the browser attaches credentials
// to any request, cross-site ones included, so every form carries a token that only a page
// served to the operator can know: an HMAC of an issue time under SECRET_KEY, valid 12 hours.
// (Bull Board's own actions are PUT/JSON XHRs, which a cross-site page cannot send without CORS.)
import { createHmac } from 'node:crypto';
import { secretsEqual } from '@paperboy/metrics';

const VALID_MS = 12 * 3600_000;

function sign(secret: string, issued: string): string {
  return createHmac('sha256', secret).update(`admin-csrf:${issued}`).digest('base64url');
}

export function issueCsrfToken(secret: string, now = Date.now()): string {
  const issued = String(now);
  return `${issued}.${sign(secret, issued)}`;
}

export function verifyCsrfToken(secret: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const [issued, mac] = token.split('.');
  if (!issued || !mac || !/^\d{1,15}$/.test(issued)) return false;
  const age = now - Number(issued);
  if (age < 0 || age > VALID_MS) return false;
  return secretsEqual(mac, sign(secret, issued));
}
