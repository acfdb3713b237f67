// Wires the worker process: configuration, logger, Postgres, Redis, the SMTP transport, then one
// BullMQ worker per processor. Shutdown: stop taking jobs (finishing the running ones), then
// close SMTP, Postgres and Redis.
import { ConfigError, loadConfig } from '@paperboy/config';
import { createDb } from '@paperboy/db';
import { createMailTransport, mailTransportOptions } from '@paperboy/email';
import { onShutdown } from '@paperboy/lifecycle';
import { createLogger } from '@paperboy/logger';
import { createMetrics, startMetricsServer } from '@paperboy/metrics';
import { closeQueues, createQueues, createRedis } from '@paperboy/queue';
import { processors } from './processors';
import { startWorkers } from './run-workers';
import { applyIngestSchedules } from './schedules/ingest-schedules';
import { upsertDigestSchedule } from './schedules/digest-schedule';

function main(): void {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const mail = createMailTransport(mailTransportOptions(config, config.SMTP_POOL_SIZE));
  const metrics = createMetrics({ service: 'worker' });
  const workers = startWorkers({ config, logger, db, redis, queues, mail, metrics }, processors);
  // The worker's registry lives in this process, so it serves its own /metrics (METRICS_PORT; 0: off).
  const basic = config.ADMIN_USER && config.ADMIN_PASSWORD ? { user: config.ADMIN_USER, password: config.ADMIN_PASSWORD } : undefined;
  const metricsServer = config.METRICS_PORT
    ? startMetricsServer({ registry: metrics.registry, port: config.METRICS_PORT, host: config.HOST, token: config.METRICS_TOKEN, basic })
    : undefined;
  metricsServer?.then(
    (server) => {
      const open = !config.METRICS_TOKEN && !basic;
      logger[open && !config.isDevelopment ? 'warn' : 'info']({ port: server.port, protected: !open }, open ? 'worker metrics on /metrics, unprotected: set METRICS_TOKEN or firewall the port' : 'worker metrics on /metrics');
    },
    (err: unknown) => logger.error({ err }, 'worker metrics server failed to start'),
  );
  logger.info({ queues: processors.map((p) => p.queue) }, 'paperboy worker started');
  applyIngestSchedules(queues, config, logger).catch((err: unknown) => logger.error({ err }, 'ingest schedules could not be applied'));
  // Idempotent: every worker process registers the same one-per-minute digest schedule.
  upsertDigestSchedule(queues).catch((err: unknown) => logger.error({ err }, 'digest schedule not registered'));

  onShutdown(
    [
      { name: 'workers', close: () => Promise.all(workers.map((w) => w.close())) },
      { name: 'metrics', close: async () => (await metricsServer?.catch(() => undefined))?.close() },
      { name: 'queues', close: () => closeQueues(queues) },
      { name: 'smtp', close: () => mail.close() },
      { name: 'postgres', close: () => db.$disconnect() },
      { name: 'redis', close: () => redis.quit() },
    ],
    { logger },
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
