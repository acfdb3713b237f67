// /admin/readers: look a reader up by address and act for them (resend confirmation,
// unsubscribe, wipe). Mounted behind the admin gate; every POST checks the admin CSRF token,
// and every action is recorded (admin_action event) and logged without the address.
import express, { Router } from 'express';
import {
  AppError,
  findReader,
  READER_ADMIN_ACTIONS,
  readerAddress,
  readerQueryProblem,
  runReaderAdminAction,
  type ReaderAdminAction,
} from '@paperboy/core';
import { issueCsrfToken, verifyCsrfToken } from '../admin/csrf-token';
import { renderReaders } from '../admin/readers.view';
import type { AppDeps } from '../deps';
import { readerDeps, requestContext } from './reader-helpers';

const DONE: Record<string, string> = {
  'resend-confirmation':
    'Confirmation email queued (unless one went out in the last few minutes, or the reader is not waiting to confirm).',
  unsubscribe: 'Unsubscribed.',
  wipe: 'Everything about that reader is deleted; the address is suppressed for good.',
};

export function adminReaderRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/admin/readers', async (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 320) : '';
    // Not an address (a NUL byte, a broken surrogate...): a 400 that says so, never a query.
    const problem = query ? readerQueryProblem(query) : undefined;
    const found = query && !problem ? await findReader(deps, query) : null;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const notice = problem ?? (typeof req.query.done === 'string' ? DONE[req.query.done] : undefined);
    res
      .status(problem ? 400 : 200)
      .type('html')
      .send(
        renderReaders({
          query: problem ? '' : query,
          found,
          csrfToken: issueCsrfToken(deps.config.SECRET_KEY),
          notice,
        }),
      );
  });

  router.post('/admin/readers/:id/:action', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const action = req.params.action as ReaderAdminAction;
    if (!READER_ADMIN_ACTIONS.includes(action))
      throw new AppError('not_found', `Unknown action: use one of ${READER_ADMIN_ACTIONS.join(', ')}.`);
    const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    if (!Number.isInteger(id) || id < 1) throw new AppError('invalid_input', 'A reader id is a positive whole number.');
    if (!verifyCsrfToken(deps.config.SECRET_KEY, req.body?._csrf)) {
      throw new AppError(
        'forbidden',
        'This form has expired or did not come from the admin page. Reload /admin/readers and try again.',
      );
    }
    const email = await readerAddress(deps, id);
    if (email === null) throw new AppError('not_found', 'No such reader (wiped already?).');
    const operator = deps.config.ADMIN_USER ?? 'development (no ADMIN_USER)';
    await runReaderAdminAction(readerDeps(deps), id, action, operator, requestContext(req));
    req.log?.info({ action, subscriberId: id }, 'admin: reader action');
    const back = action === 'wipe' ? '' : `q=${encodeURIComponent(email)}&`;
    res.redirect(303, `/admin/readers?${back}done=${action}`);
  });
  return router;
}
