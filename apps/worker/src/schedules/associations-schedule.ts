// The term associations are learned again every day at 03:00 UTC (a quiet hour for most
// readers' 8:00 digests; the day's papers are in by then). upsertJobScheduler is idempotent, so
// every worker registers it, and the schedule watchdog registers it again if Redis lost it.
import { hasStoredAssociations } from '@paperboy/core';
import type { Db } from '@paperboy/db';
import { jobId, QUEUE, type Queues } from '@paperboy/queue';

export const ASSOCIATIONS_SCHEDULER_ID = 'associations-rebuild-daily';
export const ASSOCIATIONS_CRON = '0 3 * * *';

type AssociationQueues = Pick<Queues, typeof QUEUE.associationsRebuild>;

export async function upsertAssociationsSchedule(queues: AssociationQueues): Promise<void> {
  await queues[QUEUE.associationsRebuild].upsertJobScheduler(
    ASSOCIATIONS_SCHEDULER_ID,
    { pattern: ASSOCIATIONS_CRON, tz: 'UTC' },
    { name: 'rebuild', data: {}, opts: { attempts: 3 } },
  );
}

/**
 * At worker start, while no table is stored (a new installation, or too few papers so far),
 * rebuild now rather than at the next 03:00. One job per day whatever the number of workers
 * starting: the job id names the day.
 */
export async function rebuildAssociationsIfEmpty(
  deps: { db: Db; queues: AssociationQueues },
  now = new Date(),
): Promise<boolean> {
  if (await hasStoredAssociations(deps.db)) return false;
  const id = jobId('associations-rebuild-start', now.toISOString().slice(0, 10));
  await deps.queues[QUEUE.associationsRebuild].add('rebuild', {}, { jobId: id, attempts: 3 });
  return true;
}
