// The job schedulers live only in Redis: when its data is lost, each worker notices within its
// check interval and registers them again, counting the repair in its metrics.
import { createMetrics, reliabilityMetrics } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import { ASSOCIATIONS_SCHEDULER_ID } from '../src/schedules/associations-schedule';
import { DIGEST_SCHEDULER_ID } from '../src/schedules/digest-schedule';
import { watchSchedules, type ScheduleWatchdog } from '../src/schedules/schedule-watchdog';
import { waitUntil } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let watchdog: ScheduleWatchdog | undefined;
beforeAll(async () => {
  env = await createTestWorkerEnv();
  env.deps.metrics = createMetrics({ service: 'worker', defaultMetrics: false });
});
afterAll(async () => {
  watchdog?.stop();
  await env.close();
});

const scheduler = () => env.deps.queues[QUEUE.digestSchedule].getJobScheduler(DIGEST_SCHEDULER_ID);
const value = async (metric: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await metric.get()).values.reduce((n, v) => n + v.value, 0);

/** Deletes every key under this test's own prefix (never FLUSHALL: the Redis is shared). */
async function emptyOurRedis(): Promise<void> {
  const { redis, config } = env.deps;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

describe('the schedule watchdog', () => {
  it('when Redis loses the digest scheduler, then the worker registers it again within its check interval and counts the repair', async () => {
    watchdog = watchSchedules(env.deps, 200);
    expect(await watchdog.check()).toEqual([DIGEST_SCHEDULER_ID, ASSOCIATIONS_SCHEDULER_ID]); // at start: registers them
    expect(await scheduler()).toMatchObject({ key: DIGEST_SCHEDULER_ID, every: 60_000 });
    const metrics = reliabilityMetrics(env.deps.metrics!.registry);
    expect(await value(metrics.schedulersRestored)).toBe(0);

    await emptyOurRedis();
    expect(await scheduler()).toBeUndefined();
    await waitUntil(async () => (await scheduler()) !== undefined);
    await waitUntil(async () => (await value(metrics.schedulersRestored)) === 2); // one repair each
    expect(await value(metrics.schedulerPresent)).toBe(2);
  });

  it('when the scheduler is in place, then a check changes nothing', async () => {
    expect(await watchdog!.check()).toEqual([]);
  });
});
