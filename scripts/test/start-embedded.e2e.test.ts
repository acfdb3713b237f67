// `DATABASE_URL=embedded npm start` from nothing (an empty data directory): the service comes up
// ready on PGlite, and a reader's whole path works on it - subscribe, confirm from the dev
// mailbox, `digest:run --now` from the CLI in another process, the digest in the dev mailbox -
// then Ctrl-C stops everything and frees the ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';

jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../..');
let dir: string;
let start: ChildProcess;
let log = '';
let env: NodeJS.ProcessEnv;
let base: string;
let databasePort: number;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (start.exitCode !== null)
      throw new Error(`npm start exited (${start.exitCode}) while waiting for ${what}:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}:\n${log}`);
}

interface Mail {
  subject: string;
  to: string;
  text: string;
}
const mailbox = async () => (await (await fetch(`${base}/dev/mailbox.json`)).json()) as Mail[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-embedded-'));
  const port = await freePort();
  databasePort = await freePort();
  base = `http://localhost:${port}`;
  env = {
    ...process.env,
    NODE_ENV: 'development', // the demo feed loads into an empty development database only
    DATABASE_URL: 'embedded',
    EMBEDDED_DATABASE_PORT: String(databasePort),
    EMBEDDED_DATABASE_DIR: path.join(dir, 'pglite'),
    REDIS_PREFIX: `embedded-e2e-${process.pid}`,
    PORT: String(port),
    DEV_MAILBOX_PORT: String(await freePort()),
    METRICS_PORT: '0',
    SUBSCRIBE_CHALLENGE: 'off',
    LOG_LEVEL: 'warn',
  };
  // Its own process group, so that the test can press "Ctrl-C" (SIGINT to the whole group).
  start = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
});

afterAll(async () => {
  if (start?.exitCode === null) {
    process.kill(-start.pid!, 'SIGKILL');
    await new Promise((r) => start.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
  // The queues' keys under this run's prefix (Redis is the machine's, shared).
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

function cli(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('npm start with DATABASE_URL=embedded', () => {
  test('when started from an empty data directory, then /readyz answers 200 and the banner names the embedded database', async () => {
    const ready = await until(
      '/readyz = 200',
      async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined),
      180_000,
    );
    expect(ready).toBe(true);
    // The banner also waits for the worker's ready message, whose Postgres check takes its turn
    // on PGlite's one connection behind the demo feed's matching: allow for a loaded machine.
    await until('the banner', async () => (log.includes('paperboy is running') ? true : undefined), 120_000);
    expect(log).toContain('embedded PostgreSQL (PGlite) — for trying paperboy; use a real PostgreSQL in production');
    expect(log).toMatch(/demo papers loaded \(\d+ new/);
  });

  test('when a reader subscribes and confirms, then digest:run --now delivers their digest to the dev mailbox', async () => {
    const email = 'embedded.reader@example.org';
    const subscribed = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        email,
        topics: ['reward models', 'diffusion models'],
        frequency: 'daily',
        timezone: 'UTC',
      }),
    });
    expect(subscribed.status).toBe(202);

    const confirmation = await until(
      'the confirmation email',
      async () => (await mailbox()).find((m) => m.to === email && /confirm/i.test(m.subject)),
      30_000,
    );
    const link = /http:\/\/\S+\/confirm\/\S+/.exec(confirmation.text)![0];
    const page = await fetch(link, { headers: { Accept: 'text/html' } });
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const confirmed = await fetch(link, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', cookie },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(confirmed.status).toBeLessThan(400);

    const run = await cli('digest:run', '--now');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('1 digest build(s) queued') });
    const digest = await until(
      'the digest',
      async () => (await mailbox()).find((m) => m.to === email && !/confirm/i.test(m.subject)),
      60_000,
    );
    expect(digest.subject).toMatch(/reward models|diffusion models/);
    expect(digest.text).toMatch(/diffusion|reward/i);
  });

  test('when Ctrl-C is pressed, then everything stops and the ports are free', async () => {
    process.kill(-start.pid!, 'SIGINT');
    const code = await new Promise<number | null>((resolve) =>
      start.exitCode !== null ? resolve(start.exitCode) : start.once('exit', (c) => resolve(c)),
    );
    expect(code).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    const probe = net.connect({ port: databasePort, host: '127.0.0.1' });
    await expect(
      new Promise((resolve, reject) => probe.once('connect', resolve).once('error', reject)),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
