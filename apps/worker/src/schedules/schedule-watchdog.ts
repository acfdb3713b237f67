// Job schedulers live only in Redis. If Redis loses its data (a restart without persistence,
// a flush, an eviction) the every-minute digest schedule, the daily association rebuild and the
// ingest schedules are gone, and registering them only at worker start left nothing running
// until someone restarted a worker.
// Every worker checks every 30 s and registers whatever is missing again (upsertJobScheduler is
// idempotent, so several workers repairing at once still leave one scheduler each). The metric
// paperboy_scheduler_present and one warning line per repair tell the operator.
import { reliabilityMetrics } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';
import { ASSOCIATIONS_SCHEDULER_ID, upsertAssociationsSchedule } from './associations-schedule';
import { applyBounceMailboxSchedule, BOUNCE_MAILBOX_SCHEDULER_ID } from './bounce-mailbox-schedule';
import { DIGEST_SCHEDULER_ID, upsertDigestSchedule } from './digest-schedule';
import { applyIngestSchedules, ingestSchedules } from './ingest-schedules';

export interface ScheduleWatchdog {
  /** Checks once now; resolves with the ids it had to register again. */
  check(): Promise<string[]>;
  stop(): void;
}

type WatchdogDeps = Pick<WorkerDeps, 'queues' | 'config' | 'logger' | 'metrics'>;

export function watchSchedules(deps: WatchdogDeps, everyMs = 30_000): ScheduleWatchdog {
  const metrics = deps.metrics ? reliabilityMetrics(deps.metrics.registry) : undefined;
  let first = true;
  const check = async (): Promise<string[]> => {
    const ingest = ingestSchedules(deps.config).filter((s) => s.everyMs !== null);
    const expected = [
      { id: DIGEST_SCHEDULER_ID, queue: deps.queues[QUEUE.digestSchedule] },
      { id: ASSOCIATIONS_SCHEDULER_ID, queue: deps.queues[QUEUE.associationsRebuild] },
      ...ingest.map((s) => ({ id: s.schedulerId, queue: deps.queues[QUEUE.ingest] })),
      ...(deps.config.BOUNCE_IMAP_URL
        ? [{ id: BOUNCE_MAILBOX_SCHEDULER_ID, queue: deps.queues[QUEUE.bounceMailbox] }]
        : []),
    ];
    const missing: string[] = [];
    for (const { id, queue } of expected) if (!(await queue.getJobScheduler(id))) missing.push(id);
    if (missing.includes(DIGEST_SCHEDULER_ID)) await upsertDigestSchedule(deps.queues);
    if (missing.includes(ASSOCIATIONS_SCHEDULER_ID)) await upsertAssociationsSchedule(deps.queues);
    if (missing.includes(BOUNCE_MAILBOX_SCHEDULER_ID) || first)
      await applyBounceMailboxSchedule(deps.queues, deps.config);
    const own = [DIGEST_SCHEDULER_ID, ASSOCIATIONS_SCHEDULER_ID, BOUNCE_MAILBOX_SCHEDULER_ID];
    if (missing.some((id) => !own.includes(id)) || first)
      await applyIngestSchedules(deps.queues, deps.config, deps.logger);
    for (const { id } of expected) metrics?.schedulerPresent.set({ scheduler: id }, 1);
    // At start, registering is the normal thing; later, a missing scheduler means Redis lost data.
    if (missing.length && !first) {
      for (const id of missing) metrics?.schedulersRestored.inc({ scheduler: id });
      deps.logger.warn(
        { schedulers: missing },
        'job schedulers were missing from Redis (data lost or flushed?): registered again',
      );
    }
    first = false;
    return missing;
  };
  const tick = () =>
    check().catch((err: unknown) => {
      metrics?.schedulerPresent.set({ scheduler: DIGEST_SCHEDULER_ID }, 0);
      deps.logger.warn({ err: (err as Error).message }, 'could not check the job schedulers in Redis');
    });
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
