// The safety net under the queue: a delivery whose send job was lost (Redis flushed, a job
// that failed for good while the database was away, a worker that died more often than
// BullMQ's stalled limit) stays 'pending' or 'sending'. Send jobs carry batches, so a
// delivery's job cannot be looked up by id; instead, once the send queue has nothing left to
// do, any delivery still open and older than the lease has lost its job and is queued again.
// Should its job be alive after all, the claim makes the second one harmless.
import { QUEUE } from '@paperboy/queue';
import { digestClock, enqueueSendGroup, type DigestDeps } from './digest-deps';
import { staleDeliveryIds } from './store';

// (A paused queue's jobs count as waiting.)
const OPEN_JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

export async function recoverStaleDeliveries(deps: DigestDeps, limit = 1000): Promise<number> {
  const queue = deps.queues[QUEUE.digestSend];
  const counts = await queue.getJobCounts(...OPEN_JOB_STATES);
  if (Object.values(counts).some((n) => n > 0)) return 0;
  const now = digestClock(deps);
  const cutoff = new Date(now.getTime() - deps.config.SEND_LEASE_SECONDS * 1000);
  const stale = await staleDeliveryIds(deps.db, cutoff, limit);
  // In batches of SEND_BATCH_SIZE (the limiter counts jobs): ceil(n / batch) jobs, not n.
  await enqueueSendGroup(deps, stale, `recovered-${now.getTime()}`, 0);
  if (stale.length > 0) deps.logger?.warn({ requeued: stale.length }, 'recovered stale digest deliveries');
  return stale.length;
}
