// Real dependencies for worker tests: the real services of startTestServices (a fresh migrated
// database, a unique Redis prefix, the dev mailbox as the SMTP sink) and the pooled transport
// pointed at the mailbox.
import { scheduleDigests } from '@paperboy/core';
import { startTestServices } from '@paperboy/core/testing';
import type { TestDatabase } from '@paperboy/db/testing';
import { createMailTransport, type DevMailbox } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import type { WorkerDeps } from '../src/worker-deps';
import { NOW, type SeededReader, waitUntil } from './digest.factory';

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

/**
 * The environment of a real worker process (`node --import tsx src/main.ts`) against this test
 * environment's database and Redis prefix and an SMTP server on loopback.
 */
export function workerProcessEnv(env: TestWorkerEnv, smtpUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    METRICS_PORT: '0',
    DATABASE_URL: env.database.url,
    REDIS_PREFIX: env.deps.config.REDIS_PREFIX,
    SMTP_URL: smtpUrl,
    // The lease, not the job lock, is what keeps a send from going out twice: a process starved
    // past its lock (a loaded 2-core CI machine) loses the job to another, whose claim is refused
    // until the lease ends. 15 s is far beyond any starvation; a short lock still lets a killed
    // process's jobs be taken over soon, and retries (from 0.5 s, doubling) outlast the lease.
    SEND_RATE_PER_SECOND: '100000',
    JOB_LOCK_SECONDS: '5',
    SEND_LEASE_SECONDS: '15',
    SEND_RETRY_BASE_MS: '500',
  };
}

/** Schedules every due digest at NOW and waits until each of these readers' deliveries is sent
 * (by whatever worker processes are running). */
export async function sendToEveryone(env: TestWorkerEnv, readers: SeededReader[]): Promise<void> {
  await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });
  const ids = readers.map((r) => r.id);
  await waitUntil(
    async () =>
      (await env.database.db.delivery.count({ where: { subscriberId: { in: ids }, status: 'sent' } })) === ids.length,
    100,
  );
}
