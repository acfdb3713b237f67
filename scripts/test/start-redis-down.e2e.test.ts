// `npm start` with REDIS_URL pointing at a Redis that is not running yet: it says so in one line
// and waits (no API or worker started into a storm of reconnect stack traces, no banner); when
// Redis comes up, the banner appears once, after the API and the worker are both ready, and it
// says that /admin is open without a password in development.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { freePort } from './free-port';

jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let database: TestDatabase;
let start: ChildProcess | undefined;
let redis: ChildProcess | undefined;
let log = '';

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    if (start?.exitCode !== null) throw new Error(`npm start exited while waiting for ${what}:\n${log}`);
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}:\n${log}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  if (start?.exitCode === null) {
    process.kill(-start.pid!, 'SIGKILL');
    await new Promise((r) => start!.once('exit', r));
  }
  redis?.kill('SIGKILL');
  await database.drop();
});

describe('npm start while Redis is down', () => {
  test('when Redis is down, then one waiting line and no banner; when it comes up, then the banner once, saying admin is open', async () => {
    const redisPort = await freePort();
    const port = await freePort();
    start = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_PREFIX: `redis-down-e2e-${process.pid}`,
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        DEV_MAILBOX_PORT: String(await freePort()),
        METRICS_PORT: '0',
        LOG_LEVEL: 'info',
        INGEST_SCHEDULE: 'off',
      },
      detached: true, // its own process group: "Ctrl-C" reaches all of it
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));

    await until('the waiting line', () => log.includes('paperboy: waiting for Redis'), 60_000);
    await sleep(4_000);
    expect(log).toContain(`paperboy: waiting for Redis at 127.0.0.1:${redisPort} (ECONNREFUSED)`);
    expect(log).not.toContain('paperboy is running');
    const whileDown = log.split('\n').filter((line) => line.trim() && !line.startsWith('>'));
    expect(whileDown.length).toBeLessThanOrEqual(3);

    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await until('the banner', () => log.includes('paperboy is running'), 180_000);
    const before = log.slice(0, log.indexOf('paperboy is running'));
    // The banner waits for the worker's ready message (IPC); the worker's own log line travels
    // through the shared stdout pipe, so which of the two lands first there is not ordered.
    await until('the worker ready line', () => log.includes('paperboy worker ready'), 10_000);
    expect(before).toContain(`paperboy: Redis at 127.0.0.1:${redisPort} answers`);
    expect(log).toMatch(
      /Admin +http:\/\/localhost:\d+\/admin +\(open without a password: development, this machine only/,
    );
    expect(log).not.toMatch(/^\s+at /m); // no stack trace anywhere
    expect(log).not.toContain('ECONNREFUSED 127.0.0.1');
    await sleep(1_000);
    expect(log.split('paperboy is running')).toHaveLength(2);

    process.kill(-start.pid!, 'SIGINT');
    await new Promise((r) => start!.once('exit', r));
  });
});
