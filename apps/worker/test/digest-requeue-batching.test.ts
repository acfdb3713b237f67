// Deliveries that go round again (a 4xx retry, a lease takeover, a hand-back after a pause, a
// lost job recovered by the sweep) travel in batched send jobs like first sends do. The send
// limiter counts jobs: one job per delivery would send them at rate ÷ batch size.
import { buildDigests, recoverStaleDeliveries, sendDigests, type MailSender, type SendBreaker } from '@paperboy/core';
import { createRenderer } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { seedPapers, seedReaders } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
beforeAll(async () => {
  // Rate 99 and batch 3: 33 jobs a second of exactly 3 deliveries.
  env = await createTestWorkerEnv({ SEND_RETRY_BASE_MS: '60000', SEND_BATCH_SIZE: '3', SEND_RATE_PER_SECOND: '99' });
  await seedReaders(env.database.db, 1, { prefix: 'warmup' }); // topics exist before matching
  await seedPapers(env.database.db);
});
afterAll(() => env.close());
afterEach(() => env.deps.queues[QUEUE.digestSend].obliterate({ force: true }));

const db = () => env.database.db;
const greylisted = Object.assign(new Error('try again later'), { responseCode: 451, command: 'DATA' });

/** Readers with built (pending) deliveries; the send jobs the build queues are dropped. */
async function builtDeliveries(prefix: string, count: number): Promise<number[]> {
  const readers = await seedReaders(db(), count, { prefix });
  const quiet = {
    ...env.deps,
    queues: { ...env.deps.queues, [QUEUE.digestSend]: { addBulk: async () => [] } },
  } as never;
  const built = await buildDigests(
    quiet,
    readers.map((r) => ({ subscriberId: r.id, periodKey: 'd2026-11-27' })),
  );
  return built.map((b) => (b as { deliveryId: number }).deliveryId);
}

const sendDeps = async (mail: MailSender, breaker?: SendBreaker) => ({
  ...env.deps,
  mail,
  breaker,
  renderer: await createRenderer(),
  concurrency: 1,
});

type SendData = { deliveryIds?: number[]; deliveryId?: number };
const queuedJobs = async () =>
  (await env.deps.queues[QUEUE.digestSend].getJobs(['delayed', 'waiting'])).map((j) => ({
    ids: (j.data as SendData).deliveryIds ?? [(j.data as SendData).deliveryId!],
    delay: j.opts.delay ?? 0,
  }));
const allQueuedIds = async () => (await queuedJobs()).flatMap((j) => j.ids).sort((a, b) => a - b);

describe('re-queued deliveries travel in batches', () => {
  it('when 7 deliveries are stuck past the lease, then the sweep recovers them into ceil(7 / 3) = 3 send jobs', async () => {
    const ids = await builtDeliveries('stuck', 7);
    await db().delivery.updateMany({
      where: { id: { in: ids } },
      data: { status: 'sending', updatedAt: new Date(Date.now() - 3600_000) },
    });
    expect(await recoverStaleDeliveries(env.deps)).toBe(7);
    const jobs = await queuedJobs();
    expect(jobs).toHaveLength(3);
    expect(jobs.map((j) => j.ids.length).sort()).toEqual([1, 3, 3]);
    expect(await allQueuedIds()).toEqual([...ids].sort((a, b) => a - b));
  });

  it('when every delivery of a batch meets a 451, then they are queued again together in one job, with backoff', async () => {
    const ids = await builtDeliveries('greylist', 3);
    const outcomes = await sendDigests(await sendDeps({ sendMail: () => Promise.reject(greylisted) }), ids);
    expect(outcomes.every((o) => 'retrying' in o)).toBe(true);
    const jobs = await queuedJobs();
    expect(jobs).toEqual([{ ids: [...ids].sort((a, b) => a - b), delay: expect.any(Number) }]);
    expect(jobs[0]!.delay).toBeGreaterThanOrEqual(30_000); // base 60 s, -50 % jitter at most
  });

  it('when a batch is claimed by another worker within the lease, then its deliveries are looked at again in one job when the lease ends', async () => {
    const ids = await builtDeliveries('leased', 3);
    await db().delivery.updateMany({ where: { id: { in: ids } }, data: { status: 'sending', updatedAt: new Date() } });
    const outcomes = await sendDigests(
      await sendDeps({ sendMail: () => Promise.reject(new Error('must not send')) }),
      ids,
    );
    expect(outcomes.every((o) => 'retrying' in o)).toBe(true);
    expect(await queuedJobs()).toEqual([{ ids: [...ids].sort((a, b) => a - b), delay: expect.any(Number) }]);
  });

  it('when the breaker pauses sending mid-batch, then the handed-back rest goes in one job and the failed ones in another', async () => {
    const ids = await builtDeliveries('handback', 3);
    const breaker: SendBreaker = {
      failure: async () => ({ paused: true, consecutive: 1 }),
      success: async () => undefined,
    };
    await sendDigests(await sendDeps({ sendMail: () => Promise.reject(greylisted) }, breaker), ids);
    const jobs = await queuedJobs();
    expect(jobs.map((j) => j.ids.length).sort()).toEqual([1, 2]);
    expect(await allQueuedIds()).toEqual([...ids].sort((a, b) => a - b));
  });
});
