// A batch of readers' digests for their periods (what the schedule enqueues), or one reader's:
// the Delivery rows and their papers in one statement, then the send jobs. The batch is one
// ranking query and one insert, whatever its size.
import { buildDigests, waitForSendBacklog } from '@paperboy/core';
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
    // A batch waits while sending is behind (send-backlog.ts); a job of one reader (enqueueBuilds
    // sends a lone reader that way) is too small to hold sends up and goes at once.
    const waitedMs = payload.readers
      ? await waitForSendBacklog(deps.queues, { limit: deps.config.SEND_BACKLOG_LIMIT })
      : 0;
    const results = await buildDigests(deps, readers);
    return readers.length === 1
      ? results[0]
      : { built: results.filter((r) => 'deliveryId' in r).length, readers: readers.length, waitedMs };
  },
});
