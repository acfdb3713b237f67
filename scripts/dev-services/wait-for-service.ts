// `npm start` with a dependency down (Redis stopped, REDIS_URL pointing nowhere): instead of
// starting the API and the worker into a storm of reconnect errors, it waits here, saying so in
// one line, retrying with backoff, with a reminder now and then (15 s, 30 s, 1 min, ... 5 min
// apart), and one line when the dependency answers.
import { Redis } from 'ioredis';

export interface WaitForServiceOptions {
  /** "Redis" */
  name: string;
  /** Where, without credentials: "127.0.0.1:6379". */
  where: string;
  /** Resolves undefined when the service answers, else why not ("ECONNREFUSED"). */
  probe: () => Promise<string | undefined>;
  log: (line: string) => void;
  /** True once paperboy is stopping (Ctrl-C): give up waiting. */
  stopped?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Retry delays double from the first to the last (250 ms ... 5 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const REMINDER_FIRST_MS = 15_000;
const REMINDER_MAX_MS = 5 * 60_000;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** True when the service answers (at once or later); false when paperboy stopped while waiting. */
export async function waitForService(options: WaitForServiceOptions): Promise<boolean> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const stopped = options.stopped ?? (() => false);
  let reason = await options.probe();
  if (reason === undefined) return true;
  const since = now();
  options.log(
    `paperboy: waiting for ${options.name} at ${options.where} (${reason}); the API and the worker start when it answers (retrying with backoff; Ctrl-C to stop)`,
  );
  let delay = options.firstDelayMs ?? 250;
  let reminderGap = REMINDER_FIRST_MS;
  let nextReminder = since + reminderGap;
  while (!stopped()) {
    await sleep(delay);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    if (stopped()) break;
    reason = await options.probe();
    if (reason === undefined) {
      options.log(`paperboy: ${options.name} at ${options.where} answers (after ${duration(now() - since)})`);
      return true;
    }
    if (now() >= nextReminder) {
      options.log(
        `paperboy: still waiting for ${options.name} at ${options.where} (${reason}; ${duration(now() - since)})`,
      );
      reminderGap = Math.min(reminderGap * 2, REMINDER_MAX_MS);
      nextReminder = now() + reminderGap;
    }
  }
  return false;
}

/** host:port of a redis:// or rediss:// URL, never its password. */
export function redisWhere(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}`;
  } catch {
    return 'REDIS_URL';
  }
}

/** One connection attempt and a PING (with the URL's password and TLS): undefined when Redis answers. */
export async function probeRedis(url: string, timeoutMs = 2_000): Promise<string | undefined> {
  const redis = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
  });
  let first: unknown;
  redis.on('error', (error: unknown) => (first ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    const e = (first ?? error) as { code?: unknown; message?: unknown };
    return typeof e.code === 'string' ? e.code : String(e.message ?? e).split('\n')[0];
  } finally {
    redis.disconnect();
  }
}
