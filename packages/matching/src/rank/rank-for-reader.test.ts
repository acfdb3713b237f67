import { buildTopicIndex } from '../match/topic-index';
import { matchPapers } from '../match/match-papers';
import { daysAgo, makePaper, NOW } from '../testing/paper.factory';
import type { MatchablePaper, ReaderTopic } from '../types';
import { rankForReader } from './rank-for-reader';

const TOPICS = ['reward models', 'RLHF', 'diffusion models'];

/** Papers identical in text (so equal relevance) that differ only in their signals. */
const twin = (overrides: Partial<MatchablePaper>): MatchablePaper =>
  makePaper({ title: 'A study', abstract: 'We train reward models.', ...overrides });

function rank(papers: MatchablePaper[], topics: ReaderTopic[], opts: Parameters<typeof rankForReader>[2] = {}) {
  const matches = matchPapers(buildTopicIndex(TOPICS), papers);
  return rankForReader(topics, matches, { now: NOW, ...opts });
}

describe('rankForReader', () => {
  it('when more papers match than the cap, then the digest holds cap papers (10 by default)', () => {
    const papers = Array.from({ length: 15 }, () => twin({}));
    expect(rank(papers, ['reward model'])).toHaveLength(10);
    expect(rank(papers, ['reward model'], { cap: 3 })).toHaveLength(3);
  });

  it('when a paper was already sent to the reader, then it is never in the digest', () => {
    const papers = [twin({ upvotes: 50 }), twin({})];
    const ids = rank(papers, ['reward model'], { exclude: [papers[0]!.id] }).map((r) => r.paperId);
    expect(ids).toEqual([papers[1]!.id]);
  });

  it('when relevance is equal, then the paper with more upvotes ranks first', () => {
    const [quiet, popular] = [twin({ upvotes: 1 }), twin({ upvotes: 80 })];
    expect(rank([quiet, popular], ['reward model']).map((r) => r.paperId)).toEqual([popular.id, quiet.id]);
  });

  it('when upvotes are equal, then the paper gaining upvotes faster ranks first', () => {
    const [steady, rising] = [twin({ upvotes: 20, upvoteGrowth: 0 }), twin({ upvotes: 20, upvoteGrowth: 15 })];
    expect(rank([steady, rising], ['reward model']).map((r) => r.paperId)).toEqual([rising.id, steady.id]);
  });

  it('when everything else is equal, then the newer paper ranks first', () => {
    const [old, fresh] = [twin({ publishedAt: daysAgo(10) }), twin({ publishedAt: daysAgo(1) })];
    expect(rank([old, fresh], ['reward model']).map((r) => r.paperId)).toEqual([fresh.id, old.id]);
  });

  it('when a paper matches two of the reader topics, then it outranks one matching only one', () => {
    const one = twin({});
    const two = twin({ abstract: 'We train reward models with RLHF.' });
    const ranked = rank([one, two], ['reward model', 'RLHF']);
    expect(ranked.map((r) => r.paperId)).toEqual([two.id, one.id]);
    expect(ranked[0]?.reasons.map((r) => r.topic).sort()).toEqual(['RLHF', 'reward models']);
    expect(ranked[0]?.topicKeys.slice().sort()).toEqual(['RLHF', 'reward model']);
  });

  it('when a paper is far more relevant, then it outranks a more popular but marginal one', () => {
    const relevant = makePaper({ title: 'Reward models', abstract: 'Reward models and reward models.', upvotes: 2 });
    const marginal = makePaper({
      title: 'Other',
      abstract:
        'A long abstract about many things that eventually mentions reward models once among other words and more words.',
      upvotes: 30,
    });
    expect(rank([marginal, relevant], ['reward model'])[0]?.paperId).toBe(relevant.id);
  });

  it('when a paper appears twice in one topic list, then it counts once, at its best', () => {
    const [a, b] = [twin({}), twin({})];
    const matches = matchPapers(buildTopicIndex(TOPICS), [a, b]);
    const list = matches.get('reward model')!;
    const doubled = new Map([['reward model', [...list, { ...list[0]!, score: list[0]!.score / 2 }]]]);
    const ranked = rankForReader(['reward model'], doubled, { now: NOW });
    const single = rankForReader(['reward model'], matches, { now: NOW });
    expect(ranked.map((r) => [r.paperId, r.score])).toEqual(single.map((r) => [r.paperId, r.score]));
  });

  it('when the reader gives their own label, then the reason uses it', () => {
    const ranked = rank([twin({})], [{ key: 'reward model', label: 'RMs for alignment' }]);
    expect(ranked[0]?.reasons[0]?.text).toMatch(/^Because you follow RMs for alignment: 'reward models'/);
  });

  it('when no reader topic matched anything, then the digest is empty', () => {
    expect(rank([twin({})], ['diffusion model', 'not a stored key'])).toEqual([]);
  });

  it('when options are invalid, then ranking fails with a clear error', () => {
    expect(() => rank([twin({})], ['reward model'], { cap: 0 })).toThrow(/cap/);
    expect(() => rank([twin({})], ['reward model'], { weights: { halfLifeDays: 0 } })).toThrow(/halfLifeDays/);
  });

  it('when the same matches are ranked with another cap, then the new cap applies', () => {
    const papers = Array.from({ length: 6 }, () => twin({}));
    const matches = matchPapers(buildTopicIndex(TOPICS), papers);
    expect(rankForReader(['reward model'], matches, { now: NOW, cap: 5 })).toHaveLength(5);
    expect(rankForReader(['reward model'], matches, { now: NOW, cap: 2 })).toHaveLength(2);
  });

  it('when readers come with options objects of their own, then only one with another now or cap ranks differently', () => {
    const papers = [twin({}), twin({})];
    const matches = matchPapers(buildTopicIndex(TOPICS), papers);
    const shared = { now: NOW };
    const first = rankForReader(['reward model'], matches, shared)[0]!.score;
    expect(rankForReader(['reward model'], matches, { ...shared, exclude: [papers[0]!.id] })).toHaveLength(1);
    expect(rankForReader(['reward model'], matches, shared)[0]!.score).toBe(first);
    const monthLater = new Date(NOW.getTime() + 30 * 86_400_000);
    expect(rankForReader(['reward model'], matches, { now: monthLater })[0]!.score).toBeLessThan(first);
    expect(rankForReader(['reward model'], matches, { now: NOW, cap: 1 })).toHaveLength(1);
  });
});
