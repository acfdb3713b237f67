// The worker's /metrics (served on METRICS_PORT by main.ts) moves when its jobs run.
import { QueueEvents } from 'bullmq';
import { AppError } from '@paperboy/core';
import {
  createMetrics,
  parsePrometheusText,
  startMetricsServer,
  sumSamples,
  type MetricsServer,
} from '@paperboy/metrics';
import { QUEUE, jobId } from '@paperboy/queue';
import { defineProcessor } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

const TOKEN = 'worker-metrics-token';
let env: TestWorkerEnv;
let events: QueueEvents;
let eventsConnection: ReturnType<TestWorkerEnv['deps']['redis']['duplicate']>;
let server: MetricsServer;
const metrics = createMetrics({ service: 'worker' });

// A one-email job (a digest job reports its batch's emails in its result: see job-metrics tests).
const send = defineProcessor({
  queue: QUEUE.transactionalEmail,
  async handle(payload, job) {
    if (payload.subscriberId === 2) throw new AppError('invalid_input', 'address rejected');
    if (payload.subscriberId === 3 && job.attemptsMade === 0) throw new AppError('unavailable', 'smtp busy');
    return { sent: payload.subscriberId };
  },
});

async function scrape() {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return parsePrometheusText(await res.text());
}

async function run(data: unknown, id: string): Promise<void> {
  const job = await env.deps.queues[QUEUE.transactionalEmail].add('send', data, {
    jobId: id,
    backoff: { type: 'fixed', delay: 10 },
  });
  await job.waitUntilFinished(events, 10_000).catch(() => undefined);
}

beforeAll(async () => {
  env = await createTestWorkerEnv();
  env.deps.metrics = metrics;
  eventsConnection = env.deps.redis.duplicate();
  events = new QueueEvents(QUEUE.transactionalEmail, {
    connection: eventsConnection,
    prefix: env.deps.config.REDIS_PREFIX,
  });
  await events.waitUntilReady();
  server = await startMetricsServer({ registry: metrics.registry, port: 0, host: '127.0.0.1', token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await events.close();
  eventsConnection.disconnect();
  await env.close();
});

describe('worker metrics', () => {
  it('when send jobs complete, fail for good and retry, then durations and emails by reason move', async () => {
    const before = await scrape();
    expect(sumSamples(before, 'paperboy_job_duration_seconds_count', { queue: QUEUE.transactionalEmail })).toBe(0);
    const workers = startWorkers(env.deps, [send]);
    try {
      await run({ subscriberId: 1, kind: 'confirm' }, jobId('ok', 1));
      await run({ subscriberId: 2, kind: 'confirm' }, jobId('rejected', 2));
      await run({ subscriberId: 3, kind: 'confirm' }, jobId('transient', 3));
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    const after = await scrape();
    const count = (outcome: string) =>
      sumSamples(after, 'paperboy_job_duration_seconds_count', { queue: QUEUE.transactionalEmail, outcome });
    expect([count('completed'), count('failed'), count('retrying')]).toEqual([2, 1, 1]);
    expect(sumSamples(after, 'paperboy_emails_total', { kind: 'transactional', outcome: 'sent' })).toBe(2);
    expect(
      sumSamples(after, 'paperboy_emails_total', { kind: 'transactional', outcome: 'failed', reason: 'invalid_input' }),
    ).toBe(1);
    expect(after.samples.every((s) => s.labels.service === 'worker')).toBe(true);
  });

  it('when scraped without the token, then 401', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(401);
  });
});
