// What commands use, built on first use (so `--help` and input errors never touch Postgres or
// Redis) and closed once at the end, in dependency order.
import { loadConfig, type Config } from '@paperboy/config';
import { createDb, type Db } from '@paperboy/db';
import { createLogger, type Logger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis, type Queues, type Redis } from '@paperboy/queue';

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
  const getConfig = () => (config ??= loadConfig(env));
  const getRedis = () =>
    (redis ??= createRedis(getConfig().REDIS_URL, { maxRetriesPerRequest: 3, connectTimeout: 5_000 }));
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
      queues ??= createQueues(getRedis(), getConfig().REDIS_PREFIX);
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
