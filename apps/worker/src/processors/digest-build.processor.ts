// One reader's digest for one period: Delivery + papers in one statement, then the send job.
// Concurrent build jobs of this process share one ranking query (batchedPicker).
import { batchedPicker, buildDigest, pickRankedPapers } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

const pickPapers = batchedPicker(pickRankedPapers, 200);

export const digestBuildProcessor = defineProcessor({
  queue: QUEUE.digestBuild,
  options: (deps) => ({ concurrency: 100, lockDuration: deps.config.JOB_LOCK_SECONDS * 1000, stalledInterval: deps.config.JOB_LOCK_SECONDS * 1000 }),
  async handle(payload, _job, deps) {
    return buildDigest({ ...deps, pickPapers }, payload);
  },
});
