// Builds the real app against real services for one test file (startTestServices: a fresh
// migrated database, a unique Redis key prefix, the dev mailbox as SMTP sink), listening on a free port.
import type { AddressInfo } from 'node:net';
import type { Config } from '@paperboy/config';
import { startTestServices } from '@paperboy/core/testing';
import type { TestDatabase } from '@paperboy/db/testing';
import type { DevMailbox } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import type { Queues, Redis } from '@paperboy/queue';
import { createApp } from '../src/app';
import type { AppDeps } from '../src/deps';

export interface TestApp {
  baseUrl: string;
  deps: AppDeps;
  config: Config;
  database: TestDatabase;
  mailbox: DevMailbox;
  redis: Redis;
  queues: Queues;
  close(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  overrides: Partial<AppDeps> = {},
): Promise<TestApp> {
  const services = await startTestServices({ SUBSCRIBE_CHALLENGE: 'off', ...env });
  const { config, database, mailbox, redis, queues } = services;
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'api-test' });
  const deps: AppDeps = { config, logger, db: database.db, redis, queues, devMailbox: mailbox, ...overrides };
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    deps,
    config,
    database,
    mailbox,
    redis,
    queues,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}
