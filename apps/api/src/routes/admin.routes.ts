// /admin (overview, send pause/resume), /admin/readers (find a reader) and /admin/queues
// (Bull Board), behind admin auth.
// Outside development, no credentials means no admin at all: a clear log line and a 503,
// never an open dashboard.
import express, { Router, type RequestHandler } from 'express';
import { isLoopbackHost } from '@paperboy/config';
import { AppError, getOverview, getQueueCounts, getSendQueueState, setSendingPaused } from '@paperboy/core';
import { requireAdmin } from '../admin/admin-auth.middleware';
import { dashboardAdminHeader } from '../admin/dashboard-header';
import { issueCsrfToken, verifyCsrfToken } from '../admin/csrf-token';
import { renderOverview } from '../admin/overview.view';
import { dashboardCsp, queueDashboard, QUEUES_PATH, sameSiteWrites } from '../admin/queue-dashboard';
import type { AppDeps } from '../deps';
import { adminReaderRoutes } from './admin-readers.routes';

const NOTICES: Record<string, string> = { paused: 'Sending is paused.', resumed: 'Sending resumed.' };

const gates = new WeakMap<AppDeps, RequestHandler | undefined>();

/**
 * Admin auth as configured, or undefined when admin must stay closed. Built once per app
 * (the admin pages and the papers API share it), so its rate limiter and warning exist once.
 */
export function adminGate(deps: AppDeps): RequestHandler | undefined {
  if (!gates.has(deps)) gates.set(deps, buildAdminGate(deps));
  return gates.get(deps);
}

/** The open development admin, for connections from this machine only (a second check besides HOST). */
export const loopbackOnly: RequestHandler = (req, res, next) => {
  if (isLoopbackHost(req.socket.remoteAddress ?? '')) return next();
  res
    .status(403)
    .type('text/plain')
    .send('Without ADMIN_USER and ADMIN_PASSWORD, admin is open to this machine only.\n');
};

function buildAdminGate(deps: AppDeps): RequestHandler | undefined {
  const { config, logger } = deps;
  if (config.ADMIN_USER && config.ADMIN_PASSWORD) {
    return requireAdmin(
      { user: config.ADMIN_USER, password: config.ADMIN_PASSWORD },
      { redis: deps.redis, keyPrefix: config.REDIS_PREFIX },
    );
  }
  if (config.isDevelopment && config.listensOnLoopbackOnly) {
    logger.warn(
      'admin: ADMIN_USER/ADMIN_PASSWORD unset; /admin is open to this machine only (NODE_ENV=development, HOST on loopback)',
    );
    return loopbackOnly;
  }
  logger.error('admin: ADMIN_USER and ADMIN_PASSWORD are not set; /admin and /admin/queues are disabled (503)');
  return undefined;
}

function overviewRoutes(deps: AppDeps): Router {
  const router = Router();
  const cache = {
    db: deps.db,
    redis: deps.redis,
    keyPrefix: deps.config.REDIS_PREFIX,
    onError: (err: unknown) => deps.logger.error({ err }, 'admin: overview refresh failed'),
  };
  router.get('/admin', async (req, res) => {
    const [overview, send, queues] = await Promise.all([
      getOverview(cache, { maxAgeSeconds: deps.config.STATS_CACHE_SECONDS, fresh: req.query.fresh === '1' }),
      getSendQueueState(deps.queues),
      getQueueCounts(deps.queues),
    ]);
    const notice = typeof req.query.done === 'string' ? NOTICES[req.query.done] : undefined;
    res.setHeader('Cache-Control', 'no-store');
    res
      .type('html')
      .send(renderOverview({ overview, send, queues, csrfToken: issueCsrfToken(deps.config.SECRET_KEY), notice }));
  });
  router.post('/admin/send/:action', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const action = req.params.action;
    if (action !== 'pause' && action !== 'resume')
      throw new AppError('not_found', 'Unknown action: use /admin/send/pause or /admin/send/resume.');
    if (!verifyCsrfToken(deps.config.SECRET_KEY, req.body?._csrf)) {
      throw new AppError(
        'forbidden',
        'This form has expired or did not come from the admin page. Reload /admin and try again.',
      );
    }
    await setSendingPaused(deps.queues, action === 'pause');
    req.log?.info({ action }, `admin: sending ${action === 'pause' ? 'paused' : 'resumed'}`);
    res.redirect(303, `/admin?done=${action === 'pause' ? 'paused' : 'resumed'}`);
  });
  return router;
}

export function adminRoutes(deps: AppDeps): Router {
  const router = Router();
  const gate = adminGate(deps);
  if (!gate) {
    router.use('/admin', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('Admin is disabled: set ADMIN_USER and ADMIN_PASSWORD to enable /admin.\n');
    });
    return router;
  }
  router.use(
    QUEUES_PATH,
    gate,
    sameSiteWrites(deps.config.PUBLIC_URL),
    dashboardCsp,
    dashboardAdminHeader,
    queueDashboard(deps.queues),
  );
  router.use('/admin', gate, sameSiteWrites(deps.config.PUBLIC_URL, { tokenChecked: true }));
  router.use(overviewRoutes(deps));
  router.use(adminReaderRoutes(deps));
  return router;
}
