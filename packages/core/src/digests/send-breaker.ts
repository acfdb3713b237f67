// listmonk's "pause after N errors": when the SMTP server keeps failing (down, blocked,
// credentials expired) every further attempt only burns retries. The count of consecutive
// failures is kept in Redis so that all workers add to the same number; the first success
// anywhere resets it. At the threshold the send queue is paused (the admin page shows it and
// resumes it) and the operator is told in the log.
import type { Logger } from '@paperboy/logger';
import { QUEUE, type Queues, type Redis } from '@paperboy/queue';
import { setSendingPaused } from '../operations/send-control';

export interface SendBreaker {
  failure(detail: string): Promise<{ paused: boolean; consecutive: number }>;
  success(): Promise<void>;
}

export interface SendBreakerOptions {
  redis: Redis;
  queues: Queues;
  /** REDIS_PREFIX: the counter lives next to the queues (same Redis Cluster hash slot). */
  prefix: string;
  threshold: number;
  logger?: Logger;
}

export function createSendBreaker(options: SendBreakerOptions): SendBreaker {
  const key = `${options.prefix}:digest-send:consecutive-errors`;
  // A success resets the count at once after this process's own failures, and otherwise at
  // most once a second (others' failures): not one Redis round trip per email sent.
  let sawFailure = false;
  let lastReset = 0;
  return {
    async failure(detail) {
      sawFailure = true;
      const consecutive = await options.redis.incr(key);
      await options.redis.expire(key, 24 * 3600);
      if (consecutive < options.threshold || (await options.queues[QUEUE.digestSend].isPaused())) return { paused: false, consecutive };
      if (consecutive > options.threshold) {
        // Past the threshold and not paused: an operator resumed since the pause (failures of
        // sends already running kept counting). Count anew, so that still failing pauses again.
        await options.redis.set(key, 1, 'EX', 24 * 3600);
        return { paused: false, consecutive: 1 };
      }
      await setSendingPaused(options.queues, true);
      options.logger?.error(
        { consecutive, lastError: detail },
        `sending paused after ${consecutive} consecutive SMTP failures: check the SMTP server, then resume on /admin or with the CLI`,
      );
      return { paused: true, consecutive };
    },
    async success() {
      if (!sawFailure && Date.now() - lastReset < 1000) return;
      sawFailure = false;
      lastReset = Date.now();
      await options.redis.del(key);
    },
  };
}
