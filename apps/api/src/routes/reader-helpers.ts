// Glue shared by the reader routes: use-case deps from the app's deps, request context for
// consent and audit, token checks, and the reader-facing answer to token errors.
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import {
  isAppError,
  tokenSecrets,
  verifyToken,
  type ReaderDeps,
  type RequestContext,
  type TokenPurpose,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import { linkProblemPage } from '../views/reader-pages';

export function readerDeps(deps: AppDeps): ReaderDeps {
  return { db: deps.db, config: deps.config, queues: deps.queues, ...(deps.now ? { now: deps.now } : {}) };
}

export function requestContext(req: Request): RequestContext {
  return { ip: req.ip, userAgent: req.get('user-agent') };
}

export function wantsJson(req: Request): boolean {
  return (
    Boolean(req.is('application/json')) ||
    (req.accepts(['html', 'json']) === 'json' && !req.get('accept')?.includes('text/html'))
  );
}

/** The reader id of a valid link token, or an AppError the reader sees as a page. */
export function subscriberFromToken(deps: AppDeps, req: Request, purpose: TokenPurpose): number {
  return verifyToken(tokenSecrets(deps.config), req.params.token, purpose).subscriberId;
}

/** Token pages are personal: never cached, never sent on as a Referer. */
export function privatePage(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

const urlencoded = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 100 });
const json = express.json({ limit: '32kb' });
/** Form-encoded or JSON bodies, small: nothing a reader sends is large. */
export const formBody: RequestHandler = (req, res, next) =>
  urlencoded(req, res, (error?: unknown) => (error ? next(error) : json(req, res, next)));

const TITLES: Record<string, string> = {
  invalid_token: 'This link does not work',
  expired_token: 'This link has expired',
  not_found: 'This subscription no longer exists',
  conflict: 'That is not possible any more',
};

/** Link problems get a friendly page (HTML) that says what to do next; the rest goes on. */
export const readerErrorPage: ErrorRequestHandler = (error, req, res, next) => {
  if (!isAppError(error) || !TITLES[error.code] || wantsJson(req) || res.headersSent) return next(error);
  const message =
    error.code === 'expired_token'
      ? 'Links in our emails work for a limited time. Open the link in a more recent email from us.'
      : error.message;
  // A use case may name what is missing better than its code does ("This paper is no longer here"),
  // and say that the reader's subscription itself is fine.
  const details = error.details as { pageTitle?: unknown; subscribed?: unknown } | undefined;
  const title = typeof details?.pageTitle === 'string' ? details.pageTitle : (TITLES[error.code] as string);
  const nextStep = details?.subscribed === true ? 'subscribed' : error.code === 'not_found' ? 'none' : 'subscribe';
  res
    .status(error.status)
    .type('html')
    .send(linkProblemPage(title, message, nextStep));
};
