// The learned term associations with the database: the rebuild learns from the stored papers
// of its window, the stored table bounds and replaces, and the match job picks a new table up.
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { DEFAULT_ASSOCIATIONS, DEFAULT_LEARN_OPTIONS, normalizeTopic } from '@paperboy/matching';
import {
  ASSOCIATION_MIN_PAPERS,
  associationPhrases,
  matchNewPapers,
  rebuildAssociations,
  StoredAssociations,
  TopicIndexCache,
  type MatchingDeps,
} from '../src/matches';
import { createPaperPreview } from '../src/subscribers/paper-preview';
import { daysAgo, makePaper, makeReader, NOW } from './matching.factory';

let database: TestDatabase;
let deps: MatchingDeps;
const key = (raw: string) => normalizeTopic(raw).key;
const PHRASE = key('reef monitoring');
// Words only papers on reef monitoring use (the associations to learn), and words they share
// with a few other papers (weaker, so the table has more candidates than it keeps).
const OWN = ['bleaching', 'benthic', 'sonar surveys'];
const SHARED = [
  'turbidity',
  'salinity',
  'sediment',
  'photogrammetry',
  'hydrophone',
  'snorkel',
  'mangrove',
  'seagrass',
  'plankton',
  'tides',
  'lagoon',
  'atoll',
];
const FILLER = [
  'We train transformers for image segmentation and report accuracy on benchmarks.',
  'A language model is fine-tuned with instructions and evaluated on reasoning tasks.',
  'Graph methods for traffic forecasting, compared with recurrent baselines.',
  'Speech encoders pretrained on unlabelled audio improve transcription.',
];

let seq = 0;
function papers(n: number, paper: (i: number) => { title: string; abstract: string }, publishedAt = daysAgo(3)) {
  const first = seq + 1;
  seq += n;
  return Array.from({ length: n }, (_, i) => ({
    sourceId: `bulk-${first + i}`,
    ...paper(i),
    publishedAt,
    sources: ['test'],
  }));
}
// Full stops end clauses, so no word pairs form across them: the terms to learn are exactly the
// OWN words (in every paper on reefs, nowhere else) ahead of the SHARED ones (also elsewhere).
const onReefs = (i: number) => ({
  title: `Reef monitoring ${'I'.repeat(1 + (i % 3))}`,
  abstract: `${OWN.join('. ')}. ${SHARED.join('. ')}.`,
});
const filler = (i: number) => ({
  title: `Study ${i} of learning systems`,
  abstract: `${FILLER[i % FILLER.length]} ${i % 10 === 0 ? SHARED.join('. ') : ''}`,
});

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, now: () => NOW, config: { ASSOCIATION_WINDOW_DAYS: 180 } };
  await makeReader(database.db, ['Reef monitoring', 'RLHF', '"sonar imaging"']);
});
afterAll(() => database.drop());

describe('associationPhrases', () => {
  it('when keys are followed, then the unquoted phrases of two words or more are learned for, each alternative on its own', () => {
    expect(
      associationPhrases([
        key('coral reef monitoring'),
        key('RLHF'),
        key('"sonar imaging"'),
        key('graph transformers | protein design -survey'),
        'not & canonical',
      ]),
    ).toEqual([key('coral reef monitoring'), key('graph transformers'), key('protein design')].sort());
  });
});

