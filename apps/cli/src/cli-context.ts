// What commands use, built on first use (so `--help` and input errors never touch Postgres or
// Redis) and closed once at the end, in dependency order.
import { loadConfig, type Config } from '@paperboy/config';
import { createDb, type Db } from '@paperboy/db';
import { createLogger, type Logger } from '@paperboy/logger';
import {
  closeQueues,
  createQueues,
  createRedis,
  createRedisErrorReporter,
  type Queues,
  type Redis,
  type RedisErrorReporter,
} from '@paperboy/queue';

/** A Redis outage in sentences on stderr, once (not ioredis's stack trace per reconnect attempt). */
function redisOutageSentences(): RedisErrorReporter {
  const say = (obj: object, msg: string) => {
    const redis = (obj as { redis?: { code?: string; message?: string } }).redis;
    const why = redis ? ` (${redis.code ?? redis.message})` : '';
    const line = msg.startsWith('redis: unreachable')
      ? `Redis does not answer${why}: start it or set REDIS_URL`
      : `${msg}${why}`;
    process.stderr.write(`paperboy: ${line}\n`);
  };
  return createRedisErrorReporter({ error: say, warn: say, info: say });
}

export interface CliContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Db;
  readonly redis: Redis;
  readonly queues: Queues;
  /** Results for humans and scripts. */
  out(line: string): void;
  /** Problems and progress. */
  err(line: string): void;
  close(): Promise<void>;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  let db: Db | undefined;
  let redis: Redis | undefined;
  let queues: Queues | undefined;
  let redisErrors: RedisErrorReporter | undefined;
  const getConfig = () => (config ??= loadConfig(env));
  const getRedis = () => {
    if (redis) return redis;
    // A command is short: after a few failed connection attempts it fails (and says why) rather
    // than waiting for Redis forever as the API and the worker do.
    redis = createRedis(getConfig().REDIS_URL, {
      maxRetriesPerRequest: 3,
      connectTimeout: 5_000,
      retryStrategy: (attempt) => (attempt > 3 ? null : 250 * attempt),
    });
    redisErrors = redisOutageSentences();
    redisErrors.watch(redis, 'cli');
    return redis;
  };
  return {
    get config() {
      return getConfig();
    },
    // Logs go to stderr (fd 2) at warn unless LOG_LEVEL says otherwise: the CLI talks in sentences.
    get logger() {
      logger ??= createLogger({ level: env.LOG_LEVEL ?? 'warn', name: 'cli', destination: process.stderr });
      return logger;
    },
    get db() {
      db ??= createDb(getConfig().DATABASE_URL, { maxConnections: 4, embedded: getConfig().embeddedDatabase });
      return db;
    },
    get redis() {
      return getRedis();
    },
    get queues() {
      if (!queues) {
        queues = createQueues(getRedis(), getConfig().REDIS_PREFIX);
        for (const [name, queue] of Object.entries(queues)) redisErrors?.watch(queue, `cli:${name}`);
      }
      return queues;
    },
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    async close() {
      if (queues) await closeQueues(queues).catch(() => undefined);
      if (db) await db.$disconnect().catch(() => undefined);
      if (redis) redis.disconnect();
    },
  };
}
