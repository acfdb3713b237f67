// Manage preferences and data rights, from the signed manage link.
import { Router, type Request, type Response } from 'express';
import { buildReaderLinks, exportReaderData, isAppError, loadManageView, nextDigest, updatePreferences, wipeReader } from '@paperboy/core';
import type { AppDeps } from '../deps';
import type { Csrf } from '../middleware/csrf.middleware';
import { managePage } from '../views/manage.page';
import { wipedPage } from '../views/reader-pages';
import { formBody, privatePage, readerDeps, requestContext, subscriberFromToken, wantsJson } from './reader-helpers';

const NOTICES: Record<string, string> = { saved: 'Saved. Your next digest uses these settings.' };

export function manageRoutes(deps: AppDeps, csrf: Csrf): Router {
  const router = Router();

  async function render(req: Request, res: Response, id: number, status = 200, extra: Partial<Parameters<typeof managePage>[0]> = {}) {
    const [view, next] = await Promise.all([loadManageView(readerDeps(deps), id), nextDigest(deps, id)]);
    const token = String(req.params.token);
    const page = managePage({ token, csrf: csrf.token(req, res), view, next, unsubscribeUrl: buildReaderLinks(deps.config, id).unsubscribeUrl, ...extra });
    res.status(status).type('html').send(page);
  }

  router.get('/manage/:token', async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    await render(req, res, id, 200, { notice: NOTICES[String(req.query.done)] });
  });

  router.post('/manage/:token', formBody, csrf.require, async (req, res) => {
    privatePage(res);
    const id = subscriberFromToken(deps, req, 'manage');
    const body = req.body as Record<string, unknown>;
    // An unchecked checkbox sends nothing, so the form says it carried the pause field.
    const paused = typeof body.paused === 'boolean' ? body.paused : body.pauseField ? body.paused === 'on' : undefined;
    try {
      const input = { digestMode: body.digestMode, topics: body.topics, frequency: body.frequency, timezone: body.timezone, paused, digestHour: body.digestHour, digestWeekday: body.digestWeekday };
      await updatePreferences(readerDeps(deps), id, input, requestContext(req));
    } catch (error) {
      // The status changed underneath (e.g. a one-click unsubscribe): show how it stands now.
      if (isAppError(error) && error.code === 'conflict' && !wantsJson(req)) return void (await render(req, res, id, 409, { notice: error.message }));
      const fields = isAppError(error) && error.code === 'invalid_input' ? (error.details as { fields?: Record<string, string> }).fields : undefined;
      if (!fields || wantsJson(req)) throw error;
      const text = (v: unknown) => (Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '');
      return void (await render(req, res, id, 400, { errors: fields, values: { digestMode: text(body.digestMode), topics: text(body.topics), frequency: text(body.frequency), timezone: text(body.timezone) } }));
    }
    if (wantsJson(req)) return void res.json({ status: 'saved' });
    res.redirect(303, `/manage/${req.params.token}?done=saved`);
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
      if (wantsJson(req)) return void res.status(400).json({ error: { code: 'invalid_input', message: 'Send confirm: "yes" to delete everything.' } });
      return void (await render(req, res, id, 400, { errors: { confirm: 'Tick the box to confirm.' }, notice: 'Nothing was deleted: please tick the box to confirm.' }));
    }
    await wipeReader(readerDeps(deps), id);
    if (wantsJson(req)) return void res.json({ status: 'wiped' });
    res.type('html').send(wipedPage());
  });
  return router;
}
