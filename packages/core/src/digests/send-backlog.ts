// Builds wait while sending is behind. A worker process runs build and send jobs on one event
// loop; a build job of 200 readers holds it for tenths of a second, and a send's SMTP and
// database steps wait behind it. In a million-reader morning the schedule queues thousands of
// build jobs at once, so for the whole build phase (~15 minutes) sends crawled at ~50–100/s
// while ~18,000 send jobs (~900,000 built digests) piled up in Redis (BENCHMARKS.md, "The
// morning"). Building only while the send queue holds at most a few seconds of work keeps the
// two in step: the first emails leave at once and the queue stays short. The same CPU is spent.
import { QUEUE, type Queues } from '@paperboy/queue';

export interface SendBacklogOptions {
  /** SEND_BACKLOG_LIMIT: waiting send jobs above which a build waits (0: never wait). */
  limit: number;
  /** How often the queue is looked at while waiting. */
  pollMs?: number;
  /** Builds go ahead after this long whatever the backlog: a queue nobody sends from (no send
   * worker running, the breaker holding it paused) must not stop building for good. */
  maxWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the send queue's waiting jobs are at most `limit` (or after `maxWaitMs`): how
 * long it waited, in ms. */
export async function waitForSendBacklog(
  queues: Pick<Queues, typeof QUEUE.digestSend>,
  options: SendBacklogOptions,
): Promise<number> {
  if (options.limit <= 0) return 0;
  const { pollMs = 200, maxWaitMs = 60_000 } = options;
  const started = Date.now();
  while ((await queues[QUEUE.digestSend].getWaitingCount()) > options.limit) {
    if (Date.now() - started >= maxWaitMs) break;
    await sleep(pollMs);
  }
  return Date.now() - started;
}
