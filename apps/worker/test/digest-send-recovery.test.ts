// A burst of 451s from a real SMTP server on loopback (30 s in production terms, 3 s here with
// every duration scaled down): the breaker pauses sending, probes with a few digests while the
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
import { NOW, seedPapers, seedReaders, type SeededReader } from './digest.factory';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

jest.setTimeout(60_000);

const BURST_MS = 3_000;
let burstEnds = Infinity;
let env: TestWorkerEnv;
let smtp: FaultySmtp;
let mail: MailTransport;
let workers: Worker[];
let recovery: SendRecovery;
let readers: SeededReader[];

beforeAll(async () => {
  env = await createTestWorkerEnv({
    SEND_PAUSE_AFTER_ERRORS: '3', SEND_RETRY_BASE_MS: '50', SEND_RESUME_AFTER_MS: '300', SEND_RESUME_MAX_MS: '2000', SEND_RATE_PER_SECOND: '100000', SEND_BATCH_SIZE: '5',
  });
  env.deps.metrics = createMetrics({ service: 'worker', defaultMetrics: false });
  smtp = await startFaultySmtp(() => (Date.now() < burstEnds ? { at: 'data', code: 451, text: '4.3.2 try again later' } : 'accept'));
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
    burstEnds = started + BURST_MS;
    await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });

    const seen: BreakerState[] = [];
    let allSentAt: number | undefined;
    while (Date.now() - started < 20_000) {
      const breaker = await readBreakerState(env.deps.redis, env.deps.config.REDIS_PREFIX);
      if (breaker && JSON.stringify(breaker) !== JSON.stringify(seen[seen.length - 1])) seen.push(breaker);
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
});
