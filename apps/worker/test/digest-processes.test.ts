// Real worker processes (apps/worker/src/main.ts, as deployed) against one Postgres, one Redis
// and an SMTP server on loopback: several processes split the work with no duplicates, and a
// process killed with SIGKILL mid-batch is replaced and the batch finishes, nobody missed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { scheduleDigests } from '@paperboy/core';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, sendToEveryone, type TestWorkerEnv, workerProcessEnv } from './test-worker';

jest.setTimeout(120_000);

const MAIN = path.resolve(__dirname, '../src/main.ts');
let env: TestWorkerEnv;
let smtp: FaultySmtp;
const children = new Set<ChildProcess>();
// Never leave a worker behind, even when Jest itself is stopped early.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

beforeAll(async () => {
  env = await createTestWorkerEnv();
  smtp = await startFaultySmtp(() => 'accept');
  await seedReaders(env.database.db, 1, { prefix: 'warmup' }); // their topics exist before matching
  await seedPapers(env.database.db);
});
afterAll(async () => {
  await Promise.all([...children].map((child) => stop(child, 'SIGKILL')));
  await smtp.close();
  await env.close();
});

/** Starts `src/main.ts` in its own process; resolves once it reports its workers started. */
function startWorker(extra: Record<string, string> = {}): Promise<ChildProcess> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child of its own, so a
  // signal to it would not reach the worker.
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...workerProcessEnv(env, smtp.url), ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (seen === 'started') return;
      seen += chunk.toString();
      if (seen.includes('paperboy worker started')) {
        seen = 'started';
        resolve(child);
      }
    });
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : (child.once('exit', () => resolve()), child.kill(signal)),
  );

function messagesPerReader(readers: SeededReader[]): Map<string, string[]> {
  const byReader = new Map<string, string[]>(readers.map((r) => [r.email, []]));
  for (const m of smtp.accepted) byReader.get(m.to)?.push(m.messageId);
  return byReader;
}

it('when 3 worker processes share 2,000 readers, then each reader gets exactly one email', async () => {
  const readers = await seedReaders(env.database.db, 2000, { prefix: 'many' });
  const workers = await Promise.all([startWorker(), startWorker(), startWorker()]);
  await sendToEveryone(env, readers);
  await Promise.all(workers.map((w) => stop(w, 'SIGTERM')));
  const counts = [...messagesPerReader(readers).values()].map((ids) => ids.length);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
});

it('when a worker is killed (SIGKILL) mid-batch and another starts, then every reader gets their digest once; only sends in flight at the kill may repeat, with the same Message-ID', async () => {
  const readers = await seedReaders(env.database.db, 600, { prefix: 'killed' });
  const before = smtp.accepted.length;
  // A modest rate keeps the batch running long enough to be interrupted part-way.
  const first = await startWorker({ SEND_RATE_PER_SECOND: '300' });
  await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });
  await waitUntil(async () => smtp.accepted.length - before >= 150, 5);
  await stop(first, 'SIGKILL');
  const cut = smtp.accepted.length - before;
  // The sends in flight at the kill: claimed ('sending'), maybe accepted, not recorded as sent.
  const inFlight = await env.database.db.delivery.findMany({
    where: { subscriberId: { in: readers.map((r) => r.id) }, status: 'sending' },
    select: { subscriberId: true },
  });
  const inFlightIds = new Set(inFlight.map((d) => d.subscriberId));
  const second = await startWorker();
  await sendToEveryone(env, readers);

  const perReader = messagesPerReader(readers);
  expect(cut).toBeLessThan(readers.length); // the kill really happened mid-batch
  expect([...perReader.values()].filter((ids) => new Set(ids).size !== 1)).toEqual([]);
  const repeated = [...perReader.entries()].filter(([, ids]) => ids.length > 1).map(([email]) => email);
  const deliveries = await env.database.db.delivery.findMany({
    where: { subscriber: { email: { in: repeated } } },
    select: { subscriberId: true, attempts: true },
  });
  // A repeat is only possible for a send that was in flight when the process died (its claim
  // counted an attempt): SMTP's window between the server's "250 OK" and our 'sent' record.
  expect(deliveries.filter((d) => !inFlightIds.has(d.subscriberId))).toEqual([]);
  expect(deliveries.every((d) => d.attempts >= 2)).toBe(true);
  expect(repeated.length).toBeLessThanOrEqual(env.deps.config.SEND_CONCURRENCY);
  await stop(second, 'SIGTERM');
});
