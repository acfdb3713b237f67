// The safety net under the queue: a delivery whose send job was lost (Redis flushed, a job
// failed for a reason nobody classified, a worker died more often than BullMQ's stalled
// limit) stays 'pending' or 'sending'. Once it is older than the lease it is handed to a
// worker again under the same job id; the send processor's status check makes that harmless
// when the original job is in fact still alive.
import { jobId, QUEUE } from '@paperboy/queue';
import { digestClock, enqueueSends, type DigestDeps } from './digest-deps';

export async function recoverStaleDeliveries(deps: DigestDeps, limit = 1000): Promise<number> {
  const cutoff = new Date(digestClock(deps).getTime() - deps.config.SEND_LEASE_SECONDS * 1000);
  const stale = await deps.db.delivery.findMany({
    where: { status: { in: ['pending', 'sending'] }, updatedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  if (stale.length === 0) return 0;
  const queue = deps.queues[QUEUE.digestSend];
  const missing: number[] = [];
  for (const { id } of stale) {
    const job = await queue.getJob(jobId('send', id));
    if (!job) missing.push(id);
    else if (await job.isFailed()) await job.retry(); // a kept failed job blocks re-adding its id
  }
  await enqueueSends(deps, missing);
  deps.logger?.warn({ stale: stale.length, requeued: missing.length }, 'recovered stale digest deliveries');
  return stale.length;
}
