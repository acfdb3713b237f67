// QUEUE.associationsRebuild: learn the term associations from the stored papers and replace the
// stored table (daily at 03:00 UTC, at worker start while the table is empty). Replacing is
// idempotent, so a retry or a duplicate job only does the work again. The learning runs in a
// worker thread: this process keeps renewing its job locks meanwhile.
import { rebuildAssociations } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const associationsRebuildProcessor = defineProcessor({
  queue: QUEUE.associationsRebuild,
  // Hundreds of MB for tens of seconds (learn-in-thread.ts): one at a time per process.
  options: () => ({ concurrency: 1 }),
  async handle(payload, _job, deps) {
    const result = await rebuildAssociations(deps, { windowDays: payload.windowDays });
    deps.logger.info({ associations: result }, 'term associations rebuilt');
    return result;
  },
});
