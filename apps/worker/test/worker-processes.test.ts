// WORKER_PROCESSES (src/worker-cluster.ts) with real processes, started as digest-processes.test.ts
// starts them: one primary forks the children, which split the queues, report ready through it,
// are replaced when they die, stop gracefully with it, and have their /metrics served by it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { scheduleDigests } from '@paperboy/core';
import { parsePrometheusText, sumSamples } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';
import { DIGEST_SCHEDULER_ID } from '../src/schedules/digest-schedule';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, sendToEveryone, type TestWorkerEnv, workerProcessEnv } from './test-worker';

jest.setTimeout(120_000);

const MAIN = path.resolve(__dirname, '../src/main.ts');
const TOKEN = 'worker-processes-token';
let env: TestWorkerEnv;
let smtp: FaultySmtp;
const started = new Set<ChildProcess>();
// Never leave a worker behind, even when Jest itself is stopped early (the children follow their primary).
process.on('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

interface Primary {
  process: ChildProcess;
  /** Every JSON log line of the primary and its children. */
  lines: { pid: number; msg: string; [key: string]: unknown }[];
  exited: Promise<number | null>;
}

beforeAll(async () => {
  env = await createTestWorkerEnv();
  smtp = await startFaultySmtp(() => 'accept');
  await seedReaders(env.database.db, 1, { prefix: 'warmup' });
  await seedPapers(env.database.db);
});
afterAll(async () => {
  for (const child of started) child.kill('SIGKILL');
  await smtp.close();
  await env.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the worker command as `npm start` does (IPC channel); resolves when it says it is ready
 * and its children's ready lines have been read. */
async function startPrimary(extra: Record<string, string> = {}): Promise<Primary> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...workerProcessEnv(env, smtp.url), WORKER_PROCESSES: '2', ...extra },
    // Its own process group, so that a test can signal the group as a terminal's Ctrl-C does.
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  started.add(child);
  const primary: Primary = {
    process: child,
    lines: [],
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  void primary.exited.then(() => started.delete(child));
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop()!;
    for (const line of complete) if (line.startsWith('{')) primary.lines.push(JSON.parse(line));
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited before it was ready (${code})`)));
    child.on('message', (message: { paperboy?: string; service?: string }) => {
      if (message?.paperboy === 'ready' && message.service === 'worker') resolve();
    });
  });
  // The primary's "ready" comes over IPC; its children's ready lines come through a pipe and may
  // be read after it. Tests look those lines up at once, so wait until every child's is in.
  const children = Number(extra.WORKER_PROCESSES ?? '2');
  await waitUntil(async () => pidsLogging(primary, 'paperboy worker ready').length >= children, 10);
  return primary;
}

/** The pids that logged `msg` (children: 'paperboy worker ready'). */
const pidsLogging = (primary: Primary, msg: string) =>
  [...new Set(primary.lines.filter((l) => l.msg === msg).map((l) => l.pid))].filter(
    (pid) => pid !== primary.process.pid,
  );

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sendWorkers = () => env.deps.queues[QUEUE.digestSend].getWorkersCount();

function emailsPerReader(readers: SeededReader[]): number[] {
  const byReader = new Map<string, number>(readers.map((r) => [r.email, 0]));
  for (const m of smtp.accepted) if (byReader.has(m.to)) byReader.set(m.to, byReader.get(m.to)! + 1);
  return [...byReader.values()];
}

describe('WORKER_PROCESSES=2', () => {
  let primary: Primary;
  let metricsPort: number;
  const readers: SeededReader[] = [];

  beforeAll(async () => {
    metricsPort = await freePort();
    primary = await startPrimary({ METRICS_PORT: String(metricsPort), METRICS_TOKEN: TOKEN });
  });
  afterAll(() => primary.process.kill('SIGKILL'));

  it('when it is ready, then the send queue has two workers and every seeded reader gets exactly one digest', async () => {
    expect(pidsLogging(primary, 'paperboy worker ready')).toHaveLength(2);
    expect(await sendWorkers()).toBe(2);
    readers.push(...(await seedReaders(env.database.db, 300, { prefix: 'split' })));
    await sendToEveryone(env, readers);
    expect(emailsPerReader(readers).filter((n) => n !== 1)).toEqual([]);
  });

  it("when /metrics is scraped from the primary, then it answers with the children's series summed and a gauge read from Redis not doubled", async () => {
    const url = `http://127.0.0.1:${metricsPort}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const scrape = async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      return parsePrometheusText(await res.text());
    };
    // The breaker's state is read from Redis by each child's timer (every second at most).
    await waitUntil(async () => sumSamples(await scrape(), 'paperboy_send_breaker_state', { state: 'closed' }) > 0);
    const parsed = await scrape();
    // Every digest so far was sent by one of the two children: each counted once, in total.
    expect(sumSamples(parsed, 'paperboy_emails_total', { kind: 'digest', outcome: 'sent', service: 'worker' })).toBe(
      smtp.accepted.length,
    );
    expect(smtp.accepted.length).toBeGreaterThanOrEqual(readers.length);
    expect(sumSamples(parsed, 'paperboy_send_breaker_state', { state: 'closed' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_scheduler_present', { scheduler: DIGEST_SCHEDULER_ID })).toBe(1);
    expect(parsed.types.paperboy_process_cpu_seconds_total).toBe('counter');
    expect(primary.lines.filter((l) => l.msg === 'worker metrics on /metrics').map((l) => l.pid)).toEqual([
      primary.process.pid,
    ]);
  });

  it('when one child is killed (SIGKILL), then the primary logs it and a replacement joins the send queue', async () => {
    const [victim, survivor] = pidsLogging(primary, 'paperboy worker ready');
    process.kill(victim!, 'SIGKILL');
    await waitUntil(async () => pidsLogging(primary, 'paperboy worker ready').length === 3, 100);
    const replacement = pidsLogging(primary, 'paperboy worker ready').find((pid) => pid !== victim && pid !== survivor);
    await waitUntil(async () => (await sendWorkers()) === 2, 100);
    const died = primary.lines.find((l) => l.msg === 'worker process died; starting a replacement');
    expect(died).toMatchObject({ pid: primary.process.pid, childPid: victim, signal: 'SIGKILL', code: null });
    expect([alive(victim!), alive(survivor!), alive(replacement!)]).toEqual([false, true, true]);
  });

  it('when the primary gets SIGTERM, then every child stops gracefully and the primary exits 0', async () => {
    const children = pidsLogging(primary, 'paperboy worker ready').filter(alive);
    expect(children).toHaveLength(2);
    primary.process.kill('SIGTERM');
    expect(await primary.exited).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    // Each closed its steps itself (the graceful path), down to Redis.
    for (const pid of children)
      expect(primary.lines.some((l) => l.pid === pid && l.msg === 'closed' && l.step === 'redis')).toBe(true);
    expect(await sendWorkers()).toBe(0);
  });
});

it('when the whole process group gets SIGINT mid-send (Ctrl-C in a terminal), then the children finish their running jobs, none is forced, and the primary exits 0', async () => {
  const primary = await startPrimary({ SEND_RATE_PER_SECOND: '200' });
  const readers = await seedReaders(env.database.db, 600, { prefix: 'ctrlc' });
  const before = smtp.accepted.length;
  await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });
  await waitUntil(async () => smtp.accepted.length - before >= 100, 10);
  const children = pidsLogging(primary, 'paperboy worker ready');
  process.kill(-primary.process.pid!, 'SIGINT');
  expect(await primary.exited).toBe(0);
  expect(children.filter(alive)).toEqual([]);
  const ids = readers.map((r) => r.id);
  // A forced stop would leave claimed sends behind ('sending'); a graceful one finishes its batch.
  expect(await env.database.db.delivery.count({ where: { subscriberId: { in: ids }, status: 'sending' } })).toBe(0);
  const sent = await env.database.db.delivery.count({ where: { subscriberId: { in: ids }, status: 'sent' } });
  expect(sent).toBeLessThan(readers.length); // it really stopped mid-send
  expect(emailsPerReader(readers).filter((n) => n > 1)).toEqual([]);
  // Each child heard both the terminal's SIGINT and its primary, and stopped once, gracefully.
  for (const pid of children)
    expect(primary.lines.filter((l) => l.pid === pid && l.msg === 'closed' && l.step === 'redis')).toHaveLength(1);
});

it('when a child keeps dying at start, then each replacement waits twice as long as the last, and SIGTERM still stops the primary with 0', async () => {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.resolve(__dirname, 'crash-loop.fixture.ts')],
    { env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  started.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const deaths = () =>
    out
      .split('\n')
      .filter((line) => line.includes('worker process died'))
      .map((line) => JSON.parse(line) as { code: number; restartInMs: number });
  await waitUntil(async () => deaths().length >= 3, 50);
  expect(deaths().slice(0, 3)).toMatchObject([
    { code: 3, restartInMs: 1_000 },
    { code: 3, restartInMs: 2_000 },
    { code: 3, restartInMs: 4_000 },
  ]);
  child.kill('SIGTERM'); // while the next replacement waits: nothing left to stop
  expect(await exited).toBe(0);
});
