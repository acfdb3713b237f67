// Redis loses its data between the schedule run and the builds: the schedule has moved every
// reader's nextDigestAt on, and the build jobs are gone. The database is the source of truth:
// the next schedule run finds the readers whose period passed with no Delivery row and queues
// their builds again; every reader then gets exactly one digest.
import type { Worker } from 'bullmq';
import { QUEUE } from '@paperboy/queue';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestScheduleProcessor } from '../src/processors/digest-schedule.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { seedPapers, seedReaders, waitUntil } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

jest.setTimeout(60_000);

// 08:05 in Paris; the readers' 08:00 slot (07:00 UTC) has just passed.
const NOW = new Date('2026-11-27T07:05:00Z');
const SLOT = new Date('2026-11-27T07:00:00Z');
const LAST_CHANGE = new Date('2026-11-20T12:00:00Z');

let env: TestWorkerEnv;
let workers: Worker[] = [];
beforeAll(async () => {
  env = await createTestWorkerEnv({ SEND_RATE_PER_SECOND: '100000' });
  await seedReaders(env.database.db, 1, { prefix: 'warmup' }); // topics exist before matching
  await seedPapers(env.database.db);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await env.close();
});

const db = () => env.database.db;
const runSchedule = (now: Date) =>
  digestScheduleProcessor.handle({ now: now.toISOString() } as never, {} as never, env.deps);

/** Deletes every key under this test's own prefix (never FLUSHALL: the Redis is shared). */
async function emptyOurRedis(): Promise<number> {
  const { redis, config } = env.deps;
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

describe('Redis emptied between the schedule run and the builds', () => {
  it('when the build jobs vanish after nextDigestAt moved on, then the next schedule run re-queues them and every reader gets exactly one digest', async () => {
    const readers = await seedReaders(db(), 25, { prefix: 'lost', nextDigestAt: SLOT });
    // Changed long before the slot (a reader who changed their settings since is left alone).
    await db().$executeRaw`UPDATE "Subscriber" SET "updatedAt" = ${LAST_CHANGE} WHERE email LIKE 'lost-%'`;
    await db().$executeRaw`UPDATE "Subscriber" SET "nextDigestAt" = NULL WHERE email LIKE 'warmup-%'`;

    const first = await runSchedule(NOW);
    expect(first).toMatchObject({ enqueued: readers.length, advanced: readers.length });
    expect(await db().subscriber.count({ where: { email: { startsWith: 'lost-' }, nextDigestAt: { gt: NOW } } })).toBe(
      readers.length,
    );
    expect(await env.deps.queues[QUEUE.digestBuild].count()).toBeGreaterThan(0);

    expect(await emptyOurRedis()).toBeGreaterThan(0);
    expect(await env.deps.queues[QUEUE.digestBuild].count()).toBe(0);

    // A minute or two later, the every-minute schedule runs again.
    await runSchedule(new Date(NOW.getTime() + 3 * 60_000));
    const queued = (await env.deps.queues[QUEUE.digestBuild].getJobs(['waiting', 'delayed', 'prioritized'])).flatMap(
      (j) =>
        (j.data as { readers?: { subscriberId: number; periodKey: string }[] }).readers ?? [
          j.data as { subscriberId: number; periodKey: string },
        ],
    );
    expect(queued.map((r) => r.subscriberId).sort((a, b) => a - b)).toEqual(readers.map((r) => r.id));
    expect(new Set(queued.map((r) => r.periodKey))).toEqual(new Set(['d2026-11-27']));

    workers = startWorkers(env.deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
    await waitUntil(
      async () =>
        (await db().delivery.count({ where: { subscriber: { email: { startsWith: 'lost-' } }, status: 'sent' } })) ===
        readers.length,
    );
    // Once built, nothing is re-queued again.
    await runSchedule(new Date(NOW.getTime() + 4 * 60_000));
    await waitUntil(
      async () => (await env.deps.queues[QUEUE.digestBuild].getJobCounts('waiting', 'active', 'delayed')).waiting === 0,
    );

    const perReader = new Map<string, number>();
    for (const m of env.mailbox.messages())
      for (const to of m.envelopeTo) perReader.set(to, (perReader.get(to) ?? 0) + 1);
    for (const r of readers) expect([r.email, perReader.get(r.email)]).toEqual([r.email, 1]);
    expect(await db().delivery.count({ where: { subscriber: { email: { startsWith: 'lost-' } } } })).toBe(
      readers.length,
    );
  });

  it('when a reader changed their settings after the slot, or confirmed after it, then the sweep leaves them alone', async () => {
    const [changed] = await seedReaders(db(), 1, { prefix: 'changed', nextDigestAt: new Date('2026-11-28T07:00:00Z') });
    await db()
      .$executeRaw`UPDATE "Subscriber" SET "updatedAt" = ${new Date(SLOT.getTime() + 60_000)} WHERE id = ${changed!.id}`;
    await env.deps.queues[QUEUE.digestBuild].pause();
    try {
      await runSchedule(new Date(NOW.getTime() + 5 * 60_000));
      const jobs = await env.deps.queues[QUEUE.digestBuild].getJobs(['waiting', 'delayed', 'prioritized']);
      expect(jobs.flatMap((j) => JSON.stringify(j.data)).join()).not.toContain(`"subscriberId":${changed!.id},`);
    } finally {
      await env.deps.queues[QUEUE.digestBuild].resume();
    }
  });

  it('when a weekly reader in another time zone lost their build, then the sweep files it under the ISO week the schedule used', async () => {
    // Monday 2026-11-23 08:00 in New York (13:00 UTC) is the slot; the sweep runs 10 minutes later.
    const slot = new Date('2026-11-23T13:00:00Z');
    const [weekly] = await seedReaders(db(), 1, {
      prefix: 'weekly',
      frequency: 'weekly',
      timezone: 'America/New_York',
      nextDigestAt: slot,
    });
    await db()
      .$executeRaw`UPDATE "Subscriber" SET "updatedAt" = ${LAST_CHANGE}, "digestWeekday" = 1 WHERE id = ${weekly!.id}`;
    const queue = env.deps.queues[QUEUE.digestBuild];
    await queue.pause();
    try {
      await runSchedule(new Date(slot.getTime() + 60_000));
      const scheduled = (await queue.getJobs(['waiting']))
        .map((j) => j.data as { subscriberId: number; periodKey: string })
        .find((d) => d.subscriberId === weekly!.id);
      expect(scheduled?.periodKey).toBe('w2026-W48');
      expect((await db().subscriber.findUniqueOrThrow({ where: { id: weekly!.id } })).nextDigestAt).toEqual(
        new Date('2026-11-30T13:00:00Z'),
      );
      await queue.obliterate({ force: true }); // Redis loses the build (and the pause with it)
      await queue.pause();
      await runSchedule(new Date(slot.getTime() + 10 * 60_000));
      const rebuilt = (await queue.getJobs(['waiting'])).flatMap(
        (j) =>
          (j.data as { readers?: { subscriberId: number; periodKey: string }[] }).readers ?? [
            j.data as { subscriberId: number; periodKey: string },
          ],
      );
      expect(rebuilt.filter((r) => r.subscriberId === weekly!.id)).toEqual([
        { subscriberId: weekly!.id, periodKey: 'w2026-W48' },
      ]);
    } finally {
      await queue.obliterate({ force: true });
      await queue.resume();
    }
  });
});
