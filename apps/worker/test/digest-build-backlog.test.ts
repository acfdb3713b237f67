// A batch build waits while the send queue is behind (SEND_BACKLOG_LIMIT), so a morning's
// builds do not starve the sends on the worker's event loop; a build of one reader goes at once.
import type { Job } from 'bullmq';
import { QUEUE } from '@paperboy/queue';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { seedPapers, seedReaders } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
const PERIOD = 'd2026-11-27';
const job = {} as Job;

beforeAll(async () => {
  env = await createTestWorkerEnv({ SEND_BACKLOG_LIMIT: '1' });
  await seedPapers(env.database.db);
});
afterAll(async () => {
  await env.deps.queues[QUEUE.digestSend].obliterate({ force: true });
  await env.close();
});

/** Send jobs left waiting (no send worker runs here), as a busy morning leaves them. */
async function sendBacklog(n: number): Promise<void> {
  await env.deps.queues[QUEUE.digestSend].addBulk(
    Array.from({ length: n }, (_, i) => ({ name: 'send', data: { deliveryIds: [1_000_000 + i] } })),
  );
}

const deliveries = (ids: number[]) => env.database.db.delivery.count({ where: { subscriberId: { in: ids } } });

describe('digest build behind a send backlog', () => {
  it('when more send jobs wait than SEND_BACKLOG_LIMIT, then a batch build waits until they are down to it', async () => {
    const readers = await seedReaders(env.database.db, 2);
    await sendBacklog(3);
    const ids = readers.map((r) => r.id);
    const built = digestBuildProcessor.handle(
      { readers: ids.map((subscriberId) => ({ subscriberId, periodKey: PERIOD })) },
      job,
      env.deps,
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await deliveries(ids)).toBe(0);
    // Two of the three taken, as send workers would: the backlog is at the limit.
    await Promise.all((await env.deps.queues[QUEUE.digestSend].getWaiting(0, 1)).map((j) => j.remove()));
    const result = (await built) as { built: number; waitedMs: number };
    expect(result.built).toBe(2);
    expect(result.waitedMs).toBeGreaterThanOrEqual(600);
    expect(await deliveries(ids)).toBe(2);
  });

  it('when the send queue is behind, then a build of one reader does not wait', async () => {
    const id = (await seedReaders(env.database.db, 1)).map((r) => r.id)[0] as number;
    await env.deps.queues[QUEUE.digestSend].obliterate({ force: true });
    await sendBacklog(5);
    const started = Date.now();
    await digestBuildProcessor.handle({ subscriberId: id, periodKey: PERIOD }, job, env.deps);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await deliveries([id])).toBe(1);
  });
});
