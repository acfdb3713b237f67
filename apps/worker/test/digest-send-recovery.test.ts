// A burst of 451s from a real SMTP server on loopback (30 s in production terms; here it ends
// 2 s after sending first pauses, with every duration scaled down): the breaker pauses sending, probes with a few digests while the
// server still fails (each failed probe doubles the pause), and resumes on its own once the
// server is back. Nobody touches anything; every reader gets exactly one digest.
import type { Worker } from 'bullmq';
import { getSendQueueState, readBreakerState, scheduleDigests, type BreakerState } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { createMetrics, reliabilityMetrics } from '@paperboy/metrics';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { startSendRecovery, type SendRecovery } from '../src/send-recovery';
import { QUEUE } from '@paperboy/queue';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

jest.setTimeout(60_000);

/** The burst lasts this long after sending first pauses (a loaded machine may be slow to get there). */
const BURST_AFTER_PAUSE_MS = 2_000;
let burstEnds = Infinity;
/** Later: a broken relay that calls every address unknown. */
let everyoneUnknown = false;
let env: TestWorkerEnv;
let smtp: FaultySmtp;
let mail: MailTransport;
let workers: Worker[];
let recovery: SendRecovery;
let readers: SeededReader[];

beforeAll(async () => {
  env = await createTestWorkerEnv({
    SEND_PAUSE_AFTER_ERRORS: '3',
    SEND_RETRY_BASE_MS: '50',
    SEND_RESUME_AFTER_MS: '300',
    SEND_RESUME_MAX_MS: '2000',
    SEND_RATE_PER_SECOND: '100000',
    SEND_BATCH_SIZE: '5',
    // Sends in flight when the breaker trips still go out (from a relay calling every address
    // unknown, each bounces): 10 here, a quarter of the 40 readers of the test that counts them.
    SEND_CONCURRENCY: '10',
  });
  env.deps.metrics = createMetrics({ service: 'worker', defaultMetrics: false });
  smtp = await startFaultySmtp(() =>
    everyoneUnknown
      ? { at: 'rcpt', code: 550, text: '5.1.1 user unknown' }
      : Date.now() < burstEnds
        ? { at: 'data', code: 451, text: '4.3.2 try again later' }
        : 'accept',
  );
  mail = createMailTransport({ smtpUrl: smtp.url, devMailboxPort: 0, poolSize: 2 });
  env.deps.mail = mail;
  readers = await seedReaders(env.database.db, 20, { prefix: 'burst' });
  await seedPapers(env.database.db);
  workers = startWorkers(env.deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
  recovery = startSendRecovery(env.deps);
});
afterAll(async () => {
  await recovery.stop();
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await smtp.close();
  await env.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a burst of 451s', () => {
  it('when the server answers 451 for a while, then sending pauses, probes, and resumes on its own; every reader gets exactly one digest', async () => {
    const started = Date.now();
    await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });

    const seen: BreakerState[] = [];
    let allSentAt: number | undefined;
    while (Date.now() - started < 20_000) {
      const breaker = await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX);
      if (breaker && JSON.stringify(breaker) !== JSON.stringify(seen[seen.length - 1])) seen.push(breaker);
      if (breaker?.state === 'open' && burstEnds === Infinity) burstEnds = Date.now() + BURST_AFTER_PAUSE_MS;
      if ((await env.database.db.delivery.count({ where: { status: 'sent' } })) === readers.length) {
        allSentAt = Date.now();
        break;
      }
      await sleep(25);
    }

    // It paused, probed during the burst and failed (the pause doubled), then closed by itself.
    expect(seen.some((s) => s.state === 'open' && s.delayMs === 300)).toBe(true);
    expect(seen.some((s) => s.state === 'open' && s.delayMs >= 600)).toBe(true);
    expect(seen.some((s) => s.state === 'half_open')).toBe(true);
    expect(allSentAt).toBeDefined();
    // Back within the longest pause (2 s) and a probe after the burst ended.
    expect(allSentAt! - burstEnds).toBeLessThan(2_000 + 1_500);
    const state = await getSendQueueState(env.deps.queues);
    expect(state.paused).toBe(false);
    expect(state.breaker).toBeUndefined();
    expect(await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX)).toMatchObject({ state: 'closed' });

    const perReader = new Map<string, number>();
    for (const m of smtp.accepted) perReader.set(m.to, (perReader.get(m.to) ?? 0) + 1);
    expect(readers.map((r) => perReader.get(r.email))).toEqual(readers.map(() => 1));

    const metrics = reliabilityMetrics(env.deps.metrics!.registry);
    expect((await metrics.sendBreakerTrips.get()).values[0]?.value).toBeGreaterThanOrEqual(1);
    await recovery.tick();
    expect((await metrics.sendBreakerState.get()).values.find((v) => v.labels.state === 'closed')?.value).toBe(1);
  });

  it('when a broken relay calls every address unknown (550 5.1.1), then sending pauses and a probe whose digests all bounce keeps it paused', async () => {
    everyoneUnknown = true;
    const more = await seedReaders(env.database.db, 40, { prefix: 'unknown' });
    await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });
    const queue = env.deps.queues[QUEUE.digestSend];
    await waitUntil(
      async () =>
        (await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX))?.state === 'open' &&
        (await queue.isPaused()),
    );
    // The probe bounces all three: the breaker opens again instead of resuming.
    await waitUntil(
      async () =>
        (await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX))?.lastError ===
        'every probe digest hard-bounced',
    );
    expect(await queue.isPaused()).toBe(true);
    expect(await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX)).toMatchObject({ state: 'open' });
    // Most of the list is spared: only the sends before the pause and the probes bounced.
    expect(await env.database.db.suppression.count()).toBeLessThan(more.length / 2);
    await recovery.stop();
  });
});
