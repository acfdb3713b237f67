// Top trending against real Postgres: gained vs total upvotes, the floor, ties by recency, the
// period's papers only, and one query per period for a whole build batch.
import type { Db } from '@paperboy/db';
import { rankTrending, TrendingCache, trendingLookup, trendingPapers } from '../src/trending';
import { NOW } from './matching.factory';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
let seq = 0;

async function paper(
  db: Db,
  p: {
    upvotes: number;
    publishedAt?: Date;
    seenAt?: Date;
    withdrawn?: boolean;
    snapshots?: [hoursAgo: number, upvotes: number][];
    hfUrl?: string;
  },
) {
  seq += 1;
  const row = await db.paper.create({
    data: {
      sourceId: `2612.${String(seq).padStart(5, '0')}`,
      title: `Paper ${seq}`,
      abstract: 'We report experiments.',
      publishedAt: p.publishedAt ?? hoursAgo(10),
      createdAt: p.seenAt ?? p.publishedAt ?? hoursAgo(10),
      upvotes: p.upvotes,
      sources: ['test'],
      hfUrl: p.hfUrl ?? null,
      withdrawnAt: p.withdrawn ? hoursAgo(1) : null,
    },
  });
  for (const [h, upvotes] of p.snapshots ?? [])
    await db.paperSignal.create({ data: { paperId: row.id, upvotes, observedAt: hoursAgo(h) } });
  return row.id;
}

const ids = (list: { paperId: number }[]) => list.map((p) => p.paperId);

beforeEach(async () => {
  await env.database.db.paperSignal.deleteMany();
  await env.database.db.paper.deleteMany();
});

describe('trendingPapers', () => {
  it('when a paper has a snapshot from before the period, then it ranks by the upvotes it gained, else by its total', async () => {
    const db = env.database.db;
    // Seen 30 h ago with 290 upvotes, 300 now: gained 10 today.
    const old = await paper(db, {
      upvotes: 300,
      publishedAt: hoursAgo(40),
      snapshots: [
        [30, 290],
        [2, 299],
      ],
    });
    // First seen today (snapshot inside the period only): all 50 count.
    const fresh = await paper(db, {
      upvotes: 50,
      publishedAt: hoursAgo(12),
      snapshots: [[11, 3]],
      hfUrl: 'https://huggingface.co/papers/2612.00002',
    });
    const list = await trendingPapers(db, { period: 'daily', now: NOW, limit: 10 });
    expect(list.map((p) => [p.paperId, p.score, p.gained, p.rank])).toEqual([
      [fresh, 50, false, 1],
      [old, 10, true, 2],
    ]);
    // Only a paper with a Hugging Face page has Hugging Face upvotes; an imported one is ours.
    expect(list.map((p) => p.reason)).toEqual(['▲ 50 · #1 on Hugging Face today', '▲ 10 · #2 trending today']);
  });

  it('when papers stay under TRENDING_MIN_UPVOTES in the period, then they are left out, and a quiet day lists nothing', async () => {
    const db = env.database.db;
    await paper(db, { upvotes: 4 });
    await paper(db, { upvotes: 400, publishedAt: hoursAgo(40), snapshots: [[30, 398]] }); // gained 2
    expect(await trendingPapers(db, { period: 'daily', now: NOW, limit: 10, minUpvotes: 5 })).toEqual([]);
    const five = await paper(db, { upvotes: 5 });
    expect(ids(await trendingPapers(db, { period: 'daily', now: NOW, limit: 10, minUpvotes: 5 }))).toEqual([five]);
    expect(await trendingPapers(db, { period: 'daily', now: NOW, limit: 10, minUpvotes: 6 })).toEqual([]);
  });

  it('when two papers have the same upvotes, then the newer one ranks first', async () => {
    const db = env.database.db;
    const older = await paper(db, { upvotes: 20, publishedAt: hoursAgo(20) });
    const newer = await paper(db, { upvotes: 20, publishedAt: hoursAgo(3) });
    const top = await paper(db, { upvotes: 21, publishedAt: hoursAgo(30) });
    expect(ids(await trendingPapers(db, { period: 'daily', now: NOW, limit: 10 }))).toEqual([top, newer, older]);
  });

  it("when papers are older than the period or withdrawn, then only the period's papers are listed (daily: the day's; weekly: the week's)", async () => {
    const db = env.database.db;
    const today = await paper(db, { upvotes: 30 });
    const fourDays = await paper(db, { upvotes: 90, publishedAt: hoursAgo(96) });
    await paper(db, { upvotes: 500, publishedAt: hoursAgo(24 * 20) });
    await paper(db, { upvotes: 80, withdrawn: true });
    expect(ids(await trendingPapers(db, { period: 'daily', now: NOW, limit: 10 }))).toEqual([today]);
    const weekly = await trendingPapers(db, { period: 'weekly', now: NOW, limit: 10 });
    expect(ids(weekly)).toEqual([fourDays, today]);
    expect(weekly[0]!.reason).toBe('▲ 90 · #1 trending this week');
  });

  it('when papers are excluded, then the rest fill the limit and keep their rank in the period', async () => {
    const db = env.database.db;
    const [a, b, c, d] = [
      await paper(db, { upvotes: 40 }),
      await paper(db, { upvotes: 30 }),
      await paper(db, { upvotes: 20 }),
      await paper(db, { upvotes: 10 }),
    ];
    const list = await trendingPapers(db, { period: 'daily', now: NOW, limit: 2, exclude: [a, c] });
    expect(list.map((p) => [p.paperId, p.rank])).toEqual([
      [b, 2],
      [d, 4],
    ]);
  });
});

