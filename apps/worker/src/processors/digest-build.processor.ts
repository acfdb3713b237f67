// A batch of readers' digests for their periods (what the schedule enqueues), or one reader's:
// the Delivery rows and their papers in one statement, then the send jobs. The batch is one
// ranking query and one insert, whatever its size.
import { buildDigests } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const digestBuildProcessor = defineProcessor({
  queue: QUEUE.digestBuild,
  options: (deps) => ({
    concurrency: 2,
    lockDuration: deps.config.JOB_LOCK_SECONDS * 1000,
    stalledInterval: deps.config.JOB_LOCK_SECONDS * 1000,
  }),
  async handle(payload, _job, deps) {
    const readers = payload.readers ?? [{ subscriberId: payload.subscriberId!, periodKey: payload.periodKey! }];
    const results = await buildDigests(deps, readers);
    return readers.length === 1
      ? results[0]
      : { built: results.filter((r) => 'deliveryId' in r).length, readers: readers.length };
  },
});
