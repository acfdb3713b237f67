// The schedule job against real Postgres and Redis: who is due (and who is not), the period
// each digest is filed under, batched build jobs with deterministic ids, nextDigestAt moved on, keyset
// batches, "send now", and the repeatable scheduler registered once.
import { recoverStaleDeliveries, retryFailedDeliveries, scheduleDigests } from '@paperboy/core';
import { jobId, QUEUE } from '@paperboy/queue';
import { digestScheduleProcessor } from '../src/processors/digest-schedule.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { DIGEST_SCHEDULER_ID, upsertDigestSchedule } from '../src/schedules/digest-schedule';
import { seedReaders, waitUntil } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv();
});
afterAll(() => env.close());

const db = () => env.database.db;
const at = (iso: string) => new Date(iso);
type BuildData = { readers?: { subscriberId: number; periodKey: string }[]; subscriberId?: number; periodKey?: string };
const buildJobs = () => env.deps.queues[QUEUE.digestBuild].getJobs(['waiting', 'delayed', 'prioritized']);
/** "reader|period" for every reader in every queued build job, repeats kept: a repeat is a second build. */
const queuedBuilds = async () =>
  (await buildJobs())
    .flatMap((j) => (j.data as BuildData).readers ?? [j.data as Required<Omit<BuildData, 'readers'>>])
    .map((r) => `${r.subscriberId}|${r.periodKey}`)
    .sort();
const clearBuilds = () => env.deps.queues[QUEUE.digestBuild].obliterate({ force: true });

