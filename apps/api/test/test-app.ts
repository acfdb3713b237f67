// Builds the real app against real services for one test file (startTestServices: a fresh
// migrated database, a unique Redis key prefix, the dev mailbox as SMTP sink), listening on a free port.
import type { AddressInfo } from 'node:net';
import { startTestServices, type TestServices } from '@paperboy/core/testing';
import { createLogger } from '@paperboy/logger';
import { createApp } from '../src/app';
import type { AppDeps } from '../src/deps';

export interface TestApp extends TestServices {
  baseUrl: string;
  deps: AppDeps;
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
    ...services,
    baseUrl,
    deps,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}
