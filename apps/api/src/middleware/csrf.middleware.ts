// CSRF protection for the HTML forms: csrf-csrf's signed double-submit cookie - a random value
// and its HMAC under SECRET_KEY in an httpOnly cookie, the same token in a hidden field. A
// cross-site page can neither read the cookie nor forge a signed one.
// JSON requests are exempt: browsers cannot send them cross-site without a CORS preflight,
// which this app never allows. The RFC 8058 one-click POST is exempt by design (route-level).
import { parse as parseCookies } from 'cookie';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@paperboy/core';

const COOKIE = 'pb_csrf';

export function createCsrf(secret: string, secureCookie: boolean) {
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    // Reader forms are anonymous: no session to bind to. The cookie's random value, signed with
    // SECRET_KEY, is what a cross-site page can neither read nor forge.
    getSessionIdentifier: () => 'paperboy-reader-forms',
    cookieName: COOKIE,
    csrfTokenDelimiter: '.', // the default '|' would be percent-encoded in the cookie
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof field === 'string' ? field : undefined;
    },
  });

  /** The library reads `req.cookies`, which Express leaves to a parser (the `cookie` package;
   * a value it cannot decode, such as `pb_csrf=%`, comes back as written, fails the signature
   * and is replaced). */
  function withCookies(req: Request): Request {
    const r = req as Request & { cookies?: Record<string, string | undefined> };
    r.cookies ??= parseCookies(req.headers.cookie ?? '');
    return r;
  }

  /** The hidden-field value for this browser; keeps a valid cookie, replaces a missing or forged one. */
  function token(req: Request, res: Response): string {
    return generateCsrfToken(withCookies(req), res);
  }

  const require: RequestHandler = (req, _res, next) => {
    if (req.is('application/json') || validateRequest(withCookies(req))) return next();
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
