import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { createRedis, type Redis } from '@paperboy/queue';
import { computeOverview } from './compute-overview';
import { getOverview } from './cached-overview';

let database: TestDatabase;
let redis: Redis;
const keyPrefix = `test-${randomBytes(4).toString('hex')}`;
const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);

async function seed(): Promise<void> {
  const db = database.db;
  const reader = (
    email: string,
    status: 'active' | 'pending' | 'unsubscribed' | 'bounced',
    frequency: 'daily' | 'weekly',
    createdAt: Date,
    topics: string[],
  ) =>
    db.subscriber.create({
      data: {
        email,
        status,
        frequency,
        createdAt,
        unsubscribedAt: status === 'unsubscribed' ? daysAgo(1) : null,
        topics: { create: topics.map((key) => ({ key, raw: key })) },
      },
    });
  const a = await reader('a@example.org', 'active', 'daily', daysAgo(1), ['llm', 'diffusion']);
  await reader('b@example.org', 'active', 'weekly', daysAgo(30), ['llm']);
  await reader('c@example.org', 'unsubscribed', 'daily', daysAgo(30), ['llm']);
  await reader('d@example.org', 'bounced', 'daily', daysAgo(2), ['robotics']);
  await db.suppression.createMany({
    data: [
      { emailHash: 'h1', reason: 'unsubscribed' },
      { emailHash: 'h2', reason: 'hard_bounce' },
    ],
  });
  await db.paper.createMany({
    data: [
      {
        sourceId: '2401.00001',
        title: 'A',
        abstract: 'x',
        publishedAt: now,
        sources: ['hf', 'arxiv'],
        createdAt: daysAgo(1),
      },
      { sourceId: '2401.00002', title: 'B', abstract: 'x', publishedAt: now, sources: ['hf'], createdAt: daysAgo(20) },
    ],
  });
  await db.ingestRun.createMany({
    data: [
      { source: 'hf', status: 'failed', startedAt: daysAgo(2), error: 'HTTP 503' },
      { source: 'hf', status: 'succeeded', startedAt: daysAgo(0.1), finishedAt: now, fetched: 10, inserted: 3 },
    ],
  });
  await db.delivery.createMany({
    data: [
      {
        subscriberId: a.id,
        periodKey: 'd1',
        status: 'sent',
        createdAt: new Date('2026-11-27T08:00:00Z'),
        sentAt: new Date('2026-11-27T08:01:00Z'),
      },
      { subscriberId: a.id, periodKey: 'd2', status: 'failed', createdAt: new Date('2026-11-27T08:00:00Z') },
      { subscriberId: a.id, periodKey: 'd3', status: 'pending', createdAt: new Date('2026-11-27T09:00:00Z') },
      { subscriberId: a.id, periodKey: 'd0', status: 'sent', createdAt: daysAgo(3), sentAt: daysAgo(3) },
    ],
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createRedis('redis://127.0.0.1:6379');
  await seed();
});

afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await database.drop();
});

