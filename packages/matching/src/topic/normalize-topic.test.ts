import { normalizeTopic } from './normalize-topic';
import { TopicError } from './topic-error';

const key = (raw: string): string => normalizeTopic(raw).key;

describe('normalizeTopic', () => {
  it('when readers type the same topic differently, then they get one key', () => {
    const variants = ['Reward Models', 'reward model', 'reward-models', '  REWARD   MODELS ', 'reward modelling'];
    expect(new Set(variants.map(key)).size).toBe(1);
  });

  it.each([
    ['RLHF', 'reinforcement learning from human feedback'],
    ['RAG', 'Retrieval-Augmented Generation'],
    ['rag', 'retrieval augmented generation'],
    ['GRPO', 'group relative policy optimization'],
    ['DPO', 'Direct Preference Optimization'],
    ['PPO', 'proximal policy optimisation'.replace('isation', 'ization')],
    ['LLMs', 'large language models'],
    ['VLM', 'vision-language model'],
    ['PRMs', 'process reward models'],
    ['MoE', 'mixture-of-experts'],
    ['SFT', 'supervised fine-tuning'],
    ['ViT', 'Vision Transformers'],
    ['GANs', 'generative adversarial networks'],
    ['NeRF', 'neural radiance fields'],
    ['CoT', 'chain of thought'],
    ['KD', 'knowledge distillation'],
  ])('when a reader types %s or %s, then both get the same key', (acronym, expansion) => {
    expect(key(acronym)).toBe(key(expansion));
  });

  it('when an expansion sits inside a longer topic, then it collapses to the acronym there too', () => {
    expect(key('multi-agent LLMs')).toBe(key('Multi Agent Large Language Models'));
    expect(key('multi-agent LLMs')).toContain('LLM');
  });

  it.each([
    ['reinforcement learning from human feedback (RLHF)', 'RLHF'],
    ['RLHF (reinforcement learning from human feedback)', 'RLHF'],
    ['Graph Neural Networks (GNNs) for drug discovery', 'graph neural networks for drug discovery'],
    ['continual learning (CL)', 'continual learning'],
    ['text-to-image (T2I) generation', 'text-to-image generation'],
    ['text-to-image (T2I)generation', 'text-to-image generation'],
    ['learning to rank (LTR)', 'learning to rank'],
  ])('when a reader types %s, restating the words in brackets, then the key is that of %s', (typed, plain) => {
    expect(key(typed)).toBe(key(plain));
  });

  it('when brackets say something else, then their words stay in the topic', () => {
    expect(key('diffusion models (image)')).toBe(key('diffusion models image'));
    expect(key('continual learning (RL)')).not.toBe(key('continual learning'));
  });

  it('when different topics are typed, then their keys differ', () => {
    expect(key('reward models')).not.toBe(key('reward hacking'));
    expect(key('RL')).not.toBe(key('RLHF'));
  });

  it('when a topic is unquoted, then it is one phrase allowing one extra word', () => {
    const t = normalizeTopic('diffusion models');
    expect(t.alternatives).toEqual([[{ tokens: ['diffusion', 'model'], maxGap: 1 }]]);
  });

  it('when a phrase is quoted, then no extra word is allowed inside it', () => {
    const t = normalizeTopic('"diffusion models"');
    expect(t.alternatives[0]?.[0]?.maxGap).toBe(0);
    expect(t.key).not.toBe(key('diffusion models'));
  });

  it('when OR separates alternatives, then each is an alternative and their order does not matter', () => {
    const t = normalizeTopic('RLHF OR DPO');
    expect(t.alternatives).toHaveLength(2);
    expect(t.key).toBe(key('DPO OR RLHF'));
    expect(key('RLHF | DPO')).toBe(t.key);
  });

  it('when a lower-case "or" is typed, then it is an ordinary word, not the operator', () => {
    expect(normalizeTopic('rock or roll').alternatives).toHaveLength(1);
  });

  it('when "and" joins two things a reader follows, then each is an alternative sharing the words before it', () => {
    expect(key('robot grasping and manipulation')).toBe(key('robot grasping OR robot manipulation'));
    expect(key('medical image segmentation and analysis')).toBe(
      key('medical image segmentation OR medical image analysis'),
    );
    // The word after "and" alone names something, its pair with the words before does not.
    expect(key('diffusion models and GANs')).toBe(key('diffusion models OR GANs'));
    expect(key('reinforcement learning and large language models')).toBe(key('RL OR LLMs'));
    // One word before "and" shares the words after it.
    expect(key('image and video generation')).toBe(key('image generation OR video generation'));
    expect(key('detection and mitigation of hallucinations')).toBe(
      key('detection of hallucinations OR mitigation of hallucinations'),
    );
    // One name with "and" inside, or beside other operators: left whole.
    expect(normalizeTopic('simultaneous localization and mapping').alternatives).toHaveLength(1);
    expect(normalizeTopic('vision and language models').alternatives).toHaveLength(1);
    expect(normalizeTopic('"grasping and manipulation"').alternatives).toHaveLength(1);
    expect(normalizeTopic('grasping and manipulation OR RLHF').alternatives).toHaveLength(2);
  });

  it('when words around the topic ask for papers ("papers on X", "X research"), then they are not part of its key', () => {
    expect(key('papers on diffusion models')).toBe(key('diffusion models'));
    expect(key('recent advances in RAG')).toBe(key('RAG'));
    expect(key('research about protein design')).toBe(key('protein design'));
    expect(key('diffusion models research')).toBe(key('diffusion models'));
    expect(key('latest diffusion models papers')).toBe(key('diffusion models'));
    expect(key('new RAG work')).toBe(key('RAG'));
    expect(key('latest LLM evaluation papers')).toBe(key('LLM evaluation'));
    // Left alone when the rest names nothing known, or is a name with that word in it.
    expect(key('operations research')).not.toBe(key('operations'));
    expect(key('deep research')).not.toBe(key('deep'));
    expect(key('research agents')).not.toBe(key('agents'));
    expect(normalizeTopic('papers on diffusion models').label).toBe('papers on diffusion models');
  });

  it('when a word or phrase starts with a minus, then it is an exclusion', () => {
    const t = normalizeTopic('diffusion models -survey -"literature review"');
    expect(t.exclusions.map((p) => p.tokens)).toEqual([
      normalizeTopic('literature review').alternatives[0]?.[0]?.tokens,
      ['survey'],
    ]);
    expect(t.alternatives).toEqual(normalizeTopic('diffusion models').alternatives);
  });

  it('when a hyphen is inside a word, then it is not an exclusion', () => {
    expect(normalizeTopic('reward-models').exclusions).toEqual([]);
  });

  it('when a quote is left open, then the label closes it where the matched phrase ends, and the key is the same', () => {
    const cases: [string, string][] = [
      ['"unterminated quote', '"unterminated quote"'],
      ['RLHF OR "reward models', 'RLHF OR "reward models"'],
      ['“reward models', '“reward models”'],
      ['"closed" already', '"closed" already'],
    ];
    for (const [typed, label] of cases)
      expect([normalizeTopic(typed).label, normalizeTopic(typed).key]).toEqual([label, normalizeTopic(label).key]);
  });

  it('when the topic is normalised, then the label is the topic as typed, tidied', () => {
    expect(normalizeTopic('  Reward   Models ').label).toBe('Reward Models');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['the of and', 'empty'],
    ['-survey', 'empty'],
    ['x'.repeat(121), 'too_long'],
    ['a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13', 'too_many_terms'],
    ['a1 OR b2 OR c3 OR d4 OR e5 OR f6', 'too_many_terms'],
  ])('when the topic is %j, then it is rejected with code %s', (raw, code) => {
    expect(() => normalizeTopic(raw)).toThrow(TopicError);
    try {
      normalizeTopic(raw);
    } catch (e) {
      expect((e as TopicError).code).toBe(code);
      expect((e as TopicError).message.length).toBeGreaterThan(10);
    }
  });

  it('when the topic is not a string, then it is rejected as invalid', () => {
    expect(() => normalizeTopic(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
