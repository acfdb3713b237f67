// POST /api/papers: operators and other systems push papers (one, a list, or {papers: [...]})
// with the admin credentials. Auth runs before the body is read, so an anonymous client cannot
// make us parse megabytes; the body limit answers 413. Each record is judged on its own:
// 200 when all were stored, 207 with per-record reasons for a mixed batch, 422 when none was.
import express, { Router } from 'express';
import { acceptPapers, AppError } from '@paperboy/core';
import type { AppDeps } from '../deps';
import { adminGate } from './admin.routes';

export function papersApiRoutes(deps: AppDeps): Router {
  const router = Router();
  const gate = adminGate(deps);
  if (!gate) {
    router.post('/api/papers', () => {
      throw new AppError('unavailable', 'The papers API is disabled: set ADMIN_USER and ADMIN_PASSWORD to enable it.', {
        retryable: false,
      });
    });
    return router;
  }
  const json = express.json({
    limit: `${deps.config.PAPERS_API_MAX_BODY_KB}kb`,
    type: ['application/json', 'application/*+json'],
  });
  const ingest = {
    db: deps.db,
    queues: deps.queues,
    redis: deps.redis,
    redisPrefix: deps.config.REDIS_PREFIX,
    logger: deps.logger,
  };
  router.post('/api/papers', gate, json, async (req, res) => {
    if (!req.is(['application/json', 'application/*+json'])) {
      throw new AppError('invalid_input', 'Send the papers as JSON with Content-Type: application/json.');
    }
    const result = await acceptPapers({ ...ingest, logger: req.log ?? deps.logger }, req.body, {
      maxBatch: deps.config.PAPERS_API_MAX_BATCH,
      hfBaseUrl: deps.config.HF_BASE_URL,
    });
    const status = result.rejected.length === 0 ? 200 : result.accepted.length > 0 ? 207 : 422;
    req.log?.info({ runId: result.runId, ...result.counts }, 'api: papers received');
    res.status(status).json(result);
  });
  return router;
}