describe('rebuildAssociations', () => {
  const associations = new StoredAssociations();
  const cache = new TopicIndexCache();
  let candidate: number;
  /** The candidate's reasons in the subscribe page's preview for the topic (fresh, uncached). */
  const previewed = async () => {
    const preview = await createPaperPreview(database.db, { windowDays: 3650, maxPapers: 1000, show: 50 })(
      ['Reef monitoring'],
      { mode: 'topics' },
    );
    return 'papers' in preview
      ? preview.papers.filter((p) => p.paperId === candidate).map((p) => p.reason)
      : [preview.error];
  };
  const matchCandidate = async () => {
    await matchNewPapers(deps, [candidate], { indexCache: cache, associations });
    return database.db.match.findMany({ where: { paperId: candidate, topicKey: PHRASE }, select: { reason: true } });
  };

  it('when fewer than the minimum of papers fall in the window, then nothing is learned and a stored table is emptied', async () => {
    await database.db.termAssociation.create({ data: { phrase: PHRASE, terms: ['stale'] } });
    // A paper on reefs that never names the topic: matched only through learned associations.
    candidate = await makePaper(database.db, {
      title: 'Bleaching and benthic decline from sonar surveys',
      abstract:
        'Reef bleaching and benthic decline were mapped by sonar surveys. Repeated sonar surveys showed bleaching spreading over benthic cover. ' +
        'In the lagoon, bleaching and benthic change followed what sonar surveys found.',
      publishedAt: daysAgo(1),
    });
    const recent = 20 + 300 + 1;
    await database.db.paper.createMany({
      data: [...papers(20, onReefs), ...papers(300, filler), ...papers(400, filler, daysAgo(200))],
    });
    expect(recent).toBeLessThan(ASSOCIATION_MIN_PAPERS);

    expect(await rebuildAssociations(deps)).toEqual({
      papers: recent,
      phrases: 1,
      stored: 0,
      terms: 0,
      table: 'shipped',
    });
    expect(await database.db.termAssociation.count()).toBe(0);
    expect((await associations.get(database.db)).version).toBe('shipped');
    expect(await matchCandidate()).toEqual([]);
    expect(await previewed()).toEqual([]);
  });

  it('when enough recent papers name a phrase beside words rare elsewhere, then those words are stored for it, at most perPhrase, and old papers are left out', async () => {
    await database.db.paper.createMany({ data: papers(200, filler) });
    const result = await rebuildAssociations(deps);
    expect(result).toEqual({
      papers: 521,
      phrases: 1,
      stored: 1,
      terms: DEFAULT_LEARN_OPTIONS.perPhrase,
      table: 'learned',
    });
    const rows = await database.db.termAssociation.findMany();
    expect(rows.map((r) => r.phrase)).toEqual([PHRASE]);
    const terms = rows[0]!.terms;
    expect(terms).toHaveLength(DEFAULT_LEARN_OPTIONS.perPhrase);
    expect(terms).toEqual(expect.arrayContaining(OWN.map(key)));
    // Words found only beside the phrase rank before words also found elsewhere.
    expect(terms.slice(0, 5)).toEqual(expect.arrayContaining(OWN.map(key)));
    expect(terms.slice(0, 5).some((t) => SHARED.map(key).includes(t))).toBe(false);
    expect(terms.slice(5).every((t) => SHARED.map(key).includes(t))).toBe(true);
    expect(terms.some((t) => /transform|segment|stale/.test(t))).toBe(false);
  });

  it("when the table is rebuilt, then the next match run and the subscribe preview use it: a paper with the topic's word and enough learned terms matches as related", async () => {
    const matched = await matchCandidate();
    expect(matched).toHaveLength(1);
    expect((matched[0]!.reason as { text: string }).text).toMatch(/^Related to/);
    expect(associations.loads).toBe(1);
    // A stored phrase replaces the shipped entry; every other phrase keeps its shipped one.
    const stored = await database.db.termAssociation.findMany();
    expect((await associations.get(database.db)).table).toEqual({
      ...DEFAULT_ASSOCIATIONS,
      [PHRASE]: stored[0]!.terms,
    });
    expect(cache.builds).toBe(2); // once with the shipped table, once with the stored one

    await matchCandidate();
    expect([associations.loads, cache.builds]).toEqual([1, 2]); // unchanged table: nothing reloaded or rebuilt

    // The subscribe page's preview matches with the same table.
    expect(await previewed()).toEqual([expect.stringMatching(/^Related to Reef monitoring/)]);
  });

  it('when no reader follows the phrase any more, then the next rebuild drops its row: the table is replaced, not grown', async () => {
    await database.db.subscriber.updateMany({ data: { status: 'unsubscribed' } });
    expect(await rebuildAssociations(deps)).toMatchObject({ papers: 521, phrases: 0, stored: 0, table: 'shipped' });
    expect(await database.db.termAssociation.count()).toBe(0);
    expect((await associations.get(database.db)).version).toBe('shipped');
  });

  it('when the window is not a positive number of days, then it is refused', async () => {
    await expect(rebuildAssociations(deps, { windowDays: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
