// Wires the worker process: configuration, logger, Postgres, Redis, the SMTP transport, then one
// BullMQ worker per processor. Shutdown: stop taking jobs (finishing the running ones), then
// close SMTP, Postgres and Redis. With WORKER_PROCESSES > 1 this process is only the primary of
// that many such processes (worker-cluster.ts), which serves their /metrics.
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from '@paperboy/config';
import type { Worker } from 'bullmq';
import { createDb, type Db } from '@paperboy/db';
import { createMailTransport, mailTransportOptions } from '@paperboy/email';
import { onShutdown } from '@paperboy/lifecycle';
import { createLogger, type Logger, wantsPrettyLogs } from '@paperboy/logger';
import { createMetrics, startMetricsServer } from '@paperboy/metrics';
import {
  checkRedisDurability,
  closeQueues,
  createQueues,
  createRedis,
  createRedisErrorReporter,
  watchRedisErrors,
} from '@paperboy/queue';
import { processors } from './processors';
import { startWorkers } from './run-workers';
import { rebuildAssociationsIfEmpty } from './schedules/associations-schedule';
import { watchSchedules } from './schedules/schedule-watchdog';
import { startSendRecovery } from './send-recovery';
import { followPrimary, runWorkerCluster } from './worker-cluster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 'paperboy worker ready' once every queue's Redis connection and Postgres answer; `npm start`
 * (the parent, over IPC) prints its banner only then. Waits as long as it takes: the outage
 * itself is logged once by the Redis reporter, and Postgres once here.
 */
async function announceReady(workers: Worker[], db: Db, logger: Logger): Promise<void> {
  process.channel?.unref(); // the IPC channel to `npm start` must not keep this process alive
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db.$queryRaw`SELECT 1`;
      break;
    } catch (err) {
      if (attempt === 0) logger.error({ err }, 'postgres: unreachable; the worker waits until it answers');
      await sleep(Math.min(1_000 * 2 ** attempt, 30_000));
    }
  }
  logger.info('paperboy worker ready');
  // Flushed first, so the ready line is on screen before `npm start` prints its banner.
  logger.flush(() => process.send?.({ paperboy: 'ready', service: 'worker' }));
}

function main(): void {
  const config = loadConfig();
  const rootLogger = createLogger({
    level: config.LOG_LEVEL,
    name: 'worker',
    pretty: wantsPrettyLogs(config.isDevelopment),
  });
  // Several processes share one output: each line says whose it is.
  const logger = config.WORKER_PROCESSES > 1 ? rootLogger.child({ pid: process.pid }) : rootLogger;
  if (cluster.isPrimary && config.WORKER_PROCESSES > 1) {
    const { METRICS_PORT: port, METRICS_HOST: host, METRICS_TOKEN: token } = config;
    runWorkerCluster({ processes: config.WORKER_PROCESSES, logger, metrics: port ? { port, host, token } : undefined });
    return;
  }
  const db = createDb(config.DATABASE_URL, { embedded: config.embeddedDatabase });
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const redisErrors = createRedisErrorReporter(logger);
  watchRedisErrors(redisErrors, redis, queues, 'worker');
  const mail = createMailTransport(mailTransportOptions(config, config.SMTP_POOL_SIZE));
  const metrics = createMetrics({ service: 'worker' });
  const workers = startWorkers({ config, logger, db, redis, queues, mail, metrics }, processors, { redisErrors });
  // The worker's registry lives in this process, so it serves its own /metrics (METRICS_PORT; 0: off),
  // unless it is one of several: then its primary serves them all.
  // Only METRICS_TOKEN opens it (no admin password: no guessing throttle here); loopback unless METRICS_HOST says otherwise.
  const metricsServer =
    config.METRICS_PORT && !cluster.isWorker
      ? startMetricsServer({
          registry: metrics.registry,
          port: config.METRICS_PORT,
          host: config.METRICS_HOST,
          token: config.METRICS_TOKEN,
        })
      : undefined;
  metricsServer?.then(
    (server) =>
      logger.info(
        { host: config.METRICS_HOST, port: server.port, protected: Boolean(config.METRICS_TOKEN) },
        'worker metrics on /metrics',
      ),
    (err: unknown) => logger.error({ err }, 'worker metrics server failed to start'),
  );
  logger.info({ queues: processors.map((p) => p.queue) }, 'paperboy worker started');
  void announceReady(workers, db, logger);
  // Idempotent: every worker process registers the same schedulers, now and (every 30 s)
  // again whenever Redis has lost them.
  const watchdog = watchSchedules({ queues, config, logger, metrics });
  // The send breaker resumes on its own: a worker probes with a few digests when its pause is over.
  const sendRecovery = startSendRecovery({ config, logger, db, redis, queues, mail, metrics });
  watchdog.check().catch((err: unknown) => logger.error({ err }, 'job schedulers not registered'));
  // A new installation learns its term associations now, not at the first 03:00 UTC.
  rebuildAssociationsIfEmpty({ db, queues }).catch((err: unknown) =>
    logger.error({ err }, 'term association rebuild not queued'),
  );
  checkRedisDurability(redis).then(
    (redisSettings) => {
      if (redisSettings.problems.length)
        logger.warn(
          { redis: redisSettings },
          'Redis may lose queued jobs: set appendonly yes and maxmemory-policy noeviction (see README, Operations)',
        );
      else if (redisSettings.unknown)
        logger.info(
          { redis: redisSettings },
          'Redis persistence settings could not be read (CONFIG disabled): make sure it has appendonly yes and maxmemory-policy noeviction',
        );
    },
    () => undefined,
  );

  const shutdown = onShutdown(
    [
      { name: 'schedule watchdog', close: async () => watchdog.stop() },
      { name: 'send recovery', close: () => sendRecovery.stop() },
      { name: 'workers', close: () => Promise.all(workers.map((w) => w.close())) },
      { name: 'metrics', close: async () => (await metricsServer?.catch(() => undefined))?.close() },
      { name: 'queues', close: () => closeQueues(queues) },
      { name: 'smtp', close: () => mail.close() },
      { name: 'postgres', close: () => db.$disconnect() },
      { name: 'redis', close: () => redis.quit() },
    ],
    { logger },
  );
  if (cluster.isWorker) followPrimary(shutdown, metrics.registry, logger);
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
