import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { normalizeTopic } from '@paperboy/matching';
import { AppError } from '../src/errors';
import {
  followedTopicKeys,
  matchNewPapers,
  matchTopicAgainstRecentPapers,
  refreshRecentMatches,
  rekeyStoredTopics,
  TopicIndexCache,
  type MatchingDeps,
} from '../src/matches';
import { daysAgo, makePaper, makeReader, matchRows, NOW } from './matching.factory';

let database: TestDatabase;
let deps: MatchingDeps;
const key = (raw: string) => normalizeTopic(raw).key;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, now: () => NOW, config: { MATCH_WINDOW_DAYS: 14 } };
  const db = database.db;
  await makeReader(db, ['Diffusion Models']);
  await makeReader(db, ['diffusion models', 'RLHF'], 'pending');
  await makeReader(db, ['quantum error correction'], 'unsubscribed');
  ids.diffusion = await makePaper(db, { title: 'Denoising diffusion models for high-resolution image synthesis' });
  ids.dti = await makePaper(db, {
    title: 'Diffusion tensor imaging of white matter',
    abstract: 'Tractography models of the brain.',
  });
  ids.rlhf = await makePaper(db, {
    title: 'Aligning chat assistants',
    abstract: 'We study reinforcement learning from human feedback at scale.',
  });
  ids.quantum = await makePaper(db, { title: 'Quantum error correction with surface codes' });
});
afterAll(() => database.drop());

describe('matchNewPapers', () => {
  it('when keys are followed by active, pending and unsubscribed readers, then only active/pending keys are listed, once each', async () => {
    expect((await followedTopicKeys(database.db)).sort()).toEqual([key('diffusion models'), key('RLHF')].sort());
  });

  it('when new papers arrive, then each (paper, topic key) match is stored once with its score and reason', async () => {
    const cache = new TopicIndexCache();
    const result = await matchNewPapers(deps, Object.values(ids), { indexCache: cache });
    expect(result).toMatchObject({ papers: 4, topics: 2, matches: 2, removed: 0, invalidKeys: [] });
    const rows = await matchRows(database.db);
    expect(rows.map((r) => [r.paperId, r.topicKey])).toEqual([
      [ids.diffusion, key('diffusion models')],
      [ids.rlhf, key('RLHF')],
    ]);
    const reason = rows[0]?.reason as { matched: string[]; field: string; text: string };
    expect(reason.field).toBe('title');
    expect(reason.matched).toEqual(['diffusion models']);
    expect(reason.text).toMatch(/'diffusion models' in the title/);
    expect(rows[0]?.score).toBeGreaterThan(0);
  });

  it('when the same job runs again, then the same rows are stored once and the index is not rebuilt', async () => {
    const cache = new TopicIndexCache();
    await matchNewPapers(deps, Object.values(ids), { indexCache: cache });
    const before = await matchRows(database.db);
    const again = await matchNewPapers(deps, [...Object.values(ids), ids.diffusion as number], { indexCache: cache });
    expect(again.matches).toBe(2);
    expect(await matchRows(database.db)).toEqual(before);
    expect(cache.builds).toBe(1);
  });

  it('when a reader follows a new topic, then the index is rebuilt and the next run matches it', async () => {
    const cache = new TopicIndexCache();
    await matchNewPapers(deps, [ids.quantum as number], { indexCache: cache });
    const reader = await makeReader(database.db, ['Quantum error correction']);
    const result = await matchNewPapers(deps, [ids.quantum as number], { indexCache: cache });
    expect(cache.builds).toBe(2);
    expect(result.matches).toBe(1);
    await database.db.subscriber.delete({ where: { id: reader } });
    await database.db.match.deleteMany({ where: { paperId: ids.quantum as number } });
  });

  it('when a paper no longer matches on a re-run, then its stale match is removed', async () => {
    const paper = await makePaper(database.db, { title: 'Latent diffusion models' });
    await matchNewPapers(deps, [paper]);
    expect(await database.db.match.count({ where: { paperId: paper } })).toBe(1);
    await database.db.paper.update({ where: { id: paper }, data: { title: 'Latent variable methods' } });
    const result = await matchNewPapers(deps, [paper]);
    expect(result.removed).toBe(1);
    expect(await database.db.match.count({ where: { paperId: paper } })).toBe(0);
  });

  it('when a stored key is not canonical, then it is reported and the other keys are still matched', async () => {
    const reader = await makeReader(database.db, []);
    await database.db.topic.create({ data: { subscriberId: reader, raw: 'Bad', key: 'model & diffusion' } });
    const result = await matchNewPapers(deps, [ids.diffusion as number]);
    expect(result.invalidKeys).toEqual(['model & diffusion']);
    expect(result.matches).toBe(1);
    await database.db.subscriber.delete({ where: { id: reader } });
  });

  it('when ids are invalid or unknown, then bad ids fail permanently and unknown ones are skipped', async () => {
    await expect(matchNewPapers(deps, [0])).rejects.toMatchObject({ code: 'invalid_input', retryable: false });
    await expect(matchNewPapers(deps, 'x' as never)).rejects.toBeInstanceOf(AppError);
    expect(await matchNewPapers(deps, [999_999])).toMatchObject({ papers: 0, matches: 0 });
  });
});

