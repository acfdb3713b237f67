// Wires the API process: configuration, logger, Postgres, Redis, queues, the dev mailbox when
// no SMTP server is configured, then HTTP. Shutdown closes them in reverse dependency order.
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from '@paperboy/config';
import { getOverview } from '@paperboy/core';
import { createDb } from '@paperboy/db';
import { startDevMailbox } from '@paperboy/email';
import { onShutdown } from '@paperboy/lifecycle';
import { createLogger, wantsPrettyLogs } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis, createRedisErrorReporter, watchRedisErrors } from '@paperboy/queue';
import { createApp } from './app';

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    // Requests still running after 5 s are cut so shutdown stays within its 10 s budget.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'api', pretty: wantsPrettyLogs(config.isDevelopment) });
  const db = createDb(config.DATABASE_URL, { embedded: config.embeddedDatabase });
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  watchRedisErrors(createRedisErrorReporter(logger), redis, queues, 'api');
  const devMailbox = config.useDevMailbox ? await startDevMailbox({ port: config.DEV_MAILBOX_PORT }) : undefined;
  const app = createApp({ config, logger, db, redis, queues, devMailbox });
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));

  logger.info({ url: config.PUBLIC_URL }, `paperboy API listening on ${config.PUBLIC_URL}`);
  if (config.secretKeySource !== 'environment')
    logger.warn(
      `SECRET_KEY unset: links are signed with a random development key (${config.secretKeySource}); set SECRET_KEY before exposing this server`,
    );
  if (devMailbox)
    logger.info(`dev mailbox: SMTP on 127.0.0.1:${devMailbox.port}, inbox at ${config.PUBLIC_URL}/dev/mailbox`);
  // Warm the admin overview snapshot, so even the first /admin view after a deploy is a cache read.
  getOverview({ db, redis, keyPrefix: config.REDIS_PREFIX }, { maxAgeSeconds: config.STATS_CACHE_SECONDS }).catch(
    (err: unknown) => logger.warn({ err }, 'admin: could not warm the overview snapshot'),
  );

  onShutdown(
    [
      { name: 'http', close: () => closeServer(server) },
      { name: 'dev-mailbox', close: () => devMailbox?.close() },
      { name: 'queues', close: () => closeQueues(queues) },
      { name: 'postgres', close: () => db.$disconnect() },
      { name: 'redis', close: () => redis.quit() },
    ],
    { logger },
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
