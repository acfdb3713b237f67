import { normalizeTopic } from '../topic/normalize-topic';
import { didYouMean, closestWord } from './did-you-mean';
import { boundedEditDistance } from './edit-distance';
import { relatedTopicCandidates, topicStanding } from './related-topics';
import { buildVocabulary } from './vocabulary';

const papers = [
  ...Array.from({ length: 6 }, (_, i) => ({
    title: `Diffusion models for video number ${i}`,
    abstract: 'We train latent diffusion models and study denoising schedules for video generation.',
  })),
  ...Array.from({ length: 5 }, (_, i) => ({
    title: `AI agents that plan, part ${i}`,
    abstract: 'Generative AI assistants and AI agents use tools; AI safety matters for AI agents.',
  })),
  { title: 'Diffusion models, once more', abstract: 'Difusion spelt wrong once in a paper.' },
  { title: 'Graph coloring bounds', abstract: 'A quiet paper on graph coloring.' },
];
const vocabulary = buildVocabulary(papers);

describe('boundedEditDistance', () => {
  it('when words differ by a missing, extra, changed or swapped letter, then the distance is 1', () => {
    expect(boundedEditDistance('difusion', 'diffusion', 2)).toBe(1);
    expect(boundedEditDistance('diffussion', 'diffusion', 2)).toBe(1);
    expect(boundedEditDistance('diffuzion', 'diffusion', 2)).toBe(1);
    expect(boundedEditDistance('modles', 'models', 2)).toBe(1);
  });
  it('when words are further apart than the bound, then it answers bound + 1 without the exact figure', () => {
    expect(boundedEditDistance('robotics', 'diffusion', 2)).toBe(3);
    expect(boundedEditDistance('ai', 'reinforcement', 2)).toBe(3);
    expect(boundedEditDistance('same', 'same', 0)).toBe(0);
  });
});

describe('buildVocabulary', () => {
  it('when papers are counted, then each word and adjacent pair counts once per paper, with the usual wording', () => {
    expect(vocabulary.papers).toBe(13);
    expect(vocabulary.words.get('diffusion')).toBe(7);
    expect(vocabulary.words.get('difusion')).toBe(1);
    expect(vocabulary.phrases.get('diffusion model')).toEqual({ text: 'diffusion models', docs: 7 });
    expect(vocabulary.phrases.get('ai agent')?.text).toBe('AI agents');
  });
  it('when a phrase appears in one paper only, then it is left out; field vocabulary words are known', () => {
    expect(vocabulary.phrases.has('graph color')).toBe(false);
    expect(vocabulary.words.get('reinforcement')).toBeGreaterThanOrEqual(3);
  });
  it('when the limits are small, then the most used words and phrases are kept', () => {
    const small = buildVocabulary(papers, { maxWords: 3, maxPhrases: 2 });
    expect(small.words.size).toBe(3);
    expect(small.phrases.size).toBe(2);
    expect(small.words.has('difusion')).toBe(false);
  });
});

describe('didYouMean', () => {
  it('when a word is misspelt, then the topic comes back spelt as the papers spell it, other words untouched', () => {
    expect(didYouMean('difusion models', vocabulary)).toEqual({
      text: 'diffusion models',
      corrections: [{ from: 'difusion', to: 'diffusion' }],
    });
    expect(didYouMean('Difusion modles', vocabulary)?.text).toBe('Diffusion models');
    expect(didYouMean('"latent difusion" -survey', vocabulary)?.text).toBe('"latent diffusion" -survey');
  });
  it('when a field word is misspelt, then the alias table spells it even if no stored paper uses it', () => {
    expect(didYouMean('reinforcment learning', vocabulary)?.text).toBe('reinforcement learning');
  });
  it('when every word is used by papers, or is an acronym, a short word or an operator, then nothing is suggested', () => {
    expect(didYouMean('diffusion models', vocabulary)).toBeUndefined();
    expect(didYouMean('RLHF OR DPO', vocabulary)).toBeUndefined();
    expect(didYouMean('ai', vocabulary)).toBeUndefined();
    expect(didYouMean('LLaMA', vocabulary)).toBeUndefined();
  });
  it('when an unknown word has no frequent word within reach, then it stays as typed', () => {
    expect(closestWord('zebrafish', vocabulary)).toBeUndefined();
    expect(didYouMean('quantum chromodynamics', vocabulary)).toBeUndefined();
  });
  it('when two words are within reach, then the closer one wins, and among equals the more used', () => {
    const v = buildVocabulary([
      ...Array.from({ length: 9 }, () => ({ title: 'planning', abstract: 'planning' })),
      ...Array.from({ length: 4 }, () => ({ title: 'planting', abstract: 'plants' })),
    ]);
    expect(closestWord('plannign', v)).toBe('planning');
    expect(closestWord('plantinh', v)).toBe('planting');
  });
});

