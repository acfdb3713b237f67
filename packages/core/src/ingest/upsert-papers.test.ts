import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { makePaper } from '../../test/paper.factory';
import { upsertPapers } from './upsert-papers';
import { pruneSignals, upvoteGrowth } from './ingest.store';

let database: TestDatabase;
const t0 = new Date('2026-11-27T10:00:00Z');
const hoursLater = (h: number) => new Date(t0.getTime() + h * 3600_000);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.db.paper.deleteMany();
});

describe('upsertPapers', () => {
  it('when a batch is stored twice, then rows are not duplicated and the second pass reports them unchanged', async () => {
    const batch = [makePaper(1), makePaper(2), makePaper(3)];
    const first = await upsertPapers(database.db, batch, { now: t0 });
    const second = await upsertPapers(database.db, batch, { now: hoursLater(1) });
    expect(first.insertedIds).toHaveLength(3);
    expect(second).toMatchObject({ insertedIds: [], updatedIds: [], unchanged: 3, signalsAdded: 0 });
    expect(await database.db.paper.count()).toBe(3);
    const stored = await database.db.paper.findUniqueOrThrow({ where: { sourceId: batch[0]!.sourceId } });
    expect(stored.updatedAt).toEqual(t0);
  });

  it('when upvotes change, then the row is updated and a signal snapshot is appended', async () => {
    await upsertPapers(database.db, [makePaper(1, { upvotes: 5 })], { now: t0 });
    const result = await upsertPapers(database.db, [makePaper(1, { upvotes: 9, numComments: 2 })], {
      now: hoursLater(2),
    });
    expect(result).toMatchObject({ insertedIds: [], unchanged: 0, signalsAdded: 1 });
    expect(result.updatedIds).toHaveLength(1);
    const paper = await database.db.paper.findFirstOrThrow({
      include: { signals: { orderBy: { observedAt: 'asc' } } },
    });
    expect(paper).toMatchObject({ upvotes: 9, numComments: 2 });
    expect(paper.signals.map((s) => [s.upvotes, s.observedAt])).toEqual([
      [5, t0],
      [9, hoursLater(2)],
    ]);
  });

  it('when the same paper comes from two sources, then it is one row with both sources and the richer fields kept', async () => {
    const hf = makePaper(1, {
      source: 'hf-daily',
      upvotes: 40,
      githubRepo: 'https://github.com/a/b',
      hfUrl: 'https://huggingface.co/papers/x',
    });
    await upsertPapers(database.db, [hf], { now: t0 });
    // arXiv has no upvotes nor HF links: they must survive its record.
    const arxiv = makePaper(1, {
      source: 'arxiv',
      upvotes: 0,
      githubRepo: null,
      hfUrl: null,
      title: 'Paper number 1 (v2 title)',
      publishedAt: new Date('2026-11-21T00:00:00Z'),
    });
    const result = await upsertPapers(database.db, [arxiv], { now: hoursLater(1), refreshSignals: false });
    expect(result.signalsAdded).toBe(0);
    const paper = await database.db.paper.findFirstOrThrow();
    expect(paper).toMatchObject({
      sources: ['arxiv', 'hf-daily'],
      upvotes: 40,
      githubRepo: hf.githubRepo,
      hfUrl: hf.hfUrl,
      title: 'Paper number 1 (v2 title)',
      publishedAt: new Date('2026-11-20T00:00:00Z'),
    });
  });

  it('when a batch names one paper twice, then it is stored once with the last record and both sources', async () => {
    const result = await upsertPapers(
      database.db,
      [makePaper(1, { upvotes: 1, source: 'a' }), makePaper(1, { upvotes: 2, source: 'b' })],
      { now: t0 },
    );
    expect(result.insertedIds).toHaveLength(1);
    expect(await database.db.paper.findFirstOrThrow()).toMatchObject({ upvotes: 2, sources: ['a', 'b'] });
  });

  it('when text holds quotes, backslashes and unicode, then it is stored exactly', async () => {
    const title = `It's "quoted" \\ back\\slash — ünïcödé ${'$'}1 '); DROP TABLE "Paper"; --`;
    await upsertPapers(database.db, [makePaper(1, { title, authors: ['O\'Brien, "Jr"'], keywords: [] })], { now: t0 });
    expect(await database.db.paper.findFirstOrThrow()).toMatchObject({
      title,
      authors: ['O\'Brien, "Jr"'],
      keywords: [],
    });
  });
});

describe('upvoteGrowth', () => {
  it('when a paper gained upvotes within the window, then growth counts only the gain since the window start', async () => {
    const [a, b, c] = [makePaper(1, { upvotes: 10 }), makePaper(2, { upvotes: 300 }), makePaper(3, { upvotes: 7 })];
    await upsertPapers(database.db, [a, c], { now: t0 });
    await upsertPapers(database.db, [{ ...a, upvotes: 20 }], { now: hoursLater(10) });
    await upsertPapers(database.db, [b], { now: hoursLater(30) });
    await upsertPapers(
      database.db,
      [
        { ...a, upvotes: 50 },
        { ...b, upvotes: 320 },
      ],
      { now: hoursLater(32) },
    );
    const ids = await database.db.paper.findMany({ select: { id: true, sourceId: true } });
    const id = (p: { sourceId: string }) => ids.find((r) => r.sourceId === p.sourceId)!.id;
    const growth = await upvoteGrowth(database.db, [id(a), id(b), id(c), 999_999], { now: hoursLater(34), hours: 24 });
    // a: 20 at the window start (t0+10h) → 50; b: first met inside the window at 300 → 320; c: no change.
    expect(Object.fromEntries(growth)).toEqual({ [id(a)]: 30, [id(b)]: 20, [id(c)]: 0 });
  });
});

describe('pruneSignals', () => {
  it('when snapshots are older than the kept days, then all but the latest one before the cutoff are deleted', async () => {
    const a = makePaper(1, { upvotes: 1 });
    for (const [h, upvotes] of [
      [0, 1],
      [24, 5],
      [48, 9],
      [24 * 9, 12],
      [24 * 10, 15],
    ] as const) {
      await upsertPapers(database.db, [{ ...a, upvotes }], { now: hoursLater(h) });
    }
    const deleted = await pruneSignals(database.db, 7, hoursLater(24 * 10));
    expect(deleted).toBe(2);
    const left = await database.db.paperSignal.findMany({ orderBy: { observedAt: 'asc' } });
    expect(left.map((s) => s.upvotes)).toEqual([9, 12, 15]);
  });
});
