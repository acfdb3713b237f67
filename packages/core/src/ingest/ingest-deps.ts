// What the ingestion use cases receive. The worker, the API and the CLI build this from their
// own dependencies; tests pass a fixed clock.
import type { Db } from '@paperboy/db';
import type { Logger } from '@paperboy/logger';
import type { QUEUE, Queues, Redis } from '@paperboy/queue';

export interface IngestDeps {
  db: Db;
  /** Only the match queue: new papers are handed to matching through it. */
  queues: Pick<Queues, typeof QUEUE.match>;
  /** For the per-source run lock (one run of a source at a time, across processes). */
  redis: Redis;
  /** REDIS_PREFIX, so locks of two deployments (or test files) sharing a Redis never meet. */
  redisPrefix: string;
  logger: Logger;
  now?: () => Date;
}

export const ingestClock = (deps: Pick<IngestDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());