describe('topicStanding', () => {
  it('when a topic matches nothing, then it is quiet; above the share of a big enough window, broad', () => {
    expect(topicStanding(0, 500)).toBe('quiet');
    expect(topicStanding(390, 500)).toBe('broad');
    expect(topicStanding(100, 500)).toBe('ok');
    expect(topicStanding(8, 10)).toBe('ok');
    expect(topicStanding(40, 100, { broadShare: 0.5, minWindowPapers: 20 })).toBe('ok');
  });
});

describe('relatedTopicCandidates', () => {
  const context = { vocabulary, associations: {} };
  it('when a topic is broad, then narrower pairs containing its word come first, generic ones left out', () => {
    const out = relatedTopicCandidates(normalizeTopic('AI'), 'broad', context);
    expect(out).toContain('AI agents');
    expect(out).toContain('generative AI');
    expect(out).not.toContain('AI');
  });
  it('when a known concept is broad, then its narrower terms from the related-concepts vocabulary are offered', () => {
    const out = relatedTopicCandidates(normalizeTopic('diffusion'), 'broad', context);
    expect(out.slice(0, 3)).toEqual(['latent diffusion', 'diffusion-based', 'denoising diffusion']);
  });
  it('when a topic is quiet, then its other names, related terms, associations and own words are offered', () => {
    const quiet = relatedTopicCandidates(normalizeTopic('score-based generative models'), 'quiet', context);
    expect(quiet[0]).toBe('diffusion models');
    expect(quiet).toContain('latent diffusion');
    const learned = relatedTopicCandidates(normalizeTopic('web browsing'), 'quiet', {
      vocabulary,
      associations: { [normalizeTopic('web browsing').key]: ['ai agent', 'never written'] },
    });
    expect(learned[0]).toBe('AI agents');
    const pairs = relatedTopicCandidates(normalizeTopic('fast diffusion models'), 'quiet', context);
    expect(pairs).toContain('diffusion models');
    expect(pairs).not.toContain('fast');
    const words = relatedTopicCandidates(normalizeTopic('quantum video'), 'quiet', context);
    expect(words).toEqual(['video']);
  });
  it("when a quiet topic names a concept in another order or with a filler word, then that concept's names are offered", () => {
    const protein = relatedTopicCandidates(normalizeTopic('designing proteins'), 'quiet', context);
    const design = relatedTopicCandidates(normalizeTopic('protein design'), 'quiet', context);
    // The concept's main name first (the reader's wording is another), then what it offers.
    expect(protein[0]).toBe('protein design');
    expect(protein.slice(1, 3)).toEqual(design.slice(0, 2));
    const asr = relatedTopicCandidates(normalizeTopic('speech recognition models'), 'quiet', context);
    expect(asr).toContain('ASR');
  });
  it('when a quiet topic is a known concept after the words that narrow it ("low-bit LLM quantization"), then the concept\'s main name is offered first', () => {
    expect(relatedTopicCandidates(normalizeTopic('low-bit LLM quantization'), 'quiet', context)[0]).toBe(
      'quantization',
    );
    expect(relatedTopicCandidates(normalizeTopic('image diffusion models'), 'quiet', context)[0]).toBe(
      'diffusion models',
    );
    // A topic that is fine gets no candidates, narrowed or not.
    expect(relatedTopicCandidates(normalizeTopic('image diffusion models'), 'ok', context)).toEqual([]);
  });
  it("when a quiet topic's pair is unused and one of its words is one every field uses, then only the other word is offered", () => {
    const local = buildVocabulary([
      { title: 'Tabular foundation models', abstract: 'Tabular data, in rows and columns.' },
      { title: 'Tabular benchmarks revisited', abstract: 'Gradient boosting on tabular data.' },
      { title: 'Learning to rank', abstract: 'Deep learning for search.' },
      { title: 'Learning rates', abstract: 'Schedules for learning.' },
    ]);
    const offered = relatedTopicCandidates(normalizeTopic('tabular learning'), 'quiet', {
      vocabulary: local,
      associations: {},
    });
    expect(offered).toEqual(['tabular']);
  });
  it('when a topic is fine, then nothing is offered', () => {
    expect(relatedTopicCandidates(normalizeTopic('diffusion models'), 'ok', context)).toEqual([]);
  });
});