describe('matchTopicAgainstRecentPapers', () => {
  it('when a reader adds a brand-new topic, then recent papers are matched for it and older ones are not', async () => {
    const recent = await makePaper(database.db, { title: 'Process reward models for math', publishedAt: daysAgo(3) });
    const old = await makePaper(database.db, { title: 'Reward models revisited', publishedAt: daysAgo(30) });
    const result = await matchTopicAgainstRecentPapers(deps, key('reward models'));
    expect(result.matches).toBe(1);
    const rows = await database.db.match.findMany({ where: { topicKey: key('reward models') } });
    expect(rows.map((r) => r.paperId)).toEqual([recent]);
    expect(rows.map((r) => r.paperId)).not.toContain(old);
    const rerun = await matchTopicAgainstRecentPapers(deps, key('reward models'));
    expect(rerun.matches).toBe(1);
    expect(await database.db.match.count({ where: { topicKey: key('reward models') } })).toBe(1);
    expect((await matchTopicAgainstRecentPapers(deps, key('reward models'), 60)).matches).toBe(2);
  });

  it('when the key is not in canonical form, then it fails as invalid input', async () => {
    await expect(matchTopicAgainstRecentPapers(deps, 'reward model & ')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(matchTopicAgainstRecentPapers(deps, 'reward model | diffusion model')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('refreshRecentMatches', () => {
  it("when the stored matches of the window are an older matcher's, then a refresh makes them what the matcher finds now and leaves older papers alone", async () => {
    const db = database.db;
    const missed = await makePaper(db, { title: 'Consistency training for diffusion models', publishedAt: daysAgo(2) });
    const wrong = await makePaper(db, {
      title: 'Diffusion MRI tractography atlases',
      abstract: 'White matter bundles from diffusion tensor imaging.',
      publishedAt: daysAgo(2),
    });
    const outside = await makePaper(db, { title: 'Diffusion MRI in stroke', publishedAt: daysAgo(40) });
    // As an older matcher left them: one paper missed, one matched in another sense, in and out of the window.
    const stale = { topicKey: key('diffusion models'), score: 1, reason: { text: 'older matcher' } };
    await db.match.createMany({
      data: [
        { ...stale, paperId: wrong },
        { ...stale, paperId: outside },
      ],
    });

    const progress: number[] = [];
    const result = await refreshRecentMatches(deps, { onChunk: (sofar) => progress.push(sofar.papers) });

    const rows = async (paperId: number) => (await db.match.findMany({ where: { paperId } })).map((m) => m.topicKey);
    expect(await rows(missed)).toEqual([key('diffusion models')]);
    expect(await rows(wrong)).toEqual([]);
    expect(await rows(outside)).toEqual([key('diffusion models')]);
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toBe(result.papers);
    expect(result.papers).toBe(await db.paper.count({ where: { publishedAt: { gte: daysAgo(14) } } }));
  });

  it('when the window is not a whole number of days from 1, then it fails as invalid input', async () => {
    await expect(refreshRecentMatches(deps, { sinceDays: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(refreshRecentMatches(deps, { sinceDays: 1.5 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('when it runs again, then it writes the same rows and removes nothing', async () => {
    const before = await database.db.match.count();
    const again = await refreshRecentMatches(deps);
    expect(again.removed).toBe(0);
    expect(await database.db.match.count()).toBe(before);
  });
});

describe('rekeyStoredTopics', () => {
  it('when stored keys are an older reading of the words, then each topic gets the key its words make now, and a reader left with two of one key keeps one', async () => {
    const db = database.db;
    const typed = 'reinforcement learning from human feedback (RLHF)';
    // As an older version keyed them: the bracket read as more words.
    const one = await makeReader(db, ['diffusion models']);
    await db.topic.create({ data: { subscriberId: one, raw: typed, key: 'RLHF RLHF' } });
    const both = await makeReader(db, ['RLHF']);
    await db.topic.create({ data: { subscriberId: both, raw: typed, key: 'RLHF RLHF', muted: true } });
    // Two old readings of one reader that meet on one key now, in one batch.
    const twice = await makeReader(db, []);
    await db.topic.create({ data: { subscriberId: twice, raw: typed, key: 'RLHF RLHF' } });
    await db.topic.create({
      data: { subscriberId: twice, raw: 'RLHF (reinforcement learning from human feedback)', key: 'RLHF  RLHF' },
    });
    // Keys that swap: each row's new key is the other's old one.
    const swap = await makeReader(db, []);
    await db.topic.create({ data: { subscriberId: swap, raw: 'diffusion models', key: key('RLHF') } });
    await db.topic.create({ data: { subscriberId: swap, raw: 'RLHF', key: key('diffusion models') } });
    const unreadable = await makeReader(db, []);
    await db.topic.create({ data: { subscriberId: unreadable, raw: 'the of and', key: 'kept as it was' } });

    const result = await rekeyStoredTopics({ db }, { batchSize: 3 });

    const keysOf = async (id: number) =>
      (await db.topic.findMany({ where: { subscriberId: id }, orderBy: { id: 'asc' } })).map((t) => [
        t.raw,
        t.key,
        t.muted,
      ]);
    expect(await keysOf(one)).toEqual([
      ['diffusion models', key('diffusion models'), false],
      [typed, key('RLHF'), false],
    ]);
    // The reader's own "RLHF" stays, with its settings; the duplicate goes.
    expect(await keysOf(both)).toEqual([['RLHF', key('RLHF'), false]]);
    expect(await keysOf(twice)).toEqual([[typed, key('RLHF'), false]]);
    expect(await keysOf(swap)).toEqual([
      ['diffusion models', key('diffusion models'), false],
      ['RLHF', key('RLHF'), false],
    ]);
    expect(await keysOf(unreadable)).toEqual([['the of and', 'kept as it was', false]]);
    expect(result).toMatchObject({ rekeyed: 4, merged: 2, unreadable: ['the of and'] });
    expect(await rekeyStoredTopics({ db })).toMatchObject({ rekeyed: 0, merged: 0 });
  });
});
