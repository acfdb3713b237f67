// One run per source at a time, across every worker and CLI process: a Redis lock with a
// random token, renewed while the run lives and released only by its owner. Holding it also
// proves that any run of that source still marked "running" is an orphan of a crash.
import { randomBytes } from 'node:crypto';
import type { Redis } from '@paperboy/queue';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface SourceLock {
  release(): Promise<void>;
}

/** Undefined when another process holds the lock. The TTL bounds how long a crash blocks the source. */
export async function acquireSourceLock(
  redis: Redis,
  key: string,
  ttlMs = 5 * 60_000,
): Promise<SourceLock | undefined> {
  const token = randomBytes(12).toString('hex');
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return undefined;
  // Renewed well before expiry; a renewal that fails (Redis blip) is retried by the next tick.
  const timer = setInterval(
    () => void redis.eval(RENEW, 1, key, token, String(ttlMs)).catch(() => undefined),
    ttlMs / 3,
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
