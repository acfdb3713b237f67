// Real dependencies of the reader use cases for one test file: a fresh migrated database and
// every queue under its own Redis prefix, set up before the file's tests and removed after.
import { loadConfig } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import type { Queues } from '@paperboy/queue';
import { createTestQueues, type TestQueues } from '@paperboy/queue/testing';
import { NOW } from './matching.factory';

export interface ReaderTestEnv {
  readonly database: TestDatabase;
  readonly queues: Queues;
  /** Reader use-case deps at the fixed test clock, optionally over another db handle. */
  deps(db?: Db): { db: Db; queues: Queues; config: ReturnType<typeof loadConfig>; now: () => Date };
}

export function useReaderTestEnv(): ReaderTestEnv {
  const config = loadConfig({ NODE_ENV: 'test' });
  let database: TestDatabase | undefined;
  let testQueues: TestQueues | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    testQueues = createTestQueues();
  });
  afterAll(async () => {
    await testQueues?.close();
    await database?.drop();
  });
  const env: ReaderTestEnv = {
    get database() {
      return database!;
    },
    get queues() {
      return testQueues!.queues;
    },
    deps: (db = env.database.db) => ({ db, queues: env.queues, config, now: () => NOW }),
  };
  return env;
}
