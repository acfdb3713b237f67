// listmonk's "pause after N errors": when the SMTP server keeps failing (down, blocked,
// credentials expired) every further attempt only burns retries. The count of consecutive
// failures is kept in Redis so that all workers add to the same number; the first success
// anywhere resets it. At the threshold the send queue is paused (the breaker opens) and the
// operator is told in the log. It does not stay paused for a person to notice: after
// `resumeAfterMs` a worker probes with a few emails (send-recovery.ts), and sending resumes on
// its own when they go out. A pause that follows soon after such a resume is twice as long
// (up to `maxDelayMs`): a relay that takes three probes but fails under load is not hammered.
import type { Logger } from '@paperboy/logger';
import { QUEUE, type Queues, type Redis } from '@paperboy/queue';
import { setSendingPaused } from '../operations/send-control';
import { consecutiveErrorsKey, readBreakerState, writeBreakerState } from './breaker-state';

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
  /** First pause before a probe (SEND_RESUME_AFTER_MS); 0 or absent: only an operator resumes. */
  resumeAfterMs?: number;
  /** Longest pause (SEND_RESUME_MAX_MS). */
  maxDelayMs?: number;
  logger?: Logger;
  /** Told each time the breaker pauses sending (the worker counts it in its metrics). */
  onTrip?: () => void;
  now?: () => Date;
}

export function createSendBreaker(options: SendBreakerOptions): SendBreaker {
  const key = consecutiveErrorsKey(options.prefix);
  // A success resets the count at once after this process's own failures, and otherwise at
  // most once a second (others' failures): not one Redis round trip per email sent.
  let sawFailure = false;
  let lastReset = 0;
  return {
    async failure(detail) {
      sawFailure = true;
      const consecutive = await options.redis.incr(key);
      await options.redis.expire(key, 24 * 3600);
      if (consecutive < options.threshold) return { paused: false, consecutive };
      // Paused already (by another batch's failure, or by hand): this batch stops too, rather
      // than sending the rest of its digests into the failure (a relay calling every address
      // unknown would have each of them suppressed).
      if (await options.queues[QUEUE.digestSend].isPaused()) return { paused: true, consecutive };
      if (consecutive > options.threshold) {
        // Past the threshold and not paused: sending was resumed since the pause (failures of
        // sends already running kept counting). Count anew, so that still failing pauses again.
        await options.redis.set(key, 1, 'EX', 24 * 3600);
        return { paused: false, consecutive: 1 };
      }
      await trip(options, consecutive, detail);
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

async function trip(options: SendBreakerOptions, consecutive: number, detail: string): Promise<void> {
  const now = options.now?.() ?? new Date();
  const previous = await readBreakerState(options.redis, options.prefix);
  await setSendingPaused(options.queues, true); // (clears the breaker state: written again below)
  options.onTrip?.();
  const base = options.resumeAfterMs ?? 0;
  if (base <= 0) {
    options.logger?.error(
      { consecutive, lastError: detail },
      `sending paused after ${consecutive} consecutive SMTP failures: check the SMTP server, then resume on /admin or with the CLI`,
    );
    return;
  }
  // Soon after a resume (within twice the last pause), the pause doubles; otherwise it starts over.
  const recent = previous?.state === 'closed' && now.getTime() - Date.parse(previous.since) < 2 * previous.delayMs;
  const delayMs = recent ? Math.min(previous.delayMs * 2, options.maxDelayMs ?? previous.delayMs * 2) : base;
  const retryAt = new Date(now.getTime() + delayMs);
  await writeBreakerState(options.redis, options.prefix, {
    state: 'open',
    since: now.toISOString(),
    retryAt: retryAt.toISOString(),
    delayMs,
    trips: (recent ? previous.trips : 0) + 1,
    lastError: detail.slice(0, 300),
  });
  options.logger?.error(
    { consecutive, lastError: detail, resumeProbeAt: retryAt.toISOString(), pauseMs: delayMs },
    `sending paused after ${consecutive} consecutive SMTP failures: probing with a few emails in ${Math.round(delayMs / 1000)} s, resuming on its own if they go out (resume on /admin or with the CLI to go at once)`,
  );
}