describe('trendingLookup', () => {
  it('when a build batch asks for many readers, then each period is queried once and every reader gets their own exclusions', async () => {
    const real = env.database.db;
    const [a, b] = [await paper(real, { upvotes: 40 }), await paper(real, { upvotes: 30 })];
    let queries = 0;
    const db = {
      $queryRaw: ((...args: Parameters<Db['$queryRaw']>) => {
        queries += 1;
        return real.$queryRaw(...args);
      }) as Db['$queryRaw'],
    };
    const lookup = trendingLookup(db, { now: NOW, minUpvotes: 5 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => lookup('daily', { limit: 3, exclude: i % 2 ? [a] : [] })),
    );
    await lookup('weekly', { limit: 3 });
    await lookup('weekly', { limit: 3 });
    expect(queries).toBe(2);
    expect(ids(results[0]!)).toEqual([a, b]);
    expect(ids(results[1]!)).toEqual([b]);
  });
});

describe('TrendingCache', () => {
  it("when build batches a few seconds apart ask, then they share each period's list; a batch a minute later queries again", async () => {
    const real = env.database.db;
    const first = await paper(real, { upvotes: 40 });
    let queries = 0;
    const db = {
      $queryRaw: ((...args: Parameters<Db['$queryRaw']>) => {
        queries += 1;
        return real.$queryRaw(...args);
      }) as Db['$queryRaw'],
    };
    const cache = new TrendingCache(60_000);
    const at = (seconds: number) => cache.lookup(db, { now: new Date(NOW.getTime() + seconds * 1000), minUpvotes: 5 });
    expect(ids(await at(0)('daily', { limit: 5 }))).toEqual([first]);
    const second = await paper(real, { upvotes: 90 });
    expect(ids(await at(30)('daily', { limit: 5 }))).toEqual([first]);
    expect(queries).toBe(1);
    expect(ids(await at(30)('weekly', { limit: 5 }))).toEqual([second, first]);
    expect(ids(await at(91)('daily', { limit: 5 }))).toEqual([second, first]);
    expect(queries).toBe(3);
  });
});

describe('rankTrending', () => {
  it('when upvotes were corrected downwards since the snapshot, then the paper gained nothing and is not listed', () => {
    const at = hoursAgo(5);
    const list = rankTrending(
      [
        { paperId: 1, upvotes: 1_200, baselineUpvotes: 1_300, publishedAt: at, onHub: true },
        { paperId: 2, upvotes: 1_238, baselineUpvotes: null, publishedAt: at, onHub: true },
      ],
      { period: 'daily', minUpvotes: 0 },
    );
    expect(list.map((p) => [p.paperId, p.reason])).toEqual([[2, '▲ 1,238 · #1 on Hugging Face today']]);
  });
});
