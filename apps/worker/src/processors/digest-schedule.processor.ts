// The repeatable schedule job (every minute, see schedules/digest-schedule.ts) and "send now":
// fan out build jobs for the readers due, then re-queue builds lost with Redis's data (readers
// whose last slot passed without a Delivery row), re-hand deliveries whose send job got lost, and
// papers posted to the API whose hand-off to matching failed (no later POST may come to do it),
// and delete sign-ups that were never confirmed (UNCONFIRMED_READER_DAYS).
import {
  purgeUnconfirmedReaders,
  reconcileMissingDigests,
  recoverStaleDeliveries,
  resendStaleApiRuns,
  scheduleDigests,
} from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const digestScheduleProcessor = defineProcessor({
  queue: QUEUE.digestSchedule,
  // One run at a time per process; runs in several processes are safe (ids and keys dedupe).
  options: () => ({ concurrency: 1 }),
  async handle(payload, _job, deps) {
    const now = payload.now ? new Date(payload.now) : new Date();
    const digestDeps = { ...deps, now: () => now };
    const scheduled = await scheduleDigests(digestDeps, { force: payload.force, subscriberId: payload.subscriberId });
    const rebuilt = payload.force || payload.subscriberId ? 0 : await reconcileMissingDigests(digestDeps);
    const recovered = payload.force || payload.subscriberId ? 0 : await recoverStaleDeliveries(deps);
    if (!payload.force && !payload.subscriberId) {
      await resendStaleApiRuns({
        db: deps.db,
        queues: deps.queues,
        redis: deps.redis,
        redisPrefix: deps.config.REDIS_PREFIX,
        logger: deps.logger,
      });
      const purged = await purgeUnconfirmedReaders(digestDeps);
      if (purged)
        deps.logger.info({ purged, olderThanDays: deps.config.UNCONFIRMED_READER_DAYS }, 'unconfirmed readers deleted');
    }
    if (scheduled.enqueued || recovered || rebuilt)
      deps.logger.info({ ...scheduled, recovered, rebuilt }, 'digests scheduled');
    return { ...scheduled, recovered, rebuilt };
  },
});
