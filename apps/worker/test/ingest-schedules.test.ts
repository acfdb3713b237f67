import { loadConfig } from '@paperboy/config';
import { QUEUE } from '@paperboy/queue';
import { applyIngestSchedules, ingestSchedules } from '../src/schedules/ingest-schedules';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
const config = (vars: Record<string, string>) =>
  loadConfig({ SECRET_KEY: 'x'.repeat(32), PUBLIC_URL: 'https://p.example', SMTP_URL: 'smtp://h:25', ...vars });

beforeAll(async () => {
  env = await createTestWorkerEnv();
});
afterAll(async () => {
  await env.close();
});

describe('ingest schedules', () => {
  it('when INGEST_SCHEDULE is auto, then sources are scheduled in production only', () => {
    expect(ingestSchedules(config({ NODE_ENV: 'development' })).every((s) => s.everyMs === null)).toBe(true);
    expect(ingestSchedules(config({ NODE_ENV: 'test' })).every((s) => s.everyMs === null)).toBe(true);
    expect(ingestSchedules(config({ NODE_ENV: 'production' })).map((s) => [s.source, s.everyMs])).toEqual([
      ['hf-daily', 3_600_000],
      ['hf-trending', 3_600_000],
      ['arxiv', 21_600_000],
    ]);
  });

  it('when schedules are applied on every start, then each source has exactly one scheduler; switched off, it is removed', async () => {
    const queue = env.deps.queues[QUEUE.ingest];
    const on = config({ NODE_ENV: 'development', INGEST_SCHEDULE: 'on', INGEST_HF_EVERY_MINUTES: '30' });
    await applyIngestSchedules(env.deps.queues, on, env.deps.logger);
    await applyIngestSchedules(env.deps.queues, on, env.deps.logger);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every, s.template?.data]).sort()).toEqual([
      ['ingest-arxiv', 21_600_000, { source: 'arxiv' }],
      ['ingest-hf-daily', 1_800_000, { source: 'hf-daily' }],
      ['ingest-hf-trending', 1_800_000, { source: 'hf-trending' }],
    ]);

    await applyIngestSchedules(
      env.deps.queues,
      config({ NODE_ENV: 'development', INGEST_SCHEDULE: 'on', INGEST_ARXIV_EVERY_MINUTES: '0' }),
      env.deps.logger,
    );
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
      'ingest-hf-daily',
      'ingest-hf-trending',
    ]);
    await applyIngestSchedules(
      env.deps.queues,
      config({ NODE_ENV: 'development', INGEST_SCHEDULE: 'off' }),
      env.deps.logger,
    );
    expect(await queue.getJobSchedulers()).toEqual([]);
  });
});
