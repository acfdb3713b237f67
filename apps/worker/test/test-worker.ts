// Real dependencies for worker tests: the real services of startTestServices (a fresh migrated
// database, a unique Redis prefix, the dev mailbox as the SMTP sink) and the pooled transport
// pointed at the mailbox.
import { startTestServices } from '@paperboy/core/testing';
import type { TestDatabase } from '@paperboy/db/testing';
import { createMailTransport, type DevMailbox } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import type { WorkerDeps } from '../src/worker-deps';

export interface TestWorkerEnv {
  deps: WorkerDeps;
  database: TestDatabase;
  mailbox: DevMailbox;
  close(): Promise<void>;
}

export async function createTestWorkerEnv(env: Record<string, string> = {}): Promise<TestWorkerEnv> {
  const services = await startTestServices(env);
  const { config, database, mailbox, redis, queues } = services;
  const mail = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 2 });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker-test' });
  const deps: WorkerDeps = { config, logger, db: database.db, redis, queues, mail };
  return {
    deps,
    database,
    mailbox,
    async close() {
      mail.close();
      await services.close();
    },
  };
}
