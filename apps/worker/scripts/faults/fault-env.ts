// One fault scenario's world: a fresh migrated database, a Redis prefix of its own (never the
// whole Redis: it is shared), a scriptable SMTP server on loopback, and real worker processes
// (src/main.ts, as deployed, with every self-healing timer running). Not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { scheduleDigests } from '@paperboy/core';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createTestQueues, type TestQueues } from '@paperboy/queue/testing';
import { loadConfig } from '@paperboy/config';
import { seedPapers, seedReaders, type SeededReader } from '../../test/digest.factory';
import { startFaultySmtp, type FaultPlan, type FaultySmtp } from '../../test/digest-smtp.fixture';

const MAIN = path.resolve(__dirname, '../../src/main.ts');

/** Short durations, so that a scenario takes a minute, not an hour (same code paths). */
export const FAULT_WORKER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  METRICS_PORT: '0',
  SEND_RETRY_BASE_MS: '1000',
  SEND_PAUSE_AFTER_ERRORS: '10',
  SEND_RESUME_AFTER_MS: '2000',
  SEND_RESUME_MAX_MS: '16000',
  SEND_LEASE_SECONDS: '30',
  JOB_LOCK_SECONDS: '10',
};

export interface FaultWorld {
  database: TestDatabase;
  queues: TestQueues;
  smtp: FaultySmtp;
  readers: SeededReader[];
  startWorker(extra?: Record<string, string>): Promise<ChildProcess>;
  /** kill -9: no shutdown, no goodbye. */
  killWorker(child: ChildProcess): Promise<void>;
  /** The `digest:run --now` of an operator: every active reader's digest for this period. */
  sendNow(): Promise<void>;
  /** One run of the every-minute schedule (readers due now); resolves with the builds queued. */
  scheduleDue(): Promise<number>;
  /** Deletes every key under this world's Redis prefix (never FLUSHALL). */
  emptyRedis(): Promise<number>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** Extra worker environment (e.g. a slower SEND_RATE_PER_SECOND). */
  workerEnv?: Record<string, string>;
  /** A private Redis (private-redis.ts) instead of the shared one. */
  redisUrl?: string;
  /** A private Postgres server (private-postgres.ts) instead of the shared one. */
  postgresUrl?: string;
}

export async function createFaultWorld(
  readerCount: number,
  plan: FaultPlan,
  options: WorldOptions = {},
): Promise<FaultWorld> {
  const workerEnv = options.workerEnv ?? {};
  const database = await createTestDatabase(options.postgresUrl);
  const queues = createTestQueues(options.redisUrl);
  const smtp = await startFaultySmtp(plan);
  const readers = await seedReaders(database.db, readerCount, { prefix: 'reader' });
  await seedPapers(database.db);
  const children = new Set<ChildProcess>();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: queues.prefix });
  const deps = { db: database.db, config, queues: queues.queues };

  function startWorker(extra: Record<string, string> = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        ...FAULT_WORKER_ENV,
        ...workerEnv,
        ...extra,
        DATABASE_URL: database.url,
        REDIS_PREFIX: queues.prefix,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'info',
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        // Warnings and errors (a pause, a probe, a repair) go to stderr: the story of the run.
        if (process.env.FAULT_VERBOSE)
          for (const line of chunk.toString().split('\n'))
            if (/"level":"(warn|error)"/.test(line) && !/ECONNREFUSED|digest send failed/.test(line))
              process.stderr.write(`    ${line.slice(0, 300)}\n`);
        if (seen === 'started') return;
        seen += chunk.toString();
        if (seen.includes('paperboy worker started')) {
          seen = 'started';
          resolve(child);
        }
      });
    });
  }

  return {
    database,
    queues,
    smtp,
    readers,
    startWorker,
    killWorker: (child) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : (child.once('exit', () => resolve()), child.kill('SIGKILL')),
      ),
    async sendNow() {
      await scheduleDigests(deps, { force: true });
    },
    async scheduleDue() {
      return (await scheduleDigests(deps)).enqueued;
    },
    async emptyRedis() {
      let deleted = 0;
      let cursor = '0';
      do {
        const [next, keys] = await queues.redis.scan(cursor, 'MATCH', `${queues.prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await queues.redis.del(...keys);
      } while (cursor !== '0');
      return deleted;
    },
    async close() {
      await Promise.all(
        [...children].map(
          (c) =>
            new Promise<void>((resolve) =>
              c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM')),
            ),
        ),
      );
      await smtp.close();
      await queues.close();
      await database.drop();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or `timeoutMs` passes; resolves with whether it held. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return check();
}
