// The term-association rebuild as the worker runs it: the processor behind QUEUE.associationsRebuild
// (payload validated), the daily 03:00 UTC scheduler, and the rebuild queued at start while the
// stored table is empty.
import { QUEUE, jobId } from '@paperboy/queue';
import { processors } from '../src/processors';
import { associationsRebuildProcessor } from '../src/processors/associations-rebuild.processor';
import { startWorkers } from '../src/run-workers';
import {
  ASSOCIATIONS_CRON,
  ASSOCIATIONS_SCHEDULER_ID,
  rebuildAssociationsIfEmpty,
  upsertAssociationsSchedule,
} from '../src/schedules/associations-schedule';
import { createJobRunner, type JobRunner } from './job-runner';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let runner: JobRunner;

beforeAll(async () => {
  env = await createTestWorkerEnv();
  runner = await createJobRunner(env, QUEUE.associationsRebuild);
});
afterAll(async () => {
  await runner.close();
  await env.close();
});

describe('associations-rebuild processor', () => {
  it('when registered, then the worker consumes the associations-rebuild queue', () => {
    expect(processors).toContain(associationsRebuildProcessor);
  });

  it('when a job runs, then the stored table is rebuilt (emptied here: too few papers); a malformed payload fails at once', async () => {
    const db = env.deps.db;
    await db.termAssociation.create({ data: { phrase: 'reef monitor', terms: ['bleach'] } });
    const workers = startWorkers(env.deps, [associationsRebuildProcessor]);
    try {
      const done = await runner.run({ windowDays: 30 }, jobId('assoc', 'ok'));
      expect(done).toEqual({ ok: true, value: { papers: 0, phrases: 0, stored: 0, terms: 0, table: 'shipped' } });
      expect(await db.termAssociation.count()).toBe(0);

      for (const [data, field] of [
        [{ windowDays: 0 }, 'windowDays'],
        [{ windowDays: 'all' }, 'windowDays'],
        [{ paperIds: [1] }, 'paperIds'],
      ] as const) {
        const bad = await runner.run(data, jobId('assoc', 'bad', field, String(data.windowDays ?? 'x')));
        expect(bad).toMatchObject({
          ok: false,
          error: expect.stringMatching(/Invalid associations-rebuild job payload/),
          attempts: 1,
        });
      }
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});

describe('associations schedule', () => {
  const queue = () => env.deps.queues[QUEUE.associationsRebuild];

  it('when registered (twice), then one scheduler runs the rebuild daily at 03:00 UTC', async () => {
    await upsertAssociationsSchedule(env.deps.queues);
    await upsertAssociationsSchedule(env.deps.queues);
    expect(await queue().getJobSchedulersCount()).toBe(1);
    const scheduler = await queue().getJobScheduler(ASSOCIATIONS_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: ASSOCIATIONS_CRON, tz: 'UTC' });
    const next = new Date(scheduler!.next!);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([3, 0]);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    await queue().removeJobScheduler(ASSOCIATIONS_SCHEDULER_ID);
    await queue().drain(true);
  });

  it('when a worker starts with no stored table, then one rebuild is queued for the day, however many workers start; with a table, none', async () => {
    const db = env.deps.db;
    const now = new Date('2026-12-06T09:00:00Z');
    expect(await rebuildAssociationsIfEmpty(env.deps, now)).toBe(true);
    expect(await rebuildAssociationsIfEmpty(env.deps, now)).toBe(true);
    expect((await queue().getJobs(['waiting'])).map((j) => j.id)).toEqual([
      jobId('associations-rebuild-start', '2026-12-06'),
    ]);

    await queue().drain();
    await db.termAssociation.create({ data: { phrase: 'reef monitor', terms: ['bleach'] } });
    expect(await rebuildAssociationsIfEmpty(env.deps, now)).toBe(false);
    expect(await queue().getJobCounts('waiting')).toEqual({ waiting: 0 });
  });
});
