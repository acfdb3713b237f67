import { makePaper } from '../testing/paper.factory';
import type { MatchablePaper } from '../types';
import { normalizeTopic } from '../topic/normalize-topic';
import { PaperInputError } from './analyze-paper';
import { matchPapers } from './match-papers';
import { buildTopicIndex } from './topic-index';

/** Ids of the papers a topic (as typed) matches. */
function matchedIds(topic: string, papers: MatchablePaper[]): number[] {
  const result = matchPapers(buildTopicIndex([topic]), papers);
  return (result.get(normalizeTopic(topic).key) ?? []).map((m) => m.paperId).sort((a, b) => a - b);
}

describe('matchPapers: precision of phrases', () => {
  it('when a paper is about diffusion tensor imaging, then "diffusion models" does not match it', () => {
    const dti = makePaper({
      title: 'Diffusion tensor imaging of white matter',
      abstract: 'Diffusion tensor imaging models the brain.',
    });
    const dm = makePaper({ title: 'Faster sampling for diffusion models', abstract: 'We speed up sampling.' });
    expect(matchedIds('diffusion models', [dti, dm])).toEqual([dm.id]);
  });

  it('when a game-theory paper speaks of action recommendations, then "recommender systems" does not match it', () => {
    const game = makePaper({
      title: 'Correlated equilibria in repeated games',
      abstract: 'A mediator sends action recommendations to players; we study the systems of incentives.',
    });
    const recsys = makePaper({
      title: 'Sequential recommender systems with LLMs',
      abstract: 'We build a recommender system.',
    });
    expect(matchedIds('recommender systems', [game, recsys])).toEqual([recsys.id]);
  });

  it('when the words of a phrase are far apart, then it does not match', () => {
    const loose = makePaper({ abstract: 'The reward is sparse, so planning with learned world models helps.' });
    expect(matchedIds('reward models', [loose])).toEqual([]);
  });

  it('when one extra word sits inside the phrase, then an unquoted topic still matches', () => {
    const gapped = makePaper({ abstract: 'We train reward ranking models on preferences.' });
    expect(matchedIds('reward models', [gapped])).toEqual([gapped.id]);
    expect(matchedIds('"reward models"', [gapped])).toEqual([]);
  });

  it('when the extra word inside the phrase is a noun, then it names another thing and does not match', () => {
    const emotion = makePaper({ title: 'Speech emotion recognition with self-supervised features' });
    const asr = makePaper({ title: 'Streaming speech recognition on device' });
    expect(matchedIds('speech recognition', [emotion, asr])).toEqual([asr.id]);
  });

  it('when a stop word splits an expansion that has none, then the acronym topic does not match', () => {
    const landscape = makePaper({ abstract: 'We build the computational graph of neural networks checkpoints.' });
    const gnn = makePaper({ abstract: 'We apply graph neural networks to molecules.' });
    expect(matchedIds('GNN', [landscape, gnn])).toEqual([gnn.id]);
  });

  it('when an acronym follows a compound prefix, then it keeps its identity', () => {
    const selfRag = makePaper({ title: 'Self-RAG: learning to retrieve and critique' });
    expect(matchedIds('RAG', [selfRag])).toEqual([selfRag.id]);
  });

  it('when punctuation separates the words, then the phrase does not match across it', () => {
    const split = makePaper({ abstract: 'We propose a new reward. Models trained with it improve.' });
    expect(matchedIds('reward models', [split])).toEqual([]);
  });

  it('when an acronym is a substring of a longer word, then it does not match', () => {
    const ragged = makePaper({
      title: 'Ragged tensors',
      abstract: 'Efficient kernels for ragged arrays and moestly sparse data.',
    });
    expect(matchedIds('RAG', [ragged])).toEqual([]);
    expect(matchedIds('MoE', [ragged])).toEqual([]);
  });

  it('when a word-like acronym appears as an ordinary word, then it does not match', () => {
    const name = makePaper({ abstract: 'Moe and a rag doll slept in the cot.' });
    expect(matchedIds('MoE', [name])).toEqual([]);
    expect(matchedIds('RAG', [name])).toEqual([]);
    expect(matchedIds('CoT', [name])).toEqual([]);
  });
});

describe('matchPapers: aliases and queries', () => {
  const rag = makePaper({ abstract: 'We study RAGs for question answering.' });
  const ragLong = makePaper({ abstract: 'Retrieval-augmented generation grounds answers.' });
  const rlhf = makePaper({ abstract: 'Reinforcement learning with human feedback aligns models.' });
  const prm = makePaper({ abstract: 'PRMs score each reasoning step.' });

  it('when a paper uses the acronym or the expansion, then a topic typed either way matches both', () => {
    expect(matchedIds('RAG', [rag, ragLong, rlhf])).toEqual([rag.id, ragLong.id]);
    expect(matchedIds('retrieval augmented generation', [rag, ragLong, rlhf])).toEqual([rag.id, ragLong.id]);
  });

  it('when a paper is about a narrower acronym, then the broader topic matches it', () => {
    expect(matchedIds('reward models', [prm, rag])).toEqual([prm.id]);
    expect(matchedIds('RLHF', [rlhf])).toEqual([rlhf.id]);
  });

  it('when a topic has OR alternatives, then a paper matching any of them matches', () => {
    const grpo = makePaper({ abstract: 'GRPO without a critic.' });
    const ppo = makePaper({ abstract: 'Proximal policy optimization, revisited.' });
    const sft = makePaper({ abstract: 'Supervised fine-tuning only.' });
    expect(matchedIds('GRPO OR PPO', [grpo, ppo, sft])).toEqual([grpo.id, ppo.id]);
  });

  it('when a topic has an exclusion, then papers containing it do not match', () => {
    const survey = makePaper({ title: 'A survey of diffusion models' });
    const method = makePaper({ title: 'Consistency training for diffusion models' });
    expect(matchedIds('diffusion models -survey', [survey, method])).toEqual([method.id]);
  });

  it('when a topic has two quoted phrases, then a paper needs both', () => {
    const both = makePaper({ abstract: 'Reward models for math reasoning.' });
    const one = makePaper({ abstract: 'Reward models for dialogue.' });
    expect(matchedIds('"reward models" "math reasoning"', [both, one])).toEqual([both.id]);
  });
});

