// Real dependencies for worker tests: a fresh migrated database, a unique Redis prefix, the
// dev mailbox as the SMTP sink, and the pooled transport pointed at it.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@paperboy/config';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createMailTransport, startDevMailbox, type DevMailbox } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis } from '@paperboy/queue';
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
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    DEV_MAILBOX_PORT: String(mailbox.port),
    ...env,
  });
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, prefix);
  const mail = createMailTransport({ devMailboxPort: mailbox.port, poolSize: 2 });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker-test' });
  const deps: WorkerDeps = { config, logger, db: database.db, redis, queues, mail };
  return {
    deps,
    database,
    mailbox,
    async close() {
      for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
      await closeQueues(queues);
      mail.close();
      redis.disconnect();
      await mailbox.close();
      await database.drop();
    },
  };
}
