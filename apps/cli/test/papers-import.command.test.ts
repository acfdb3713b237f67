// papers:import as operators run it: a child process against a fresh database and Redis prefix.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { closeQueues, createQueues, createRedis, type Queues, type Redis } from '@paperboy/queue';

const MAIN = path.resolve(__dirname, '../src/main.ts');
const TSX = require.resolve('tsx/cli');
const prefix = `test-cli-import-${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'paperboy-cli-import-'));
let database: TestDatabase;
let redis: Redis;
let queues: Queues;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, '--conditions=source', MAIN, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const record = (n: number, upvotes: number) =>
  JSON.stringify({
    id: `2611.${70000 + n}`,
    title: `Paper ${n}`,
    abstract: 'A study.',
    authors: ['A. Author'],
    publishedAt: '2026-11-20T00:00:00Z',
    upvotes,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createRedis('redis://127.0.0.1:6379');
  queues = createQueues(redis, prefix);
});
afterAll(async () => {
  for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  redis.disconnect();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('papers:import', () => {
  it('when the same file is imported twice with new upvotes, then the count is unchanged and the upvotes are updated', async () => {
    const file = path.join(dir, 'papers.ndjson');
    writeFileSync(file, [1, 2, 3].map((n) => record(n, 1)).join('\n'));
    expect(await cli('papers:import', file)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('3 new, 0 updated'),
    });
    writeFileSync(file, [1, 2, 3].map((n) => record(n, n === 3 ? 40 : 1)).join('\n'));
    expect(await cli('papers:import', file)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('0 new, 1 updated, 2 unchanged'),
    });
    expect(await database.db.paper.count()).toBe(3);
    expect(await database.db.paper.findUniqueOrThrow({ where: { sourceId: '2611.70003' } })).toMatchObject({
      upvotes: 40,
    });
  });

  it('when records are rejected, then it still succeeds unless --strict, and fails when nothing was valid', async () => {
    const mixed = path.join(dir, 'mixed.ndjson');
    writeFileSync(mixed, `${record(10, 0)}\n{"id": "2611.70011"}\n`);
    expect(await cli('papers:import', mixed)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('1 rejected'),
      stderr: expect.stringContaining('1 record(s) rejected'),
    });
    writeFileSync(mixed, `${record(10, 0)}\n{"id": "2611.70011"}\n\n`);
    expect((await cli('papers:import', mixed, '--strict')).code).toBe(1);
    const junk = path.join(dir, 'junk.ndjson');
    writeFileSync(junk, 'not json\n');
    expect((await cli('papers:import', junk)).code).toBe(1);
  });
});
