// `npm run demo:load`: imports the offline demo feed (samples/papers.ndjson) into the
// configured database, dates shifted to end today, new papers handed to matching.
// `--if-empty` (used by `npm start`): only in development and only when there are no papers
// yet; never fails the start (a warning instead), since the demo is a convenience.
import path from 'node:path';
import { ConfigError, loadConfig } from '@paperboy/config';
import { importDemoPapers } from '@paperboy/core/ingest';
import { createDb } from '@paperboy/db';
import { createLogger, wantsPrettyLogs } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis } from '@paperboy/queue';

const SAMPLES = path.resolve(__dirname, '../samples/papers.ndjson');

async function main(): Promise<number> {
  const ifEmpty = process.argv.includes('--if-empty');
  const config = loadConfig();
  if (ifEmpty && !config.isDevelopment) return 0;
  const logger = createLogger({
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    name: 'demo-load',
    pretty: wantsPrettyLogs(config.isDevelopment),
  });
  const db = createDb(config.DATABASE_URL, { maxConnections: 2, embedded: config.embeddedDatabase });
  // Fail fast when Redis is down: `npm start` must go on (with a warning), not hang here.
  const redis = createRedis(config.REDIS_URL, {
    maxRetriesPerRequest: 2,
    connectTimeout: 3_000,
    retryStrategy: (n) => (n > 2 ? null : 200),
  });
  // Without a listener ioredis prints each failed attempt as a stack trace; the catch below says it once.
  let redisError: Error | undefined;
  redis.on('error', (error: Error) => (redisError ??= error));
  const queues = createQueues(redis, config.REDIS_PREFIX);
  for (const queue of Object.values(queues)) queue.on('error', (error: Error) => (redisError ??= error));
  try {
    if (ifEmpty && (await db.paper.count()) > 0) return 0;
    const summary = await importDemoPapers({ db, queues, redis, redisPrefix: config.REDIS_PREFIX, logger }, SAMPLES);
    console.log(
      `paperboy: demo papers loaded (${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected)`,
    );
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `paperboy: could not load the demo papers: ${reason}${redisError && redisError.message !== reason ? ` (Redis: ${redisError.message})` : ''}`,
    );
    return ifEmpty ? 0 : 1;
  } finally {
    await closeQueues(queues);
    redis.disconnect();
    await db.$disconnect();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = process.argv.includes('--if-empty') ? 0 : 1;
  },
);
