// Confirmation links. GET shows the page and POST confirms: mail scanners that open every
// link must not give consent on the reader's behalf. With JavaScript the page posts by
// itself (public/confirm.js), so a person confirms with the one click in the email.
import { Router } from 'express';
import {
  buildReaderLinks,
  confirmLinkIssuedAt,
  confirmSubscription,
  isAppError,
  loadSubscriber,
  resendConfirmation,
  tokenSecrets,
  verifyToken,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { confirmedPage, confirmPage, type ConfirmRecap } from '../views/confirm.page';
import { checkInboxPage, expiredConfirmPage } from '../views/reader-pages';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

export function confirmRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();

  /** What the reader gets and when, as stored now (what confirming uses), and where to change it. */
  async function recapOf(subscriberId: number): Promise<ConfirmRecap> {
    const s = await loadSubscriber(deps.db, subscriberId);
    const manageUrl = buildReaderLinks(deps.config, subscriberId).manageUrl;
    return {
      digestMode: s.digestMode,
      topics: s.topics.map((t) => t.raw),
      frequency: s.frequency,
      timezone: s.timezone,
      digestHour: s.digestHour,
      digestWeekday: s.digestWeekday,
      manageUrl,
    };
  }

  router.post('/confirm/resend', formBody, csrf.require, async (req, res) => {
    // A genuine token, expired or not, names the reader; anything else gets the same answer.
    let subscriberId: number | undefined;
    try {
      subscriberId = verifyToken(
        tokenSecrets(deps.config),
        (req.body as Record<string, unknown>).token,
        'confirm',
      ).subscriberId;
    } catch (error) {
      if (isAppError(error) && error.code === 'expired_token')
        subscriberId = (error.details as { subscriberId: number }).subscriberId;
    }
    if (subscriberId) await resendConfirmation(readerDeps(deps), subscriberId);
    if (wantsJson(req)) return void res.status(202).json({ status: 'accepted' });
    res.type('html').send(checkInboxPage(deps.config.CONFIRM_RESEND_MINUTES));
  });

  router.get('/confirm/:token', async (req, res) => {
    privatePage(res);
    let subscriberId: number;
    try {
      subscriberId = subscriberFromToken(deps, req, 'confirm');
    } catch (error) {
      if (isAppError(error) && error.code === 'expired_token' && !wantsJson(req)) {
        return void res
          .status(410)
          .type('html')
          .send(expiredConfirmPage(String(req.params.token), csrf.token(req, res)));
      }
      throw error;
    }
    res.type('html').send(confirmPage(String(req.params.token), csrf.token(req, res), await recapOf(subscriberId)));
  });

  router.post('/confirm/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const { subscriberId, expiresAt } = verifyToken(tokenSecrets(deps.config), req.params.token, 'confirm');
    const outcome = await confirmSubscription(
      readerDeps(deps),
      subscriberId,
      requestContext(req),
      confirmLinkIssuedAt(deps.config, expiresAt),
    );
    if (wantsJson(req)) return void res.json({ status: outcome });
    res.type('html').send(confirmedPage(await recapOf(subscriberId), outcome === 'already_confirmed'));
  });
  return router;
}
