// Pausing sending = pausing the digest-send queue in Redis: every worker stops taking send jobs
// (running ones finish), nothing is lost, and resuming picks up where it stopped. Shared by the
// admin page and the CLI so both mean exactly the same thing. The send breaker pauses the same
// way and resumes on its own after a successful probe (digests/send-recovery); an operator's
// pause or resume clears the breaker's state, so the operator's word is the last one.
import { QUEUE, type Queues, type Redis } from '@paperboy/queue';
import { clearBreakerState, readBreakerState, type BreakerState } from '../digests/breaker-state';

export interface SendQueueState {
  paused: boolean;
  counts: Record<string, number>;
  /** Set while the breaker holds sending paused (open) or is probing (half_open). */
  breaker?: BreakerState;
}

type SendQueue = Queues[typeof QUEUE.digestSend];

/** The breaker's state lives next to the queue's keys, on the queue's own connection. */
async function breakerOf(queue: SendQueue): Promise<{ redis: Redis; prefix: string }> {
  return { redis: (await queue.backend.client) as unknown as Redis, prefix: queue.opts.prefix ?? 'bull' };
}

export async function getSendQueueState(queues: Queues): Promise<SendQueueState> {
  const queue = queues[QUEUE.digestSend];
  const { redis, prefix } = await breakerOf(queue);
  const [paused, counts, breaker] = await Promise.all([
    queue.isPaused(),
    queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
    readBreakerState(redis, prefix),
  ]);
  // (A breaker state left over while the queue runs, e.g. an operator resumed mid-probe, is not a pause.)
  return { paused, counts, ...(paused && breaker && breaker.state !== 'closed' ? { breaker } : {}) };
}

export async function setSendingPaused(queues: Queues, paused: boolean): Promise<SendQueueState> {
  const queue = queues[QUEUE.digestSend];
  const { redis, prefix } = await breakerOf(queue);
  await clearBreakerState(redis, prefix);
  await (paused ? queue.pause() : queue.resume());
  return getSendQueueState(queues);
}
