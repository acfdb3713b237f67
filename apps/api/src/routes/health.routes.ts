import { Router } from 'express';
import type { AppDeps } from '../deps';
import { checkReadiness } from '../health/readiness';

export function healthRoutes({ db, redis }: AppDeps): Router {
  const router = Router();
  // Liveness: the process is up and serving. Never touches dependencies, so a database
  // outage does not make an orchestrator restart healthy API processes.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(db, redis);
    res.status(readiness.ok ? 200 : 503).json({ status: readiness.ok ? 'ready' : 'unavailable', ...readiness.checks });
  });
  return router;
}
