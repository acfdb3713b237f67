// Composition: every followed topic with matches gets places, near-duplicates take one, the
// order inside a section is the card's (upvotes, growth, date), quiet topics are named.
import { reasonText } from '../match/reason';
import { NOW, daysAgo } from '../testing/paper.factory';
import type { RankablePaper } from '../types';
import { composeDigest, type ComposeCandidate } from './compose-digest';
import { jaccard, nearDuplicateGroups, titleWords } from './title-similarity';

let nextId = 1;
function paper(fields: Partial<RankablePaper> = {}): RankablePaper {
  return {
    id: nextId++,
    upvotes: 0,
    upvoteGrowth: 0,
    publishedAt: NOW,
    title: `Unrelated study number ${nextId}`,
    ...fields,
  };
}
function candidates(topic: string, papers: RankablePaper[], top = 10): ComposeCandidate[] {
  return papers.map((p, i) => ({
    paperId: p.id,
    score: top - i * 0.1,
    paper: p,
    reason: { topic, matched: [topic], field: 'title', text: reasonText(topic, [topic], 'title') },
  }));
}
const t = (key: string, label = key) => ({ key, label });

describe('composeDigest', () => {
  it('when one topic has many strong matches and two others have few weaker ones, then each topic with matches gets places', () => {
    const busy = Array.from({ length: 12 }, () => paper({ upvotes: 100 }));
    const agents = [paper(), paper()];
    const rag = [paper()];
    const lists = new Map([
      ['rlhf', candidates('rlhf', busy, 50)],
      ['agents', candidates('agents', agents, 2)],
      ['rag', candidates('rag', rag, 1)],
    ]);
    const digest = composeDigest({
      topics: [t('rlhf', 'RLHF'), t('agents'), t('rag', 'RAG')],
      candidates: lists,
      cap: 10,
    });
    expect(digest.sections.map((s) => [s.label, s.papers.length])).toEqual([
      ['RLHF', 7],
      ['agents', 2],
      ['RAG', 1],
    ]);
    expect(digest.papers).toHaveLength(10);
    expect(digest.quiet).toEqual([]);
  });

  it('when the cap is smaller than the topics with matches, then the topics with the strongest heads come first, one place each', () => {
    const lists = new Map([
      ['a', candidates('a', [paper(), paper()], 1)],
      ['b', candidates('b', [paper(), paper()], 9)],
      ['c', candidates('c', [paper(), paper()], 5)],
    ]);
    const digest = composeDigest({ topics: [t('a'), t('b'), t('c')], candidates: lists, cap: 2 });
    expect(digest.sections.map((s) => [s.topicKey, s.papers.length])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('when a followed topic has no candidate, or only papers already received, then it is listed as quiet and has no section', () => {
    const seen = paper();
    const lists = new Map([
      ['a', candidates('a', [paper()])],
      ['b', candidates('b', [seen])],
    ]);
    const digest = composeDigest({
      topics: [t('a'), t('b'), t('c', 'Legal NLP')],
      candidates: lists,
      cap: 10,
      exclude: [seen.id],
    });
    expect(digest.sections.map((s) => s.topicKey)).toEqual(['a']);
    expect(digest.quiet.map((q) => q.label)).toEqual(['b', 'Legal NLP']);
  });

  it('when two candidates are near-duplicates (same title words), then only the first is kept and the second topic shows as also matched', () => {
    const original = paper({ title: 'Robust RLHF via Reward Model Ensembles' });
    const repost = paper({ title: 'Robust RLHF via reward-model ensembles' });
    const other = paper({ title: 'Reward models for code review' });
    const lists = new Map([
      ['rlhf', candidates('rlhf', [original], 9)],
      ['rm', candidates('rm', [repost, other], 5)],
    ]);
    const digest = composeDigest({ topics: [t('rlhf'), t('rm', 'reward models')], candidates: lists, cap: 10 });
    expect(digest.papers.map((p) => p.paperId)).toEqual([original.id, other.id]);
    expect(digest.papers[0]!.also).toEqual(['reward models']);
  });

  it('when titles only share a topic phrase, then both papers stay (not near-duplicates)', () => {
    expect(
      jaccard(titleWords('Efficient Video Diffusion Models'), titleWords('Efficient Image Diffusion Models')),
    ).toBeLessThan(0.7);
    const a = paper({ title: 'Efficient Video Diffusion Models' });
    const b = paper({ title: 'Efficient Image Diffusion Models' });
    const digest = composeDigest({ topics: [t('d')], candidates: new Map([['d', candidates('d', [a, b])]]), cap: 10 });
    expect(digest.papers).toHaveLength(2);
  });

  it('when a paper matches two followed topics, then it appears once, in one section, naming the other topic', () => {
    const both = paper({ upvotes: 40 });
    const lists = new Map([
      ['a', candidates('a', [both, paper()], 9)],
      ['b', candidates('b', [both, paper()], 8)],
    ]);
    const digest = composeDigest({ topics: [t('a', 'A'), t('b', 'B')], candidates: lists, cap: 10 });
    expect(digest.papers.filter((p) => p.paperId === both.id)).toHaveLength(1);
    expect(digest.papers.find((p) => p.paperId === both.id)).toMatchObject({ topicKey: 'a', also: ['B'] });
    expect(digest.papers).toHaveLength(3);
  });

  it('when a section is shown, then its papers are ordered by upvotes, then upvotes gained, then date, whatever their relevance', () => {
    const small = paper({ upvotes: 2 });
    const big = paper({ upvotes: 102 });
    const risingOld = paper({ upvotes: 30, upvoteGrowth: 12, publishedAt: daysAgo(3) });
    const flatNew = paper({ upvotes: 30, upvoteGrowth: 0 });
    const zeroNew = paper({ upvotes: 0, publishedAt: NOW });
    const zeroOld = paper({ upvotes: 0, publishedAt: daysAgo(2) });
    const digest = composeDigest({
      topics: [t('a')],
      candidates: new Map([['a', candidates('a', [small, zeroOld, flatNew, big, zeroNew, risingOld])]]),
      cap: 10,
    });
    expect(digest.papers.map((p) => p.paperId)).toEqual([
      big.id,
      risingOld.id,
      flatNew.id,
      small.id,
      zeroNew.id,
      zeroOld.id,
    ]);
  });

  it('when the reader typed their own wording, then the reason is told with it', () => {
    const digest = composeDigest({
      topics: [t('reward model', 'Reward Models')],
      candidates: new Map([['reward model', candidates('reward model', [paper()])]]),
      cap: 3,
    });
    expect(digest.papers[0]!.reason).toMatchObject({
      topic: 'Reward Models',
      text: expect.stringContaining('Because you follow Reward Models:'),
    });
  });

  it('when a fast lookup is given, then papers further down another topic list are still named as also matching it', () => {
    const shared = paper();
    const filler = Array.from({ length: 5 }, () => paper());
    const lists = new Map([
      ['a', candidates('a', [shared], 9)],
      ['b', candidates('b', [...filler, shared], 1)],
    ]);
    const digest = composeDigest({
      topics: [t('a'), t('b')],
      candidates: lists,
      cap: 2,
      matches: (key, id) => (lists.get(key) ?? []).some((c) => c.paperId === id),
    });
    expect(digest.papers.find((p) => p.paperId === shared.id)!.also).toEqual(['b']);
  });

  it('when the cap is not a positive integer, then it throws', () => {
    expect(() => composeDigest({ topics: [], candidates: new Map(), cap: 0 })).toThrow(RangeError);
  });
});

describe('nearDuplicateGroups', () => {
  it('when papers share most title words, then they form one group, transitively; others stay alone', () => {
    const a = paper({ title: 'Robust RLHF via Reward Model Ensembles' });
    const b = paper({ title: 'Robust RLHF via reward-model ensembles' });
    const c = paper({ title: 'Robust RLHF via reward model ensembles (extended)' });
    const d = paper({ title: 'Reward models for code review' });
    const e = paper({ title: undefined });
    const groups = nearDuplicateGroups([a, b, c, d, e]);
    expect([groups.get(a.id), groups.get(b.id), groups.get(c.id)]).toEqual([a.id, a.id, a.id]);
    expect([groups.get(d.id), groups.get(e.id)]).toEqual([d.id, e.id]);
  });

  it('when candidates carry their group, then a digest keeps one paper per group without comparing titles', () => {
    const a = paper({ title: 'One' });
    const b = paper({ title: 'Two' });
    const lists = new Map([['x', candidates('x', [a, b]).map((c) => ({ ...c, work: 7 }))]]);
    expect(composeDigest({ topics: [t('x')], candidates: lists, cap: 5 }).papers.map((p) => p.paperId)).toEqual([a.id]);
  });
});
