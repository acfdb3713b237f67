// The unsubscribe link. GET shows the page (scanners that open links unsubscribe nobody).
// POST with `List-Unsubscribe=One-Click` is RFC 8058: mailbox providers send it with no cookie
// and no CSRF token, so it needs neither; it is immediate, idempotent and answers 200.
import express, { Router, type Request } from 'express';
import {
  AppError,
  buildReaderLinks,
  isAppError,
  loadSubscriber,
  resubscribe,
  switchToWeekly,
  unsubscribe,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { unsubscribePage } from '../views/unsubscribe.page';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

/** RFC 8058 allows multipart/form-data as well as form encoding. */
function isOneClick(req: Request): boolean {
  const body = req.body as unknown;
  if (typeof body === 'string') return /name="List-Unsubscribe"\s+One-Click/.test(body);
  return (body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
}

export function unsubscribeRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();
  const multipart = express.text({ type: 'multipart/form-data', limit: '8kb' });

  router.get('/unsubscribe/:token', async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'unsubscribe');
    const s = await loadSubscriber(deps.db, id);
    const page = unsubscribePage({
      token: String(req.params.token),
      csrf: csrf.token(req, res),
      email: s.email,
      status: s.status,
      frequency: s.frequency,
      manageUrl: buildReaderLinks(deps.config, id).manageUrl,
      done: String(req.query.done ?? ''),
    });
    res.type('html').send(page);
  });

  router.post('/unsubscribe/:token', formBody, multipart, async (req, res, next) => {
    if (!isOneClick(req)) return next();
    const id = subscriberFromToken(deps, req, 'unsubscribe');
    // A wiped reader is suppressed for good: for the mailbox provider that is still a success.
    await unsubscribe(readerDeps(deps), id, 'one-click', requestContext(req)).catch((error: unknown) => {
      if (!(isAppError(error) && error.code === 'not_found')) throw error;
    });
    res.status(200).type('text/plain').send('You are unsubscribed. You will not get any more emails from paperboy.\n');
  });

  router.post('/unsubscribe/:token', csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'unsubscribe');
    const action = (req.body as Record<string, unknown>).action ?? 'unsubscribe';
    // Only the page's own buttons: anything else is refused, never treated as unsubscribe nor echoed.
    if (action !== 'unsubscribe' && action !== 'weekly' && action !== 'resubscribe') {
      throw new AppError('invalid_input', 'This page does not offer that. Please use one of its buttons.');
    }
    const readers = readerDeps(deps);
    let done: string = action;
    if (action === 'weekly') await switchToWeekly(readers, id, requestContext(req));
    else if (action === 'resubscribe')
      done = (await resubscribe(readers, id, requestContext(req))) === 'active' ? 'resubscribe' : 'confirm';
    else await unsubscribe(readers, id, 'page', requestContext(req));
    if (wantsJson(req)) return void res.json({ status: done });
    res.redirect(303, `/unsubscribe/${req.params.token}?done=${done}`);
  });
  return router;
}
