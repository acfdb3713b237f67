// Redis outages in the logs: one JSON line when Redis becomes unreachable, one when it is back,
// and a reminder a minute while it stays away. Without an 'error' listener, ioredis and BullMQ
// print every reconnection failure as a raw multi-line stack trace on stderr (hundreds a
// minute), which breaks one-JSON-line-per-event logging exactly when operators need it.
import type { EventEmitter } from 'node:events';

/** The part of a pino logger this needs (kept structural: the queue package has no logger dependency). */
export interface RedisErrorLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface RedisErrorReporter {
  /** Routes a Redis client's, Queue's or Worker's 'error' events here (and 'ready' ends an outage). */
  watch(source: EventEmitter, name: string): void;
  /** One error from elsewhere (a BullMQ Worker's connection error): counted in the same outage. */
  report(error: unknown, name: string): void;
}

/** Node's and ioredis's ways of saying the Redis server cannot be reached (not a command's own error). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

export function isRedisConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (typeof e?.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  return (
    typeof e?.message === 'string' &&
    /Connection is closed|connect ETIMEDOUT|Stream isn't writeable|Reached the max retries per request/.test(e.message)
  );
}

const REMINDER_MS = 60_000;

function summary(error: unknown): { message: string; code?: string } {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]! : String(error);
  return typeof e?.code === 'string' ? { message, code: e.code } : { message };
}

export function createRedisErrorReporter(log: RedisErrorLog, now: () => number = Date.now): RedisErrorReporter {
  let downSince: number | undefined;
  let lastReminder = 0;
  let suppressed = 0;
  const onError = (name: string) => (error: unknown) => {
    const t = now();
    if (downSince === undefined) {
      downSince = lastReminder = t;
      suppressed = 0;
      log.error(
        { redis: summary(error), source: name },
        'redis: unreachable; queues, rate limits and caches wait until it is back',
      );
      return;
    }
    suppressed += 1;
    if (t - lastReminder >= REMINDER_MS) {
      lastReminder = t;
      log.warn(
        { redis: summary(error), source: name, downSeconds: Math.round((t - downSince) / 1000), errors: suppressed },
        'redis: still unreachable',
      );
      suppressed = 0;
    }
  };
  const onReady = (name: string) => () => {
    if (downSince === undefined) return;
    log.info({ source: name, downSeconds: Math.round((now() - downSince) / 1000) }, 'redis: reachable again');
    downSince = undefined;
  };
  return {
    watch(source, name) {
      source.on('error', onError(name));
      source.on('ready', onReady(name));
    },
    report(error, name) {
      onError(name)(error);
    },
  };
}

/** A process's Redis client and every queue on it, reported as one (one line per outage, not one per queue). */
export function watchRedisErrors(
  reporter: RedisErrorReporter,
  redis: EventEmitter,
  queues: Record<string, EventEmitter>,
  name: string,
): void {
  reporter.watch(redis, name);
  for (const [queue, emitter] of Object.entries(queues)) reporter.watch(emitter, `${name}:${queue}`);
}
