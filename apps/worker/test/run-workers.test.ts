import type { Job } from 'bullmq';
import { AppError } from '@paperboy/core';
import { QUEUE, jobId } from '@paperboy/queue';
import { defineProcessor } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { createJobRunner, type JobRunner } from './job-runner';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let runner: JobRunner;
const seen: number[] = [];

const probe = defineProcessor({
  queue: QUEUE.digestSend,
  async handle(payload, job: Job) {
    seen.push(payload.deliveryId!);
    if (payload.deliveryId === 2) throw new AppError('not_found', 'no such delivery');
    if (payload.deliveryId === 3 && job.attemptsMade === 0) throw new AppError('unavailable', 'smtp busy');
    return { delivered: payload.deliveryId };
  },
});

beforeAll(async () => {
  env = await createTestWorkerEnv();
  runner = await createJobRunner(env, QUEUE.digestSend, 10_000);
});
afterAll(async () => {
  await runner.close();
  await env.close();
});

const run = (data: unknown, id: string) => runner.run(data, id, { backoff: { type: 'fixed', delay: 10 } });

describe('startWorkers', () => {
  it('when jobs arrive, then valid ones run, bad payloads and permanent errors fail once, transient ones retry', async () => {
    const workers = startWorkers(env.deps, [probe]);
    try {
      expect(await run({ deliveryId: 1 }, jobId('ok', 1))).toEqual({ ok: true, value: { delivered: 1 } });

      const invalid = await run({ deliveryId: 'x' }, jobId('bad', 1));
      expect(invalid).toMatchObject({ ok: false, attempts: 1 });
      expect(invalid.ok || invalid.error).toMatch(/Invalid digest-send job payload: deliveryId/);

      const permanent = await run({ deliveryId: 2 }, jobId('perm', 2));
      expect(permanent).toMatchObject({ ok: false, attempts: 1 });
      expect(permanent.ok || permanent.error).toMatch(/not_found/);

      expect(await run({ deliveryId: 3 }, jobId('transient', 3))).toEqual({ ok: true, value: { delivered: 3 } });
      expect(seen.filter((id) => id === 3)).toHaveLength(2);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
