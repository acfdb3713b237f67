import { AppError } from '../errors';
import {
  createIngestTestEnv,
  permanentError,
  retryableError,
  ScriptedSource,
  type IngestTestEnv,
} from '../../test/ingest-test-env';
import { makePaper } from '../../test/paper.factory';
import { runIngest } from './run-ingest.usecase';
import { acquireSourceLock } from './source-lock';

let env: IngestTestEnv;
const pages = (from: number, count: number, size: number) =>
  Array.from({ length: count }, (_, p) =>
    Array.from({ length: size }, (_, i) => makePaper(from + p * size + i, { source: 'hf-daily' })),
  );

beforeAll(async () => {
  env = await createIngestTestEnv();
});
afterAll(async () => {
  await env.close();
});
beforeEach(async () => {
  await env.database.db.paper.deleteMany();
  await env.database.db.ingestRun.deleteMany();
  await env.matchQueue.obliterate({ force: true });
});

describe('runIngest', () => {
  it('when a run completes, then it records its counts and hands each new paper to matching once', async () => {
    const source = new ScriptedSource('hf-daily', pages(1, 3, 2));
    const summary = await runIngest(env.deps, { source, runName: 'hf-daily' });
    expect(summary).toMatchObject({
      status: 'succeeded',
      resumed: false,
      fetched: 6,
      inserted: 6,
      updated: 0,
      rejected: 0,
      matchJobs: 3,
    });
    const run = await env.database.db.ingestRun.findFirstOrThrow();
    expect(run).toMatchObject({
      source: 'hf-daily',
      status: 'succeeded',
      fetched: 6,
      inserted: 6,
      updated: 0,
      rejected: 0,
      error: null,
    });
    const jobs = await env.matchJobs();
    expect(jobs.flatMap((j) => j.paperIds).sort()).toEqual(
      (await env.database.db.paper.findMany({ select: { id: true } })).map((p) => p.id).sort(),
    );
  });

  it('when the same papers come again, then nothing new goes to matching and upvote changes count as updates', async () => {
    await runIngest(env.deps, { source: new ScriptedSource('hf-daily', pages(1, 1, 3)), runName: 'hf-daily' });
    const again = pages(1, 1, 3);
    again[0]![0]!.upvotes += 10;
    const summary = await runIngest(env.deps, { source: new ScriptedSource('hf-daily', again), runName: 'hf-daily' });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, matchJobs: 0 });
    expect(await env.matchJobs()).toHaveLength(1);
  });

  it('when the source fails part way with a transient error, then the run is resumable and the next run continues from its cursor', async () => {
    const source = new ScriptedSource('hf-daily', pages(1, 4, 2), [{ page: 2, error: retryableError() }]);
    const failed = await runIngest(env.deps, { source, runName: 'hf-daily' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ retryable: true, code: 'unavailable' });
    const stopped = await env.database.db.ingestRun.findFirstOrThrow();
    expect(stopped).toMatchObject({ status: 'failed', inserted: 4, error: expect.stringContaining('HTTP 503') });
    expect(stopped.cursor).toMatchObject({ batch: 2, done: false, source: { source: 'hf-daily', page: 2 } });

    const resumed = await runIngest(env.deps, { source, runName: 'hf-daily' });
    expect(resumed).toMatchObject({ status: 'succeeded', resumed: true, runId: stopped.id, inserted: 4 });
    expect(source.cursorsSeen).toEqual([null, { source: 'hf-daily', page: 2 }]);
    expect(await env.database.db.ingestRun.findMany()).toEqual([
      expect.objectContaining({ id: stopped.id, status: 'succeeded', fetched: 8, inserted: 8, error: null }),
    ]);
    expect(await env.database.db.paper.count()).toBe(8);
    expect((await env.matchJobs()).flatMap((j) => j.paperIds)).toHaveLength(8);
  });

  it('when the source refuses the request, then the run is abandoned, the error is permanent and the next run starts afresh', async () => {
    const source = new ScriptedSource('hf-daily', pages(1, 2, 2), [{ page: 1, error: permanentError() }]);
    await expect(runIngest(env.deps, { source, runName: 'hf-daily' })).rejects.toMatchObject({ retryable: false });
    expect(await env.database.db.ingestRun.findFirstOrThrow()).toMatchObject({ status: 'abandoned', inserted: 2 });
    const next = await runIngest(env.deps, { source, runName: 'hf-daily' });
    expect(next).toMatchObject({ resumed: false, inserted: 2, unchanged: 2 });
    expect(source.cursorsSeen).toEqual([null, null]);
  });

  it('when handing new papers to matching fails after they were stored, then the resumed run hands them over', async () => {
    const addBulk = env.matchQueue.addBulk.bind(env.matchQueue);
    const spy = jest.spyOn(env.matchQueue, 'addBulk').mockRejectedValueOnce(new Error('Redis connection lost'));
    const source = new ScriptedSource('hf-daily', pages(1, 2, 2));
    await expect(runIngest(env.deps, { source, runName: 'hf-daily' })).rejects.toMatchObject({ retryable: true });
    spy.mockImplementation(addBulk);
    const resumed = await runIngest(env.deps, { source, runName: 'hf-daily' });
    expect(resumed).toMatchObject({ resumed: true, inserted: 2 });
    expect((await env.matchJobs()).flatMap((j) => j.paperIds)).toHaveLength(4);
    spy.mockRestore();
  });

  it('when another process is running the same source, then this run is skipped without touching anything', async () => {
    const lock = await acquireSourceLock(env.deps.redis, `${env.deps.redisPrefix}:ingest-lock:hf-daily`);
    try {
      const summary = await runIngest(env.deps, {
        source: new ScriptedSource('hf-daily', pages(1, 1, 1)),
        runName: 'hf-daily',
      });
      expect(summary).toMatchObject({ status: 'skipped', runId: null });
      expect(await env.database.db.ingestRun.count()).toBe(0);
    } finally {
      await lock!.release();
    }
  });
});
