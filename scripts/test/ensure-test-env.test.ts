// scripts/ensure-test-env.sh decides what a machine lacks for `npm test` and installs or starts
// it. This machine has everything, so a fresh one is simulated: PATH holds only the few tools the
// script needs (plus fakes for `id`, `apt-get`, `pg_ctlcluster`, `redis-server` where a case
// wants them), the ports are free ones, and ENSURE_TEST_ENV_PLAN=1 makes it print its plan
// instead of running apt-get or starting services.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

const SCRIPT = path.resolve(__dirname, '../ensure-test-env.sh');
const BASH = '/bin/bash';
const TOOLS = ['ls', 'head', 'seq', 'sleep', 'sed', 'mkdir'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ensure-test-env-'));
  mkdirSync(path.join(dir, 'bin'));
  for (const tool of TOOLS) {
    const found = spawnSync(BASH, ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, path.join(dir, 'bin', tool));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fake(name: string, body: string): void {
  const file = path.join(dir, 'bin', name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A listener on a free port; `answer` is what it replies to each chunk (nothing: a silent service). */
async function listener(answer?: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) =>
    socket.on('data', () => answer && socket.write(answer)).on('error', () => {}),
  );
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

interface Machine {
  uid: number;
  pgPort: number;
  redisPort: number;
  chromium?: boolean;
  pgEtc?: boolean;
}

// Asynchronous: the fake services below live in this process and must answer while the script runs.
async function run(machine: Machine): Promise<{ code: number | null; out: string; err: string }> {
  fake('id', `echo ${machine.uid}`);
  const chromium = path.join(dir, 'chromium');
  if (machine.chromium) fake('../chromium', 'exit 0');
  const pgEtc = path.join(dir, 'etc-postgresql');
  if (machine.pgEtc) mkdirSync(path.join(pgEtc, '17', 'main'), { recursive: true });
  const env = {
    PATH: path.join(dir, 'bin'),
    ENSURE_TEST_ENV_PLAN: '1',
    ENSURE_TEST_ENV_PG_PORT: String(machine.pgPort),
    ENSURE_TEST_ENV_REDIS_PORT: String(machine.redisPort),
    ENSURE_TEST_ENV_CHROMIUM: chromium,
    ENSURE_TEST_ENV_PG_ETC: pgEtc,
  };
  return new Promise((resolve) => {
    execFile(BASH, [SCRIPT], { encoding: 'utf8', timeout: 20_000, env }, (error, out, err) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err }),
    );
  });
}

describe('ensure-test-env.sh on a machine with only Node', () => {
  test('when not root, then it changes nothing and says in one line exactly what to install', async () => {
    fake('apt-get', 'echo apt-get was run >&2; exit 3');
    const result = await run({ uid: 1000, pgPort: await freePort(), redisPort: await freePort() });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('missing postgresql redis-server chromium');
    expect(result.err).toContain('sudo apt-get install -y postgresql redis-server chromium');
  });

  test('when root on Debian/Ubuntu, then one apt-get installs all three, the new cluster trusts loopback and both services start', async () => {
    fake('apt-get', 'exit 0');
    const result = await run({ uid: 0, pgPort: await freePort(), redisPort: await freePort() });
    expect(result.code).toBe(0);
    expect(result.out).toContain('plan: apt-get update; apt-get install -y postgresql redis-server chromium');
    expect(result.out).toContain('plan: trust 127.0.0.1 and ::1 in pg_hba.conf');
    expect(result.out).toContain('starting PostgreSQL');
    expect(result.out).toContain('starting Redis');
  });

  test('when root without apt-get (not Debian/Ubuntu), then it stops with the line saying what to install', async () => {
    const result = await run({ uid: 0, pgPort: await freePort(), redisPort: await freePort() });
    expect(result.code).toBe(1);
    expect(result.err).toContain('missing postgresql redis-server chromium; install them');
  });
});

describe('ensure-test-env.sh on a machine with the services installed', () => {
  test('when PostgreSQL and Redis are installed but down, then it starts them and installs nothing', async () => {
    fake('apt-get', 'exit 0');
    fake('pg_ctlcluster', 'exit 0');
    fake('redis-server', 'exit 0');
    const result = await run({
      uid: 0,
      pgPort: await freePort(),
      redisPort: await freePort(),
      chromium: true,
      pgEtc: true,
    });
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('apt-get');
    expect(result.out).not.toContain('pg_hba');
    expect(result.out).toContain('plan: pg_ctlcluster <version> main start');
    expect(result.out).toContain('plan: redis-server --daemonize yes');
  });

  test('when both answer (without their client tools on the PATH), then it does nothing and says nothing', async () => {
    const pg = await listener();
    const redis = await listener('+PONG\r\n');
    try {
      const result = await run({ uid: 1000, pgPort: pg.port, redisPort: redis.port, chromium: true });
      expect(result).toEqual({ code: 0, out: '', err: '' });
    } finally {
      await Promise.all([pg.close(), redis.close()]);
    }
  });

  test('when something that is not Redis holds the Redis port, then Redis counts as missing', async () => {
    const pg = await listener();
    const notRedis = await listener('HTTP/1.1 400 Bad Request\r\n\r\n');
    try {
      const result = await run({ uid: 1000, pgPort: pg.port, redisPort: notRedis.port, chromium: true });
      expect(result.code).toBe(1);
      expect(result.err).toContain('missing redis-server;');
    } finally {
      await Promise.all([pg.close(), notRedis.close()]);
    }
  });
});
