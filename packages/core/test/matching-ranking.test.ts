import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { normalizeTopic } from '@paperboy/matching';
import {
  loadRankablePapers,
  matchNewPapers,
  MatchWindow,
  rankedPapersForReaders,
  readerBatches,
  type MatchingDeps,
  type ReaderDigest,
  type ReaderTopics,
} from '../src/matches';
import { rankEveryReader } from '../src/testing';
import { daysAgo, makePaper, makeReader, markDelivered, NOW } from './matching.factory';

let database: TestDatabase;
let deps: MatchingDeps;
const paper: Record<string, number> = {};
const reader: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, now: () => NOW, config: { MATCH_WINDOW_DAYS: 14, DIGEST_MAX_PAPERS: 10 } };
  const db = database.db;
  reader.ada = await makeReader(db, ['Diffusion Models']);
  reader.bob = await makeReader(db, ['diffusion models', 'RLHF']);
  reader.cy = await makeReader(db, ['reward models']);
  paper.diffusion = await makePaper(db, { title: 'Denoising diffusion models for image synthesis', upvotes: 5 });
  paper.dti = await makePaper(db, {
    title: 'Diffusion tensor imaging of white matter',
    abstract: 'Tractography models.',
  });
  paper.both = await makePaper(db, { title: 'Diffusion models aligned with RLHF', upvotes: 5 });
  paper.old = await makePaper(db, { title: 'Latent diffusion models', publishedAt: daysAgo(40), upvotes: 500 });
  paper.prm = await makePaper(db, { title: 'Process reward models', abstract: 'Reward models that grade each step.' });
  await matchNewPapers(deps, Object.values(paper));
});
afterAll(() => database.drop());

const papersOf = (digests: ReaderDigest[], id: number) => digests.find((d) => d.subscriberId === id)?.papers ?? [];

