// Real dependencies for worker tests: a fresh migrated database, a unique Redis prefix, the
// dev mailbox as the SMTP sink, and the pooled transport pointed at it.
import { loadConfig } from '@paperboy/config';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createMailTransport, startDevMailbox, type DevMailbox } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import { createTestQueues } from '@paperboy/queue/testing';
import type { WorkerDeps } from '../src/worker-deps';

export interface TestWorkerEnv {
  deps: WorkerDeps;
  database: TestDatabase;
  mailbox: DevMailbox;
  close(): Promise<void>;
}

export async function createTestWorkerEnv(env: Record<string, string> = {}): Promise<TestWorkerEnv> {
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
  const mail = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 2 });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker-test' });
  const deps: WorkerDeps = { config, logger, db: database.db, redis, queues, mail };
  return {
    deps,
    database,
    mailbox,
    async close() {
      mail.close();
      await closeTestQueues();
      await mailbox.close();
      await database.drop();
    },
  };
}
