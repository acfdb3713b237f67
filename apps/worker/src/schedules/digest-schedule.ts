// The digest schedule: one repeatable job every minute (readers pick whole hours, and a
// minute's lag is invisible). upsertJobScheduler is idempotent, so every worker process can
// call it at start; Redis keeps one scheduler whatever the number of processes.
import { QUEUE, type Queues } from '@paperboy/queue';

export const DIGEST_SCHEDULER_ID = 'digest-schedule-every-minute';

export async function upsertDigestSchedule(
  queues: Pick<Queues, typeof QUEUE.digestSchedule>,
  everyMs = 60_000,
): Promise<void> {
  await queues[QUEUE.digestSchedule].upsertJobScheduler(
    DIGEST_SCHEDULER_ID,
    { every: everyMs },
    { name: 'schedule', data: {}, opts: { attempts: 3 } },
  );
}
