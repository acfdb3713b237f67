// Confirmation links. GET shows a button and POST confirms: mail scanners that open every
// link must not be able to give consent on the reader's behalf.
import { Router } from 'express';
import { buildReaderLinks, confirmLinkIssuedAt, confirmSubscription, isAppError, resendConfirmation, tokenSecrets, verifyToken } from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { checkInboxPage, confirmedPage, confirmPage, expiredConfirmPage } from '../views/reader-pages';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

export function confirmRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();

  router.post('/confirm/resend', formBody, csrf.require, async (req, res) => {
    // A genuine token, expired or not, names the reader; anything else gets the same answer.
    let subscriberId: number | undefined;
    try {
      subscriberId = verifyToken(tokenSecrets(deps.config), (req.body as Record<string, unknown>).token, 'confirm').subscriberId;
    } catch (error) {
      if (isAppError(error) && error.code === 'expired_token') subscriberId = (error.details as { subscriberId: number }).subscriberId;
    }
    if (subscriberId) await resendConfirmation(readerDeps(deps), subscriberId);
    if (wantsJson(req)) return void res.status(202).json({ status: 'accepted' });
    res.type('html').send(checkInboxPage(deps.config.CONFIRM_RESEND_MINUTES));
  });

  router.get('/confirm/:token', (req, res) => {
    privatePage(res);
    try {
      subscriberFromToken(deps, req, 'confirm');
    } catch (error) {
      if (isAppError(error) && error.code === 'expired_token' && !wantsJson(req)) {
        return void res.status(410).type('html').send(expiredConfirmPage(String(req.params.token), csrf.token(req, res)));
      }
      throw error;
    }
    res.type('html').send(confirmPage(String(req.params.token), csrf.token(req, res)));
  });

  router.post('/confirm/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const { subscriberId, expiresAt } = verifyToken(tokenSecrets(deps.config), req.params.token, 'confirm');
    const outcome = await confirmSubscription(readerDeps(deps), subscriberId, requestContext(req), confirmLinkIssuedAt(deps.config, expiresAt));
    if (wantsJson(req)) return void res.json({ status: outcome });
    res.type('html').send(confirmedPage(buildReaderLinks(deps.config, subscriberId).manageUrl, outcome === 'already_confirmed'));
  });
  return router;
}
