// The half-open side of the send breaker. Every worker calls probeIfDue on a short timer; when
// the breaker's pause is over, one of them (a lock in Redis) sends a few pending digests itself
// while the queue stays paused. If none of them fails for the server's or the network's
// reason, sending resumes on its own; if any does, the pause starts again, twice as long, up
// to the cap. The probed deliveries are claimed like any other, so the queued jobs that also
// carry them find them sent and skip them.
import { QUEUE, type Queues, type Redis } from '@paperboy/queue';
import { setSendingPaused } from '../operations/send-control';
import {
  breakerStateKey,
  clearBreakerState,
  consecutiveErrorsKey,
  readBreakerState,
  writeBreakerState,
  type BreakerState,
} from './breaker-state';
import { digestClock } from './digest-deps';
import { sendDigests, type SendDeps, type SendOutcome } from './send-digest.usecase';
import { probeDeliveryIds } from './store';

export interface RecoveryDeps extends Omit<SendDeps, 'queues'> {
  /** All queues: resuming goes through the operator's own switch (send-control). */
  queues: Queues;
  redis: Redis;
  /** REDIS_PREFIX. */
  prefix: string;
  /** SEND_RESUME_MAX_MS: the longest pause. */
  maxDelayMs: number;
  /** Digests a probe sends (default 3). */
  probeSize?: number;
}

export type ProbeResult = 'idle' | 'waiting' | 'busy' | 'closed' | 'reopened';

/** A probe longer than this is presumed dead (its worker was killed): another may probe. */
const PROBE_LOCK_MS = 120_000;

/** Failures that say the server or the network is still unwell (not one reader's address). */
function serverFailure(o: SendOutcome): string | undefined {
  if ('retrying' in o) return o.retrying;
  if ('failed' in o && (o.failed === 'rejected' || o.failed === 'gave_up')) return o.detail;
  return undefined;
}

export async function probeIfDue(deps: RecoveryDeps): Promise<ProbeResult> {
  const state = await readBreakerState(deps.redis, deps.prefix);
  if (!state || state.state === 'closed') return 'idle';
  const now = digestClock(deps);
  if (state.state === 'open' && state.retryAt && now.getTime() < Date.parse(state.retryAt)) return 'waiting';
  const lock = `${breakerStateKey(deps.prefix)}:probe`;
  if ((await deps.redis.set(lock, '1', 'PX', PROBE_LOCK_MS, 'NX')) !== 'OK') return 'busy';
  try {
    // Read again under the lock: another worker may have finished a probe, or an operator acted.
    const current = await readBreakerState(deps.redis, deps.prefix);
    if (!current || current.state === 'closed') return 'idle';
    if (!(await deps.queues[QUEUE.digestSend].isPaused())) {
      // Resumed by an operator while a probe ran: the operator's word wins.
      await clearBreakerState(deps.redis, deps.prefix);
      return 'idle';
    }
    if (current.state === 'open' && current.retryAt && now.getTime() < Date.parse(current.retryAt)) return 'waiting';
    await writeBreakerState(deps.redis, deps.prefix, { ...current, state: 'half_open' });
    return await probe(deps, current);
  } finally {
    await deps.redis.del(lock);
  }
}

async function probe(deps: RecoveryDeps, state: BreakerState): Promise<ProbeResult> {
  // The least-tried first: a long outage spreads its probes over many deliveries' attempts.
  const pending = await probeDeliveryIds(deps.db, deps.probeSize ?? 3);
  const outcomes = pending.length ? await sendDigests({ ...deps, breaker: undefined }, pending) : [];
  // Every probe "unknown user" is the relay's confusion, not three readers' bad luck.
  const allBounced = outcomes.length > 1 && outcomes.every((o) => 'failed' in o && o.failed === 'hard_bounce');
  const failure =
    outcomes.map(serverFailure).find((f) => f !== undefined) ??
    (allBounced ? 'every probe digest hard-bounced' : undefined);
  const now = digestClock(deps);
  if (failure === undefined) {
    await deps.redis.del(consecutiveErrorsKey(deps.prefix));
    await setSendingPaused(deps.queues, false); // (clears the state: written again below)
    await writeBreakerState(deps.redis, deps.prefix, {
      state: 'closed',
      since: now.toISOString(),
      delayMs: state.delayMs,
      trips: state.trips,
    });
    const sent = outcomes.filter((o) => 'sent' in o).length;
    deps.logger?.warn(
      { probed: outcomes.length, sent, pausedSince: state.since, pauseMs: state.delayMs },
      `sending resumed on its own: ${sent} of ${outcomes.length} probe digests went out`,
    );
    return 'closed';
  }
  const delayMs = Math.min(state.delayMs * 2, deps.maxDelayMs);
  const retryAt = new Date(now.getTime() + delayMs);
  await writeBreakerState(deps.redis, deps.prefix, {
    ...state,
    state: 'open',
    retryAt: retryAt.toISOString(),
    delayMs,
    trips: state.trips + 1,
    lastError: failure.slice(0, 300),
  });
  deps.logger?.error(
    { lastError: failure, resumeProbeAt: retryAt.toISOString(), pauseMs: delayMs },
    `probe failed: sending stays paused; next probe in ${Math.round(delayMs / 1000)} s`,
  );
  return 'reopened';
}