describe('scheduleDigests', () => {
  afterEach(async () => {
    await clearBuilds();
    await db().subscriber.updateMany({ data: { status: 'unsubscribed' } });
  });

  it('when some readers are due, then only they get a build job, filed under the local period they were due in, and their next time moves on', async () => {
    const [paris] = await seedReaders(db(), 1, {
      prefix: 'paris',
      timezone: 'Europe/Paris',
      nextDigestAt: at('2026-11-27T07:00:00Z'),
    });
    const [tokyo] = await seedReaders(db(), 1, {
      prefix: 'tokyo',
      timezone: 'Asia/Tokyo',
      frequency: 'weekly',
      nextDigestAt: at('2026-11-26T23:00:00Z'),
    });
    const [later] = await seedReaders(db(), 1, { prefix: 'later', nextDigestAt: at('2026-11-27T09:00:00Z') });
    const [none] = await seedReaders(db(), 1, { prefix: 'none', nextDigestAt: null });
    const now = at('2026-11-27T07:30:00Z');
    const result = await scheduleDigests({ ...env.deps, now: () => now });
    expect(result).toEqual({ readers: 2, enqueued: 2, advanced: 2, alreadyBuilt: 0 });
    expect(await queuedBuilds()).toEqual([`${paris!.id}|d2026-11-27`, `${tokyo!.id}|w2026-W48`].sort());
    expect(await buildJobs()).toHaveLength(1); // one batch
    const next = async (id: number) =>
      (await db().subscriber.findUniqueOrThrow({ where: { id } })).nextDigestAt?.toISOString();
    expect(await next(paris!.id)).toBe('2026-11-28T07:00:00.000Z'); // 08:00 in Paris, tomorrow
    expect(await next(tokyo!.id)).toBe('2026-11-29T23:00:00.000Z'); // Monday 08:00 in Tokyo
    expect(await next(later!.id)).toBe('2026-11-27T09:00:00.000Z');
    expect(await next(none!.id)).toBeUndefined();
  });

  it('when the schedule runs again (or twice at once), then no reader gets a second build job', async () => {
    await seedReaders(db(), 5, { prefix: 'twice', nextDigestAt: at('2026-11-27T07:00:00Z') });
    const deps = { ...env.deps, now: () => at('2026-11-27T07:30:00Z') };
    const results = await Promise.all([scheduleDigests(deps), scheduleDigests(deps)]);
    await scheduleDigests(deps);
    expect(results.map((r) => r.enqueued).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(5);
    expect(await queuedBuilds()).toHaveLength(5);
  });

  it('when more readers are due than one batch holds, then keyset batches reach every one of them exactly once and the progress hook follows them', async () => {
    await seedReaders(db(), 25, { prefix: 'batched', nextDigestAt: at('2026-11-27T06:00:00Z') });
    await seedReaders(db(), 10, { prefix: 'batched-b', nextDigestAt: at('2026-11-27T07:00:00Z') });
    const progress: { queued: number; total?: number }[] = [];
    const result = await scheduleDigests(
      { ...env.deps, now: () => at('2026-11-27T07:30:00Z') },
      { batchSize: 7, onProgress: (p) => progress.push(p) },
    );
    expect(result).toEqual({ readers: 35, enqueued: 35, advanced: 35, alreadyBuilt: 0 });
    // The progress an operator's bar shows: the due readers counted first, then each batch queued.
    expect(progress).toEqual([
      { queued: 0, total: 35 },
      { queued: 7 },
      { queued: 14 },
      { queued: 21 },
      { queued: 28 },
      { queued: 35 },
    ]);
    const builds = await queuedBuilds();
    expect(builds).toHaveLength(35);
    expect(new Set(builds).size).toBe(35);
  });

  it("when an operator sends now, then every active reader gets this period's digest whatever their hour, and their schedule is untouched", async () => {
    const readers = await seedReaders(db(), 3, { prefix: 'now', nextDigestAt: at('2026-11-28T07:00:00Z') });
    const [gone] = await seedReaders(db(), 1, { prefix: 'gone' });
    await db().subscriber.update({ where: { id: gone!.id }, data: { status: 'unsubscribed' } });
    const result = await scheduleDigests({ ...env.deps, now: () => at('2026-11-27T15:00:00Z') }, { force: true });
    expect(result).toMatchObject({ enqueued: 3, advanced: 0 });
    expect(await queuedBuilds()).toEqual(readers.map((r) => `${r.id}|d2026-11-27`).sort());
  });
});

describe('the repeatable schedule', () => {
  it('when every worker registers it, then Redis holds one scheduler, and its job fans out the due readers', async () => {
    await upsertDigestSchedule(env.deps.queues, 60_000);
    await upsertDigestSchedule(env.deps.queues, 60_000);
    const schedulers = await env.deps.queues[QUEUE.digestSchedule].getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([DIGEST_SCHEDULER_ID]);
    const [due] = await seedReaders(db(), 1, { prefix: 'repeat', nextDigestAt: new Date(Date.now() - 60_000) });
    const workers = startWorkers(env.deps, [digestScheduleProcessor] as ProcessorDefinition[]);
    try {
      await waitUntil(
        async () => (await db().subscriber.findUniqueOrThrow({ where: { id: due!.id } })).nextDigestAt! > new Date(),
      );
      expect((await queuedBuilds()).some((b) => b.startsWith(`${due!.id}|`))).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await env.deps.queues[QUEUE.digestSchedule].removeJobScheduler(DIGEST_SCHEDULER_ID);
    }
  });
});

describe('recoverStaleDeliveries', () => {
  const sendQueue = () => env.deps.queues[QUEUE.digestSend];
  const queuedFor = async () =>
    (await sendQueue().getJobs(['waiting', 'delayed'])).map((j) => j.data as { deliveryIds?: number[] });

  it('when a delivery is stuck past the lease and the send queue has nothing left to do, then it is queued again; a fresh one is left alone', async () => {
    const [stuck, fresh] = await seedReaders(db(), 2, { prefix: 'stale' });
    const old = await db().delivery.create({
      data: {
        subscriberId: stuck!.id,
        periodKey: 'd2026-11-26',
        status: 'sending',
        updatedAt: new Date(Date.now() - 3600_000),
      },
    });
    await db().delivery.create({ data: { subscriberId: fresh!.id, periodKey: 'd2026-11-26', status: 'pending' } });
    expect(await recoverStaleDeliveries(env.deps)).toBe(1);
    expect(await queuedFor()).toEqual([{ deliveryIds: [old.id] }]);
    await sendQueue().drain(true);
  });

  it('when the send queue still has jobs waiting, then nothing is re-queued yet (the stuck delivery may be in one of them)', async () => {
    const [stuck] = await seedReaders(db(), 1, { prefix: 'busy' });
    const old = await db().delivery.create({
      data: {
        subscriberId: stuck!.id,
        periodKey: 'd2026-11-25',
        status: 'pending',
        updatedAt: new Date(Date.now() - 3600_000),
      },
    });
    await sendQueue().add('send', { deliveryIds: [old.id] }, { jobId: jobId('send', 'waiting-batch') });
    expect(await recoverStaleDeliveries(env.deps)).toBe(0);
    expect(await queuedFor()).toEqual([{ deliveryIds: [old.id] }]);
    await sendQueue().drain(true);
  });
});

describe('retryFailedDeliveries', () => {
  afterEach(clearBuilds);

  it("when the same readers' digests fail again and are retried again, then each retry run queues its own build job", async () => {
    const readers = await seedReaders(db(), 2, { prefix: 'again' });
    const fail = () =>
      db().delivery.createMany({
        data: readers.map((r) => ({ subscriberId: r.id, periodKey: 'd2026-11-20', status: 'failed' as const })),
      });
    await fail();
    expect(await retryFailedDeliveries(env.deps)).toMatchObject({ retried: 2 });
    // The first rebuild's job still holds its id (as a finished one would for a day).
    await fail();
    expect(await retryFailedDeliveries(env.deps)).toMatchObject({ retried: 2 });
    const wanted = readers.map((r) => `${r.id}|d2026-11-20`);
    const ours = (await queuedBuilds()).filter((b) => wanted.includes(b)); // (the repeatable schedule may add others)
    expect(ours).toEqual([...wanted, ...wanted].sort());
  });

  it('when a failed digest still lists papers it carried, then the retry deletes those rows with it, so the rebuild may carry them again', async () => {
    const [reader] = await seedReaders(db(), 1, { prefix: 'carried' });
    const paper = await db().paper.create({
      data: { sourceId: '2611.90001', title: 'Carried', abstract: 'x', publishedAt: new Date() },
    });
    const failed = await db().delivery.create({
      data: { subscriberId: reader!.id, periodKey: 'd2026-11-21', status: 'failed' },
    });
    await db().deliveryPaper.create({
      data: { deliveryId: failed.id, paperId: paper.id, subscriberId: reader!.id, rank: 0, score: 1, reason: 'x' },
    });
    expect(await retryFailedDeliveries(env.deps)).toMatchObject({ retried: 1 });
    expect(await db().deliveryPaper.count({ where: { subscriberId: reader!.id } })).toBe(0);
  });
});

describe('the schedule job and sign-ups never confirmed', () => {
  it('when a sign-up is older than UNCONFIRMED_READER_DAYS and never confirmed, then the schedule job deletes it', async () => {
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600_000);
    const old = await db().subscriber.create({
      data: { email: 'never-confirmed@example.org', createdAt: monthAgo, updatedAt: monthAgo },
    });
    await digestScheduleProcessor.handle({} as never, {} as never, env.deps);
    expect(await db().subscriber.findUnique({ where: { id: old.id } })).toBeNull();
  });
});

describe('the schedule job and papers posted to the API', () => {
  it("when an API request's hand-off to matching failed and no other request comes, then the schedule job hands its papers over", async () => {
    const run = await db().ingestRun.create({
      data: {
        source: 'api',
        status: 'running',
        startedAt: new Date(Date.now() - 5 * 60_000),
        fetched: 1,
        inserted: 1,
        cursor: { source: null, batch: 1, done: true, pending: [41, 42], key: null },
      },
    });
    await digestScheduleProcessor.handle({} as never, {} as never, env.deps);
    expect(await db().ingestRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'succeeded' });
    const job = await env.deps.queues[QUEUE.match].getJob(jobId('papers', `api${run.id}`, 'b0', 'c0'));
    expect(job?.data).toEqual({ paperIds: [41, 42] });
  });
});
