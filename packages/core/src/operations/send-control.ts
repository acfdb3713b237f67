// Pausing sending = pausing the digest-send queue in Redis: every worker stops taking send jobs
// (running ones finish), nothing is lost, and resuming picks up where it stopped. Shared by the
// admin page and the CLI so both mean exactly the same thing.
import { QUEUE, type Queues } from '@paperboy/queue';

export interface SendQueueState {
  paused: boolean;
  counts: Record<string, number>;
}

export async function getSendQueueState(queues: Queues): Promise<SendQueueState> {
  const queue = queues[QUEUE.digestSend];
  const [paused, counts] = await Promise.all([queue.isPaused(), queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')]);
  return { paused, counts };
}

export async function setSendingPaused(queues: Queues, paused: boolean): Promise<SendQueueState> {
  const queue = queues[QUEUE.digestSend];
  await (paused ? queue.pause() : queue.resume());
  return getSendQueueState(queues);
}