describe('matchPapers: scores and reasons', () => {
  it('when the topic is in the title, then the paper scores above one that has it only in the abstract', () => {
    const inTitle = makePaper({ title: 'Reward models at scale', abstract: 'We scale reward models.' });
    const inAbstract = makePaper({ title: 'Scaling study', abstract: 'We scale reward models.' });
    const [first, second] =
      matchPapers(buildTopicIndex(['reward models']), [inAbstract, inTitle]).get('reward model') ?? [];
    expect(first?.paperId).toBe(inTitle.id);
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('when a paper mentions the topic more often, then it scores higher', () => {
    const once = makePaper({ abstract: 'We evaluate reward models on many long and varied tasks here.' });
    const thrice = makePaper({ abstract: 'Reward models, reward models and more reward models everywhere.' });
    const list = matchPapers(buildTopicIndex(['reward models']), [once, thrice]).get('reward model') ?? [];
    expect(list.map((m) => m.paperId)).toEqual([thrice.id, once.id]);
  });

  it('when the phrase appears exactly rather than with a word inside, then it scores higher', () => {
    const exact = makePaper({ abstract: 'We train reward models on preferences.' });
    const gapped = makePaper({ abstract: 'We train reward ranking models on preferences.' });
    const list = matchPapers(buildTopicIndex(['reward models']), [gapped, exact]).get('reward model') ?? [];
    expect(list.map((m) => m.paperId)).toEqual([exact.id, gapped.id]);
  });

  it('when a paper matches, then the reason quotes its own words, where, and the topic as typed', () => {
    const paper = makePaper({ title: 'Better math', abstract: 'We train process reward models (PRMs) for math.' });
    const [match] = matchPapers(buildTopicIndex(['Reward Models']), [paper]).get('reward model') ?? [];
    expect(match?.reason).toEqual({
      topic: 'Reward Models',
      matched: ['process reward models', 'PRMs'],
      field: 'abstract',
      text: "Because you follow Reward Models: 'process reward models', 'PRMs' in the abstract",
    });
  });

  it('when the topic is in both title and abstract, then the reason says so', () => {
    const paper = makePaper({
      title: 'RLHF at scale',
      abstract: 'Reinforcement learning from human feedback, scaled.',
    });
    const [match] = matchPapers(buildTopicIndex(['RLHF']), [paper]).get('RLHF') ?? [];
    expect(match?.reason.field).toBe('both');
    expect(match?.reason.matched).toEqual(['RLHF', 'Reinforcement learning from human feedback']);
  });

  it('when the words found stand across a bracket, then the quote keeps the bracket whole', () => {
    const paper = makePaper({
      title: 'Compressing the key-value (KV) cache of long prompts',
      abstract: 'We evict tokens.',
    });
    const [match] = matchPapers(buildTopicIndex(['KV cache']), [paper]).get('kv cach') ?? [];
    expect(match?.reason.matched).toEqual(['(KV) cache']);
  });
});

describe('matchPapers: inputs', () => {
  it('when readers share a topic typed differently, then the index holds it once', () => {
    const index = buildTopicIndex(['Reward Models', 'reward-model', { key: 'reward model', label: 'x' }]);
    expect(index.topics.map((t) => t.key)).toEqual(['reward model']);
  });

  it('when a stored key is not canonical, then it is reported and skipped, or throws without a handler', () => {
    const invalid: unknown[] = [];
    const index = buildTopicIndex([{ key: 'RLHF' }, { key: 'b | a' }], { onInvalid: (input) => invalid.push(input) });
    expect(index.topics.map((t) => t.key)).toEqual(['RLHF']);
    expect(invalid).toEqual([{ key: 'b | a' }]);
    expect(() => buildTopicIndex([{ key: 'b | a' }])).toThrow(/not a canonical topic key/);
  });

  it('when no paper matches a topic, then the topic is absent from the result', () => {
    const result = matchPapers(buildTopicIndex(['quantum chemistry', 'RLHF']), [makePaper({ title: 'RLHF' })]);
    expect([...result.keys()]).toEqual(['RLHF']);
  });

  it.each([
    ['a duplicate id', (p: MatchablePaper) => [p, { ...p }]],
    ['an invalid date', (p: MatchablePaper) => [{ ...p, publishedAt: new Date('nope') }]],
    ['a missing title', (p: MatchablePaper) => [{ ...p, title: undefined as unknown as string }]],
    ['negative upvotes', (p: MatchablePaper) => [{ ...p, upvotes: -1 }]],
  ])('when papers have %s, then matching fails with a clear error', (_, build) => {
    expect(() => matchPapers(buildTopicIndex(['RLHF']), build(makePaper()))).toThrow(PaperInputError);
  });
});
