// QUEUE.ingest: one pull of one named source ({source: 'hf-daily' | 'hf-trending' | 'arxiv'}),
// usually started by its job scheduler. The run itself (resume, counts, handing new papers to
// matching) is core's runIngest; this file only wires it. Transient source failures rethrow
// for BullMQ's backoff (the retry resumes from the saved cursor); permanent ones fail the job.
import type { Job } from 'bullmq';
import { pruneSignals, runIngest, scheduledSource, type IngestDeps, type SourceTuning } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';
import { defineProcessor } from './processor';

export function ingestDeps(deps: WorkerDeps, now?: () => Date): IngestDeps {
  return {
    db: deps.db,
    queues: deps.queues,
    redis: deps.redis,
    redisPrefix: deps.config.REDIS_PREFIX,
    logger: deps.logger,
    now,
  };
}

/** `tuning` is for tests (instant retries, small pages, a fixed clock); production uses none. */
export function createIngestProcessor(tuning: SourceTuning = {}) {
  return defineProcessor({
    queue: QUEUE.ingest,
    // Different sources may run side by side; the same source never does (runIngest's lock).
    options: () => ({ concurrency: 3 }),
    async handle(payload, job: Job, deps) {
      const spec = scheduledSource(payload.source, deps.config, tuning);
      const summary = await runIngest(ingestDeps(deps, tuning.now), {
        ...spec,
        onBatch: (progress) => void job.updateProgress(progress).catch(() => undefined),
      });
      // Housekeeping once per daily-list pull (hourly by default), not after every source.
      if (summary.status === 'succeeded' && payload.source === 'hf-daily') {
        const pruned = await pruneSignals(deps.db, deps.config.SIGNAL_HISTORY_DAYS, tuning.now?.());
        if (pruned > 0) deps.logger.info({ pruned }, 'ingest: old upvote snapshots pruned');
      }
      // { source, inserted } is what the worker's metrics count as papers ingested.
      return summary;
    },
  });
}

export const ingestProcessor = createIngestProcessor();