describe('admin overview', () => {
  it('when computed, then readers, papers, deliveries and topics are counted as an operator reads them', async () => {
    const o = await computeOverview(database.db, now);
    expect(o.readers.total).toBe(4);
    expect(o.readers.byStatus).toEqual(
      expect.arrayContaining([
        { key: 'active', count: 2 },
        { key: 'complained', count: 0 },
      ]),
    );
    expect(o.readers.activeByFrequency).toEqual([
      { key: 'daily', count: 1 },
      { key: 'weekly', count: 1 },
    ]);
    expect([o.readers.newThisWeek, o.readers.unsubscribedThisWeek, o.readers.bouncedOrComplained]).toEqual([2, 1, 1]);
    expect(o.suppressions.total).toBe(2);
    expect(o.papers).toMatchObject({
      total: 2,
      newThisWeek: 1,
      bySource: [
        { key: 'hf', count: 2 },
        { key: 'arxiv', count: 1 },
      ],
    });
    expect(o.papers.lastRuns).toEqual([expect.objectContaining({ source: 'hf', status: 'succeeded', inserted: 3 })]);
    expect(o.deliveries).toMatchObject({ sentToday: 1, failedToday: 1, pending: 1 });
    expect(o.topTopics[0]).toEqual({ key: 'llm', count: 3 });
  });

  it('when readers typed a topic differently, then it is counted once, under the wording most of them typed', async () => {
    const llm = { key: 'llm', subscriber: { email: { in: ['a@example.org', 'b@example.org'] } } };
    await database.db.topic.updateMany({ where: llm, data: { raw: 'LLMs' } });
    try {
      expect((await computeOverview(database.db, now)).topTopics[0]).toEqual({ key: 'LLMs', count: 3 });
    } finally {
      await database.db.topic.updateMany({ where: llm, data: { raw: 'llm' } });
    }
  });

  it('when a snapshot is cached, then views read it until it is stale, and a stale one slower than the wait is refreshed in the background', async () => {
    const deps = { db: database.db, redis, keyPrefix };
    const first = await getOverview(deps, { now });
    await database.db.subscriber.create({ data: { email: 'e@example.org', status: 'active' } });
    const cached = await getOverview(deps, { now: new Date(now.getTime() + 5_000) });
    expect(cached.readers.total).toBe(first.readers.total);
    const stale = await getOverview(deps, { now: new Date(now.getTime() + 60_000), maxAgeSeconds: 30, waitMs: 0 });
    expect(stale.readers.total).toBe(first.readers.total);
    // The background refresh lands shortly; poll the snapshot rather than sleeping a fixed time.
    let total = stale.readers.total;
    for (let i = 0; i < 100 && total === first.readers.total; i++) {
      await new Promise((r) => setTimeout(r, 20));
      total = (await getOverview(deps, { now: new Date(now.getTime() + 61_000), maxAgeSeconds: 3600 })).readers.total;
    }
    expect(total).toBe(first.readers.total + 1);
    expect((await getOverview(deps, { fresh: true })).readers.total).toBe(first.readers.total + 1);
  });

  it('when the snapshot was warmed before readers signed up, then the first view minutes later shows them, not the old zeros', async () => {
    const deps = { db: database.db, redis, keyPrefix: `${keyPrefix}:warm` };
    const warmed = await getOverview(deps, { now });
    await database.db.subscriber.create({ data: { email: 'late@example.org', status: 'pending' } });
    const firstView = await getOverview(deps, { now: new Date(now.getTime() + 3 * 60_000), maxAgeSeconds: 30 });
    expect(firstView.readers.total).toBe(warmed.readers.total + 1);
    expect(firstView.computedAt).toBe(new Date(now.getTime() + 3 * 60_000).toISOString());
  });

  it('when digests, sign-ups and ingests happened over the month, then the daily series count them per UTC day, zero elsewhere', async () => {
    const db = database.db;
    const a = await db.subscriber.findFirstOrThrow({ where: { email: 'a@example.org' } });
    await db.subscriptionEvent.createMany({
      data: [
        { subscriberId: a.id, type: 'subscribed', createdAt: daysAgo(1) },
        { subscriberId: a.id, type: 'subscribed', createdAt: daysAgo(1) }, // the form sent twice: one sign-up
        { subscriberId: a.id, type: 'confirmed', createdAt: daysAgo(1) },
        { subscriberId: null, type: 'unsubscribed', createdAt: daysAgo(0.1) }, // a reader wiped since
        { subscriberId: a.id, type: 'subscribed', createdAt: daysAgo(40) }, // before the 30 days
      ],
    });
    const d = (await computeOverview(db, now)).daily!;
    const values = (list: { key: string; values: number[] }[], key: string) => list.find((s) => s.key === key)!.values;
    const total = (v: number[]) => v.reduce((x, y) => x + y, 0);
    expect([d.days.length, d.days[0], d.days.at(-1)]).toEqual([30, '2026-10-29', '2026-11-27']);
    expect(d.digests.map((s) => s.key)).toEqual(['sent', 'failed', 'skipped']);
    expect([
      values(d.digests, 'sent').at(-1),
      values(d.digests, 'sent').at(-4),
      total(values(d.digests, 'sent')),
    ]).toEqual([1, 1, 2]);
    expect([values(d.digests, 'failed').at(-1), total(values(d.digests, 'skipped'))]).toEqual([1, 0]);
    expect(d.readers.map((s) => [s.key, total(s.values)])).toEqual([
      ['signups', 1],
      ['confirmations', 1],
      ['unsubscribes', 1],
    ]);
    expect([values(d.readers, 'signups').at(-2), values(d.readers, 'unsubscribes').at(-1)]).toEqual([1, 1]);
    expect(d.papers).toEqual([{ key: 'hf', values: [...Array(29).fill(0), 3] }]);
  });
});
