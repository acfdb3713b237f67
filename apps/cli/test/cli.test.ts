// The operator CLI run as operators run it: a child process (tsx apps/cli/src/main.ts) against a
// fresh migrated database, a unique Redis prefix and the dev mailbox as SMTP server.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { periodKey } from '@paperboy/core';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { startDevMailbox, type DevMailbox } from '@paperboy/email';
import { QUEUE, closeQueues, createQueues, createRedis, type Queues, type Redis } from '@paperboy/queue';

const MAIN = path.resolve(__dirname, '../src/main.ts');
const TSX = require.resolve('tsx/cli');
let database: TestDatabase;
let mailbox: DevMailbox;
let redis: Redis;
let queues: Queues;
const prefix = `test-cli-${randomBytes(4).toString('hex')}`;
const DIFFUSION_KEY = 'diffusion model';
/** normalizeTopic('diffusion').key: the word alone, as this version keys it. */
const DIFFUSION_WORD_KEY = 'diffusion';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...args);
}

function cliWith(
  extraEnv: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    DEV_MAILBOX_PORT: String(mailbox.port),
    ...extraEnv,
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

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startDevMailbox({ port: 0 });
  redis = createRedis('redis://127.0.0.1:6379');
  queues = createQueues(redis, prefix);
  const db = database.db;
  await db.subscriber.create({
    data: { email: 'active@example.org', status: 'active', topics: { create: [{ key: 'diffus', raw: 'diffusion' }] } },
  });
  await db.subscriber.create({ data: { email: 'gone@example.org', status: 'bounced' } });
});

afterAll(async () => {
  for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  redis.disconnect();
  await mailbox.close();
  await database.drop();
});

