// Builds wait while the send queue is behind (send-backlog.ts), against a real Redis queue.
import { randomBytes } from 'node:crypto';
import { closeQueues, createQueues, createRedis, QUEUE, type Queues, type Redis } from '@paperboy/queue';
import { waitForSendBacklog } from '../src/digests/send-backlog';

let redis: Redis;
let queues: Queues;

beforeEach(() => {
  redis = createRedis('redis://127.0.0.1:6379');
  queues = createQueues(redis, `test-${randomBytes(4).toString('hex')}`);
});

afterEach(async () => {
  await queues[QUEUE.digestSend].obliterate({ force: true });
  await closeQueues(queues);
  redis.disconnect();
});

/** `n` send jobs waiting, as a build leaves them (no send worker runs in these tests). */
async function waitingSends(n: number): Promise<void> {
  await queues[QUEUE.digestSend].addBulk(
    Array.from({ length: n }, (_, i) => ({ name: 'send', data: { deliveryIds: [i + 1] } })),
  );
}

describe('waitForSendBacklog', () => {
  it('when more send jobs wait than the limit, then it resolves only once they are down to the limit', async () => {
    await waitingSends(5);
    let done = false;
    const waiting = waitForSendBacklog(queues, { limit: 2, pollMs: 10 }).then((ms) => {
      done = true;
      return ms;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(done).toBe(false);
    // Three jobs taken (as send workers would): the backlog is at the limit.
    const jobs = await queues[QUEUE.digestSend].getWaiting(0, 2);
    await Promise.all(jobs.map((j) => j.remove()));
    expect(await waiting).toBeGreaterThanOrEqual(150);
    expect(done).toBe(true);
  });

  it('when the backlog is at or under the limit, then it does not wait', async () => {
    await waitingSends(2);
    expect(await waitForSendBacklog(queues, { limit: 2, pollMs: 1000 })).toBeLessThan(500);
  });

  it('when nobody takes the waiting jobs, then it goes ahead after maxWaitMs', async () => {
    await waitingSends(3);
    const waited = await waitForSendBacklog(queues, { limit: 1, pollMs: 10, maxWaitMs: 120 });
    expect(waited).toBeGreaterThanOrEqual(120);
    expect(waited).toBeLessThan(2000);
    expect(await queues[QUEUE.digestSend].getWaitingCount()).toBe(3);
  });

  it('when the limit is 0, then building never waits, whatever the backlog', async () => {
    await waitingSends(3);
    expect(await waitForSendBacklog(queues, { limit: 0, pollMs: 1000, maxWaitMs: 60_000 })).toBe(0);
  });
});
