// Real services for one test file of an app (API, worker): a fresh migrated database, a unique
// Redis key prefix with its queues, the dev mailbox as the SMTP sink, and the config that points
// at them. Each app adds what it runs on top (the API its server, the worker its mail transport).
import { type Config, loadConfig } from '@paperboy/config';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { type DevMailbox, startDevMailbox } from '@paperboy/email';
import type { Queues, Redis } from '@paperboy/queue';
import { createTestQueues } from '@paperboy/queue/testing';

export interface TestServices {
  config: Config;
  database: TestDatabase;
  mailbox: DevMailbox;
  redis: Redis;
  queues: Queues;
  /** Closes the queues and the mailbox and drops the database. */
  close(): Promise<void>;
}

/** `env` overrides the test defaults (NODE_ENV test, LOG_LEVEL silent) and may add any variable. */
export async function startTestServices(env: Record<string, string> = {}): Promise<TestServices> {
  const database = await createTestDatabase();
  const mailbox = await startDevMailbox({ port: 0 });
  const { prefix, redis, queues, close: closeTestQueues } = createTestQueues();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    DEV_MAILBOX_PORT: String(mailbox.port),
    ...env,
  });
  return {
    config,
    database,
    mailbox,
    redis,
    queues,
    async close() {
      await closeTestQueues();
      await mailbox.close();
      await database.drop();
    },
  };
}
