// The fast ranker reads only the heads of per-topic lists; the naive one checks every paper
// against every topic. On random data with long, overlapping lists they must agree exactly.
import { buildTopicIndex } from '../match/topic-index';
import { matchPapers } from '../match/match-papers';
import { NaiveRanker } from '../naive/naive-ranker';
import { NOW, daysAgo, makePaper } from '../testing/paper.factory';
import { pickOne, seeded } from '../seeded-random';
import { DigestRanker } from './digest-ranker';

const TOPICS = [
  'reward models',
  'RLHF',
  'diffusion models',
  'LLM agents',
  'RAG',
  'MoE',
  'GRPO OR PPO',
  'benchmarks -survey',
];
const PHRASES = [
  'reward models',
  'RLHF',
  'diffusion models',
  'LLM agents',
  'retrieval-augmented generation',
  'MoE',
  'GRPO',
  'PPO',
  'benchmarks',
  'survey',
];
const FILLER = ['we', 'study', 'a', 'method', 'results', 'improve', 'training', 'data', 'models', 'agents'];

function randomPapers(count: number, random: () => number) {
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 30 }, () =>
      random() < 0.15 ? pickOne(PHRASES, random) : pickOne(FILLER, random),
    );
    return makePaper({
      title: `${pickOne(PHRASES, random)} ${pickOne(FILLER, random)}`,
      abstract: `${words.join(' ')}.`,
      upvotes: Math.floor(random() * 100),
      upvoteGrowth: Math.floor(random() * 10),
      publishedAt: daysAgo(random() * 14),
    });
  });
}

const signature = (ranked: { paperId: number; score: number; reasons: { text: string }[]; topicKeys: string[] }[]) =>
  ranked.map(
    (r) => `${r.paperId} ${r.score.toFixed(9)} ${r.reasons.map((x) => x.text).join(' / ')} ${r.topicKeys.join(' / ')}`,
  );

describe('DigestRanker', () => {
  it.each([1, 2, 3])(
    'when ranking random readers (seed %i), then it agrees with the naive ranker (with or without prefilter)',
    (seed) => {
      const random = seeded(seed);
      const papers = randomPapers(120, random);
      const matches = matchPapers(buildTopicIndex(TOPICS), papers);
      const keys = TOPICS.map((t) => buildTopicIndex([t]).topics[0]!.key);
      for (const cap of [1, 3, 10]) {
        const fast = new DigestRanker(matches, { now: NOW, cap });
        const naive = new NaiveRanker(TOPICS, papers, { now: NOW, cap, prefilter: cap === 3 });
        for (let reader = 0; reader < 40; reader += 1) {
          const topics = keys.filter(() => random() < 0.4);
          const exclude = papers.filter(() => random() < 0.05).map((p) => p.id);
          expect(signature(fast.rank(topics, exclude))).toEqual(signature(naive.rank(topics, exclude)));
        }
      }
    },
  );

  it('when many long lists overlap, then the digest is still capped and sorted by score', () => {
    const random = seeded(9);
    const matches = matchPapers(buildTopicIndex(TOPICS), randomPapers(200, random));
    const keys = [...matches.keys()];
    const ranked = new DigestRanker(matches, { now: NOW }).rank(keys);
    expect(ranked).toHaveLength(10);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('DigestRanker.compose', () => {
  it('when a reader follows a busy topic and a rare one, then the rare topic gets its place and every paper is a real match of its section', () => {
    const busy = Array.from({ length: 15 }, (_, i) =>
      makePaper({ title: `Reward models study ${i}`, abstract: 'reward models', upvotes: 100 + i }),
    );
    const rare = makePaper({ title: 'Retrieval-augmented generation for law', abstract: 'RAG', upvotes: 1 });
    const matches = matchPapers(buildTopicIndex(['reward models', 'RAG', 'LLM agents']), [...busy, rare]);
    const keys = buildTopicIndex(['reward models', 'RAG', 'LLM agents']).topics.map((t) => t.key);
    const ranker = new DigestRanker(matches, { now: NOW, cap: 5 });
    const digest = ranker.compose(
      keys.map((key, i) => ({ key, label: ['Reward models', 'RAG', 'LLM agents'][i]! })),
      [busy[14]!.id],
    );
    expect(digest.sections.map((s) => [s.label, s.papers.length])).toEqual([
      ['Reward models', 4],
      ['RAG', 1],
    ]);
    expect(digest.quiet.map((q) => q.label)).toEqual(['LLM agents']);
    expect(digest.papers.map((p) => p.paperId)).not.toContain(busy[14]!.id);
    for (const s of digest.sections)
      for (const p of s.papers) expect(matches.get(s.topicKey)!.some((m) => m.paperId === p.paperId)).toBe(true);
  });
});