describe('rankedPapersForReaders', () => {
  it('when a reader follows "diffusion models", then they get the diffusion papers with reasons in their words, not diffusion tensor imaging', async () => {
    const [ada] = await rankedPapersForReaders(deps, [reader.ada as number]);
    const ids = ada?.papers.map((p) => p.paperId);
    expect(ids).toEqual(expect.arrayContaining([paper.diffusion, paper.both]));
    expect(ids).not.toContain(paper.dti);
    expect(ids).not.toContain(paper.old); // outside the 14-day window
    expect(ada?.papers[0]).toMatchObject({
      topic: 'Diffusion Models',
      topicKey: normalizeTopic('diffusion models').key,
    });
    expect(ada?.papers[0]?.reason).toMatch(
      /^Because you follow Diffusion Models: '(D|d)iffusion models' in the title$/,
    );
  });

  it("when a paper matches two of the reader's topics, then it ranks first with both reasons", async () => {
    const [bob] = await rankedPapersForReaders(deps, [reader.bob as number]);
    expect(bob?.papers[0]?.paperId).toBe(paper.both);
    expect(bob?.papers[0]?.reasons.map((r) => r.topic).sort()).toEqual(['RLHF', 'diffusion models']);
  });

  it('when a reader already received a paper, then it is never ranked for them again', async () => {
    const other = await makeReader(database.db, ['diffusion models']);
    await markDelivered(database.db, other, [paper.both as number]);
    const [digest] = await rankedPapersForReaders(deps, [other]);
    expect(digest?.papers.map((p) => p.paperId)).toEqual([paper.diffusion]);
  });

  it('when the cap or the window is given, then at most cap papers from that window come back', async () => {
    const [capped] = await rankedPapersForReaders(deps, [reader.ada as number], { cap: 1 });
    expect(capped?.papers).toHaveLength(1);
    const [wide] = await rankedPapersForReaders(deps, [reader.ada as number], { windowDays: 60 });
    expect(wide?.papers.map((p) => p.paperId)).toContain(paper.old);
    const one = await rankedPapersForReaders({ ...deps, config: { ...deps.config, DIGEST_MAX_PAPERS: 1 } }, [
      reader.bob as number,
    ]);
    expect(one[0]?.papers).toHaveLength(1);
  });

  it('when readers have no topics or ids are invalid, then they get empty digests or a clear error', async () => {
    const none = await makeReader(database.db, []);
    expect(await rankedPapersForReaders(deps, [none])).toEqual([{ subscriberId: none, papers: [] }]);
    expect(await rankedPapersForReaders(deps, [])).toEqual([]);
    await expect(rankedPapersForReaders(deps, [-1])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(rankedPapersForReaders(deps, [reader.ada as number], { cap: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('batching', () => {
  it('when many readers are ranked in batches or through a run-wide window, then each gets what ranking them one at a time gives', async () => {
    const topics = ['diffusion models', 'RLHF', 'reward models', 'image synthesis', 'white matter', 'LLM agents'];
    const extra: number[] = [];
    for (let i = 0; i < 30; i += 1)
      extra.push(
        await makeReader(
          database.db,
          topics.filter((_, t) => (i >> t) % 2 === 1 || t === i % 6),
        ),
      );
    await markDelivered(database.db, extra[3] as number, [paper.diffusion as number]);
    const all = [reader.ada, reader.bob, reader.cy, ...extra] as number[];
    const oneByOne: ReaderDigest[] = [];
    for (const id of all) oneByOne.push(...(await rankedPapersForReaders(deps, [id])));
    expect(await rankedPapersForReaders(deps, all)).toEqual(oneByOne);
    const window = await MatchWindow.load(deps);
    const streamed: ReaderDigest[] = [];
    for await (const batch of readerBatches(database.db, { batchSize: 7 })) {
      streamed.push(...(await rankedPapersForReaders(deps, batch, { window })));
    }
    for (const id of all) expect(papersOf(streamed, id)).toEqual(papersOf(oneByOne, id));
    const run: ReaderDigest[] = [];
    const stats = await rankEveryReader(deps, (digests) => void run.push(...digests), { batchSize: 5 });
    expect(run).toEqual(streamed);
    expect(stats).toMatchObject({ readers: streamed.length, batches: Math.ceil(streamed.length / 5) });
    expect(oneByOne.filter((d) => d.papers.length > 0).length).toBeGreaterThan(20);
  });
});

describe('readerBatches', () => {
  it('when readers are streamed, then each reader of the statuses comes once, in id order, with their wording and (on request) what they received', async () => {
    const db = database.db;
    const pending = await makeReader(db, ['Graph Neural Networks'], 'pending');
    const seen: ReaderTopics[] = [];
    for await (const batch of readerBatches(db, {
      batchSize: 4,
      statuses: ['active', 'pending'],
      deliveredSince: daysAgo(14),
    }))
      seen.push(...batch);
    const ids = seen.map((r) => r.subscriberId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.find((r) => r.subscriberId === pending)).toEqual({
      subscriberId: pending,
      topics: [{ key: normalizeTopic('graph neural networks').key, label: 'Graph Neural Networks' }],
      delivered: [],
    });
    expect(seen.find((r) => r.subscriberId === reader.bob)?.topics.map((t) => t.label)).toEqual([
      'diffusion models',
      'RLHF',
    ]);
    const resumed: number[] = [];
    for await (const batch of readerBatches(db, { batchSize: 4, afterId: reader.bob as number }))
      resumed.push(...batch.map((r) => r.subscriberId));
    expect(resumed[0]).toBe(reader.cy);
    expect(resumed).not.toContain(pending);
  });
});

describe('trending signals', () => {
  it('when a paper has snapshots, then growth is the upvotes gained since the last snapshot a day old (or the first one)', async () => {
    const db = database.db;
    const a = await makePaper(db, { title: 'A', upvotes: 25 });
    const b = await makePaper(db, { title: 'B', upvotes: 9 });
    const c = await makePaper(db, { title: 'C', upvotes: 3 });
    const hours = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    await db.paperSignal.createMany({
      data: [
        { paperId: a, upvotes: 10, observedAt: hours(48) },
        { paperId: a, upvotes: 12, observedAt: hours(30) },
        { paperId: a, upvotes: 20, observedAt: hours(1) },
        { paperId: b, upvotes: 5, observedAt: hours(2) },
      ],
    });
    const got = await loadRankablePapers(db, [a, b, c], NOW);
    expect([a, b, c].map((id) => got.get(id)?.upvoteGrowth)).toEqual([13, 4, 0]);
  });
});
