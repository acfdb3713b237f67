// The send breaker's state, shared by every worker through Redis (next to the queue's keys, so
// in the same Redis Cluster hash slot): closed (sending), open (paused by the breaker; a probe
// is due at retryAt), half_open (a worker is probing with a few emails). A pause by an operator
// has no breaker state: it is never resumed automatically.
import type { Redis } from '@paperboy/queue';

export interface BreakerState {
  state: 'closed' | 'open' | 'half_open';
  /** When it last opened / closed (ISO). */
  since: string;
  /** open: when the next probe is due (ISO). */
  retryAt?: string;
  /** The current pause length; doubled by each failed probe, up to the cap. */
  delayMs: number;
  /** Pauses since sending last went well for a while. */
  trips: number;
  lastError?: string;
}

const TTL_SECONDS = 7 * 24 * 3600;

export const breakerStateKey = (prefix: string): string => `${prefix}:digest-send:breaker`;
export const consecutiveErrorsKey = (prefix: string): string => `${prefix}:digest-send:consecutive-errors`;

export async function readBreakerState(redis: Pick<Redis, 'get'>, prefix: string): Promise<BreakerState | undefined> {
  const raw = await redis.get(breakerStateKey(prefix));
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as BreakerState;
  } catch {
    return undefined;
  }
}

export async function writeBreakerState(redis: Pick<Redis, 'set'>, prefix: string, state: BreakerState): Promise<void> {
  await redis.set(breakerStateKey(prefix), JSON.stringify(state), 'EX', TTL_SECONDS);
}

export async function clearBreakerState(redis: Pick<Redis, 'del'>, prefix: string): Promise<void> {
  await redis.del(breakerStateKey(prefix));
}
