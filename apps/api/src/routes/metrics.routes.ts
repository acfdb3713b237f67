// GET /metrics for Prometheus. Protected: `Authorization: Bearer $METRICS_TOKEN`, or the admin
// credentials (Basic). With neither configured it is open in development on loopback only, 503 otherwise.
// The worker serves its own /metrics on METRICS_PORT (see apps/worker/src/main.ts).
import { Router, type RequestHandler } from 'express';
import { readersByDigestMode, readersByStatus } from '@paperboy/core';
import { bearerMatches, collectQueueDepths, collectReaders, type Metrics } from '@paperboy/metrics';
import { requireAdmin } from '../admin/admin-auth.middleware';
import type { AppDeps } from '../deps';
import { loopbackOnly } from './admin.routes';

function metricsAuth(deps: AppDeps): RequestHandler | undefined {
  const {
    METRICS_TOKEN: token,
    ADMIN_USER: user,
    ADMIN_PASSWORD: password,
    isDevelopment,
    listensOnLoopbackOnly,
  } = deps.config;
  if (!token && !(user && password)) {
    if (isDevelopment && listensOnLoopbackOnly) return loopbackOnly;
    deps.logger.error(
      'metrics: set METRICS_TOKEN (or ADMIN_USER/ADMIN_PASSWORD) to enable /metrics; it answers 503 until then',
    );
    return undefined;
  }
  // Basic goes through the admin check, password-guessing throttle included.
  const admin =
    user && password
      ? requireAdmin({ user, password }, { redis: deps.redis, keyPrefix: deps.config.REDIS_PREFIX })
      : undefined;
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (token && bearerMatches(header, token)) return next();
    if (admin && /^Basic\s/i.test(header ?? '')) return admin(req, res, next);
    res.setHeader('WWW-Authenticate', token ? 'Bearer realm="metrics"' : 'Basic realm="paperboy admin"');
    res.status(401).type('text/plain').send('Authentication required for /metrics.\n');
  };
}

export function metricsRoutes(deps: AppDeps, metrics: Metrics): Router {
  const router = Router();
  collectQueueDepths(metrics, Object.values(deps.queues));
  const overview = { db: deps.db, redis: deps.redis, keyPrefix: deps.config.REDIS_PREFIX };
  collectReaders(
    metrics,
    () => readersByStatus(overview, deps.config.STATS_CACHE_SECONDS),
    () => readersByDigestMode(overview, deps.config.STATS_CACHE_SECONDS),
  );
  const auth = metricsAuth(deps);
  router.get(
    '/metrics',
    auth ?? ((_req, res) => void res.status(503).type('text/plain').send('Metrics are disabled: set METRICS_TOKEN.\n')),
    async (_req, res) => {
      const text = await metrics.registry.metrics();
      res.setHeader('Cache-Control', 'no-store');
      res.type(metrics.registry.contentType).send(text);
    },
  );
  return router;
}
