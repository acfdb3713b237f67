// CSRF protection for the HTML forms: a random cookie plus a hidden field holding the cookie's
// HMAC under SECRET_KEY. A cross-site page can neither read the cookie nor compute the field.
// JSON requests are exempt: browsers cannot send them cross-site without a CORS preflight,
// which this app never allows. The RFC 8058 one-click POST is exempt by design (route-level).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@paperboy/core';

const COOKIE = 'pb_csrf';

/** A cookie's value (the `cookie` package parses the header; a value it cannot decode, such as
 * `pb_csrf=%`, comes back as written and fails the format check below, so a fresh one is issued). */
export function readCookie(req: Request, name: string): string | undefined {
  return parseCookies(req.headers.cookie ?? '')[name];
}

export function createCsrf(secret: string, secureCookie: boolean) {
  const sign = (value: string) => createHmac('sha256', secret).update(`paperboy-csrf:${value}`).digest('base64url');

  /** The hidden-field value for this browser; sets the cookie when it has none yet. */
  function token(req: Request, res: Response): string {
    let cookie = readCookie(req, COOKIE);
    if (!cookie || !/^[A-Za-z0-9_-]{20,64}$/.test(cookie)) {
      cookie = randomBytes(24).toString('base64url');
      res.cookie(COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/' });
    }
    return sign(cookie);
  }

  function valid(req: Request): boolean {
    const cookie = readCookie(req, COOKIE);
    const field = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (!cookie || typeof field !== 'string') return false;
    const expected = Buffer.from(sign(cookie));
    const given = Buffer.from(field);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  const require: RequestHandler = (req, _res, next) => {
    if (req.is('application/json') || valid(req)) return next();
    next(
      new AppError(
        'forbidden',
        'This form has expired or was sent from another site. Please go back, reload the page and try again.',
      ),
    );
  };
  return { token, require };
}

export type Csrf = ReturnType<typeof createCsrf>;