describe('paperboy CLI', () => {
  it('when asked for help, then every command is listed and each has its own help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of [
      'papers:import',
      'digest:run',
      'digest:test',
      'stats',
      'deliveries:retry-failed',
      'associations:rebuild',
      'matches:refresh',
      'send:pause',
      'send:resume',
    ])
      expect(help.stdout).toContain(name);
    const one = await cli('digest:run', '--help');
    expect([one.code, one.stdout]).toEqual([
      0,
      expect.stringContaining('Usage: npm run paperboy -- digest:run [--now]'),
    ]);
  });

  it('when Redis does not answer, then the command fails at once with one sentence about Redis, no stack traces', async () => {
    // A port nothing listens on (below the ephemeral range, see scripts/test/free-port.ts).
    // send:pause waited for Redis forever before; stats printed ~260 lines of stack traces.
    const result = await cliWith({ REDIS_URL: 'redis://127.0.0.1:19' }, 'send:pause');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('paperboy: Redis does not answer (ECONNREFUSED)'))).toHaveLength(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  // Seven CLI processes in a row: ~1 s each on a quiet machine, past the default 30 s on a loaded one.
  it('when the input is wrong, then it says why and exits 64 without running anything', async () => {
    expect(await cli('nonsense')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('Unknown command "nonsense"'),
    });
    expect(await cli('stats', '--colour')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('stats does not take --colour'),
    });
    expect(await cli('papers:import')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('papers:import needs an argument'),
    });
    expect(await cli('digest:test', 'not-an-address')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('not a usable address'),
    });
    expect(await cli('deliveries:retry-failed', '--days=0')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--days must be'),
    });
    expect(await cli('associations:rebuild', '--window-days=0')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--window-days must be'),
    });
    expect(await cli('matches:refresh', '--days=zero')).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--days must be'),
    });
  }, 60_000);

  it('when a file cannot be read, then papers:import fails with exit 1 and a clear message', async () => {
    expect(await cli('papers:import', '/nonexistent/papers.ndjson')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no such file'),
    });
  });

  it('when papers are imported, then they are stored and counted by stats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paperboy-cli-'));
    const file = path.join(dir, 'papers.ndjson');
    const published = new Date().toISOString();
    const record = (id: string, title: string) =>
      JSON.stringify({
        id,
        title,
        abstract: `${title}: a diffusion model study.`,
        authors: ['A. Author'],
        publishedAt: published,
        upvotes: 7,
      });
    writeFileSync(
      file,
      `${record('2611.00001', 'Diffusion for proteins')}\n${record('2611.00002', 'Diffusion for video')}\n{"broken": true}\n`,
    );
    const imported = await cli('papers:import', file);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/2 new.*1 rejected/) });
    expect(await database.db.paper.count()).toBe(2);
    const stats = await cli('stats', '--json', '--fresh');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout) as {
      readers: { total: number };
      papers: { total: number };
      send: { paused: boolean };
    };
    expect([parsed.readers.total, parsed.papers.total, parsed.send.paused]).toEqual([2, 2, false]);
    const text = (await cli('stats')).stdout;
    expect(text).toMatch(/readers\s+2 total: active 1, bounced 1/);
    expect(text).toMatch(/reported\s+bounces and complaints from relays, 24 h \/ 30 days: none/);
  });

  it('when matches:refresh runs, then stored topics get the keys their words make now, the papers of the window are matched again, and it says how many', async () => {
    const active = await database.db.subscriber.findUniqueOrThrow({ where: { email: 'active@example.org' } });
    // The reader's stored key above ('diffus' for "diffusion") is an old form that matches
    // nothing; this one is normalizeTopic('diffusion models').key, as the readers code stores it.
    await database.db.topic.create({ data: { subscriberId: active.id, raw: 'diffusion models', key: DIFFUSION_KEY } });
    await database.db.match.deleteMany();
    const run = await cli('matches:refresh');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 2 stored topic(s): 1 given the key their words make now, 0 removed');
    expect(run.stdout).toContain(
      'Matched 2 paper(s) of the last 14 days again: 4 match row(s) written, 0 no longer found',
    );
    const topics = await database.db.topic.findMany({ where: { subscriberId: active.id }, orderBy: { id: 'asc' } });
    expect(topics.map((t) => t.key)).toEqual([DIFFUSION_WORD_KEY, DIFFUSION_KEY]);
    const rows = await database.db.match.findMany({ select: { topicKey: true } });
    expect(rows.map((r) => r.topicKey).sort()).toEqual(
      [DIFFUSION_KEY, DIFFUSION_KEY, DIFFUSION_WORD_KEY, DIFFUSION_WORD_KEY].sort(),
    );
  });

  it('when associations:rebuild runs with too few stored papers, then it says so and empties the stored table (the shipped one applies)', async () => {
    await database.db.termAssociation.create({ data: { phrase: 'reef monitor', terms: ['bleach'] } });
    const papers = await database.db.paper.count();
    const run = await cli('associations:rebuild', '--window-days=30');
    expect(run).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`Only ${papers} paper(s) in the last 30 days (500 needed)`),
    });
    expect(await database.db.termAssociation.count()).toBe(0);
  });

  it('when send:pause and send:resume run, then the send queue pauses and resumes', async () => {
    expect(await cli('send:pause')).toMatchObject({ code: 0, stdout: expect.stringContaining('Sending paused') });
    expect(await queues[QUEUE.digestSend].isPaused()).toBe(true);
    expect(await cli('send:resume')).toMatchObject({ code: 0, stdout: expect.stringContaining('Sending resumed') });
    expect(await queues[QUEUE.digestSend].isPaused()).toBe(false);
  });

  it('when digest:run --now runs, then every active reader gets a digest build queued', async () => {
    const run = await cli('digest:run', '--now');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('1 digest build(s) queued') });
    expect(await queues[QUEUE.digestBuild].count()).toBe(1);
    expect(run.stdout).not.toContain('already had');
  });

  it('when digest:run --now runs again in a period whose digest a reader already has, then it says nothing new goes to them', async () => {
    const active = await database.db.subscriber.findUniqueOrThrow({ where: { email: 'active@example.org' } });
    const delivery = await database.db.delivery.create({
      data: {
        subscriberId: active.id,
        periodKey: periodKey(active.frequency, active.timezone, new Date()),
        status: 'sent',
      },
    });
    try {
      const run = await cli('digest:run', '--now');
      expect(run).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(
          "1 of them already had this period's digest (one per reader and period): nothing new goes to them",
        ),
      });
    } finally {
      await database.db.delivery.delete({ where: { id: delivery.id } });
    }
  });

  it("when failed digests are retried, then only active readers' are rebuilt (build job queued, failed row gone)", async () => {
    const [active, gone] = await Promise.all(
      ['active@example.org', 'gone@example.org'].map((email) =>
        database.db.subscriber.findUniqueOrThrow({ where: { email } }),
      ),
    );
    await database.db.delivery.createMany({
      data: [
        { subscriberId: active!.id, periodKey: 'd-1', status: 'failed' },
        { subscriberId: gone!.id, periodKey: 'd-1', status: 'failed' },
      ],
    });
    expect((await cli('deliveries:retry-failed', '--dry-run')).stdout).toContain('Would retry 1 failed digest(s)');
    const retried = await cli('deliveries:retry-failed');
    expect(retried).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Retried 1 failed digest(s) from the last 7 day(s); 1 left failed'),
    });
    const left = await database.db.delivery.findMany({ select: { subscriberId: true, status: true } });
    expect(left).toEqual([{ subscriberId: gone!.id, status: 'failed' }]);
    const builds = await queues[QUEUE.digestBuild].getJobs(['waiting']);
    expect(builds.map((job) => job.data)).toContainEqual({ subscriberId: active!.id, periodKey: 'd-1' });
  });

  it('when digest:test runs, then one digest reaches the address through SMTP and nothing is recorded', async () => {
    const before = await database.db.delivery.count();
    const sent = await cli('digest:test', 'Operator@Example.org');
    expect(sent).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Test digest sent to operator@example.org: 2 paper(s)'),
    });
    const messages = mailbox.messages().filter((m) => JSON.stringify(m).includes('operator@example.org'));
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0])).toContain('Diffusion for proteins');
    expect(await database.db.delivery.count()).toBe(before);
  });

  it('when digest:test targets a suppressed address, then it refuses with exit 1', async () => {
    const { hashEmail } = await import('@paperboy/core');
    await database.db.suppression.create({
      data: { emailHash: hashEmail('blocked@example.org'), reason: 'hard_bounce' },
    });
    expect(await cli('digest:test', 'blocked@example.org')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is suppressed'),
    });
  });
});
