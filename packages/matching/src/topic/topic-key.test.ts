import { normalizeTopic } from './normalize-topic';
import { parseTopicKey } from './topic-key';

describe('parseTopicKey', () => {
  it.each([
    'Reward Models',
    '"diffusion models" OR "score-based models" -survey -"literature review"',
    'RLHF OR DPO',
    'multi-agent LLMs',
  ])('when a stored key of %j is parsed, then the same query comes back', (raw) => {
    const parsed = normalizeTopic(raw);
    const back = parseTopicKey(parsed.key, parsed.label);
    expect(back.alternatives).toEqual(parsed.alternatives);
    expect(back.exclusions).toEqual(parsed.exclusions);
    expect(back.label).toBe(parsed.label);
  });

  it.each(['', 'reward  model', 'b | a', '"single"'])(
    'when the key %j is not canonical, then it is rejected',
    (key) => {
      expect(() => parseTopicKey(key)).toThrow(expect.objectContaining({ code: 'invalid' }));
    },
  );
});
