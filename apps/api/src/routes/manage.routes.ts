// Manage preferences and data rights, from the signed manage link.
import { Router, type Request, type Response } from 'express';
import {
  AppError,
  buildReaderLinks,
  exportReaderData,
  isAppError,
  loadLearningView,
  loadManageView,
  nextDigest,
  resubscribe,
  resumeDigests,
  updatePreferences,
  wipeReader,
} from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { managePage } from '../views/manage.page';
import { wipedPage } from '../views/reader-pages';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

/** "Saved" says what saving means in the reader's state: a paused or unsubscribed reader gets nothing yet. */
const SAVED: Record<string, string> = {
  active: 'Saved. Your next digest uses these settings.',
  paused: 'Saved. Your digests are paused: resume them to get these settings.',
  unsubscribed: 'Saved. You are unsubscribed, so nothing is sent: resubscribe to get digests with these settings.',
  pending: 'Saved. Confirm from the email we sent you to start getting digests.',
};
const NOTICES: Record<string, string> = {
  resumed: 'Welcome back: your digests start again.',
  resubscribed: 'Welcome back! Your digests start again.',
  confirm: 'Welcome back! Please confirm from the email we just sent you.',
  topic: 'Saved. Your next digest reads the topic this way.',
  forgotten: 'Your votes are forgotten: your next digest is composed without them.',
};
const noticeFor = (done: unknown, status: string) =>
  done === 'saved' ? (SAVED[status] ?? 'Saved.') : NOTICES[String(done)];

export function manageRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();

  async function render(
    req: Request,
    res: Response,
    id: number,
    status = 200,
    extra: Partial<Parameters<typeof managePage>[0]> = {},
  ) {
    const [view, next, learning] = await Promise.all([
      loadManageView(readerDeps(deps), id),
      nextDigest(deps, id),
      loadLearningView(deps.db, id),
    ]);
    const token = String(req.params.token);
    const notice = extra.notice ?? noticeFor(req.query.done, view.subscriber.status);
    const page = managePage({
      token,
      csrf: csrf.token(req, res),
      view,
      next,
      unsubscribeUrl: buildReaderLinks(deps.config, id).unsubscribeUrl,
      learning,
      ...extra,
      notice,
    });
    res.status(status).type('html').send(page);
  }

  router.get('/manage/:token', async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    await render(req, res, id);
  });

  router.post('/manage/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const body = req.body as Record<string, unknown>;
    // An unchecked checkbox sends nothing, so the form says it carried the pause field.
    const paused = typeof body.paused === 'boolean' ? body.paused : body.pauseField ? body.paused === 'on' : undefined;
    try {
      const input = {
        digestMode: body.digestMode,
        topics: body.topics,
        frequency: body.frequency,
        timezone: body.timezone,
        paused,
        digestHour: body.digestHour,
        digestWeekday: body.digestWeekday,
      };
      await updatePreferences(readerDeps(deps), id, input, requestContext(req));
    } catch (error) {
      // The status changed underneath (e.g. a one-click unsubscribe): show how it stands now.
      if (isAppError(error) && error.code === 'conflict' && !wantsJson(req))
        return void (await render(req, res, id, 409, { notice: error.message }));
      const fields =
        isAppError(error) && error.code === 'invalid_input'
          ? (error.details as { fields?: Record<string, string> }).fields
          : undefined;
      if (!fields || wantsJson(req)) throw error;
      const text = (v: unknown) => (Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '');
      return void (await render(req, res, id, 400, {
        errors: fields,
        values: {
          digestMode: text(body.digestMode),
          topics: text(body.topics),
          frequency: text(body.frequency),
          timezone: text(body.timezone),
        },
      }));
    }
    if (wantsJson(req)) return void res.json({ status: 'saved' });
    res.redirect(303, `/manage/${req.params.token}?done=saved`);
  });

  router.post('/manage/:token/status', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const action = (req.body as Record<string, unknown>).action;
    if (action !== 'resume' && action !== 'resubscribe')
      throw new AppError('invalid_input', 'This page does not offer that. Please use one of its buttons.');
    let done = 'resumed';
    if (action === 'resume') await resumeDigests(readerDeps(deps), id, requestContext(req));
    else
      done = (await resubscribe(readerDeps(deps), id, requestContext(req))) === 'active' ? 'resubscribed' : 'confirm';
    if (wantsJson(req)) return void res.json({ status: done });
    res.redirect(303, `/manage/${req.params.token}?done=${done}`);
  });

  router.get('/manage/:token/export', async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const data = await exportReaderData(readerDeps(deps), id, requestContext(req));
    res.setHeader('Content-Disposition', 'attachment; filename="paperboy-data.json"');
    res.type('application/json').send(JSON.stringify(data, null, 2));
  });

  router.post('/manage/:token/wipe', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    if ((req.body as Record<string, unknown>).confirm !== 'yes') {
      if (wantsJson(req))
        return void res
          .status(400)
          .json({ error: { code: 'invalid_input', message: 'Send confirm: "yes" to delete everything.' } });
      return void (await render(req, res, id, 400, {
        errors: { confirm: 'Tick the box to confirm.' },
        notice: 'Nothing was deleted: please tick the box to confirm.',
      }));
    }
    await wipeReader(readerDeps(deps), id);
    if (wantsJson(req)) return void res.json({ status: 'wiped' });
    res.type('html').send(wipedPage());
  });
  return router;
}
