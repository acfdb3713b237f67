import { LIST_ITEM_MENTION, BACKGROUND_MENTION } from './evidence-weights';
import { mentionShare } from './mention-context';
import type { Occurrence } from './phrase-search';

/** The share of the first occurrence of `phrase` in `text`. */
function shareOf(text: string, phrase: string, sentence = 0): number {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  const occ: Occurrence = { field: 1, start, end: start + phrase.length, gaps: 0, near: false, sentence };
  return mentionShare(text, occ);
}

describe('mentionShare', () => {
  it('when the paper names the topic as its subject, then the mention counts in full', () => {
    expect(shareOf('We propose a diffusion model for protein backbones.', 'diffusion model')).toBe(1);
  });

  it('when the mention is negated, then it counts nothing', () => {
    const text = 'It reconstructs the human in one pass without using a preset diffusion model.';
    expect(shareOf(text, 'diffusion model')).toBe(0);
    expect(shareOf('Results hold with and without quantization.', 'quantization')).toBe(0);
  });

  it('when the mention closes a list of examples, then it counts as a list item', () => {
    expect(
      shareOf('They ignore the nature of tasks such as math reasoning or code generation.', 'code generation'),
    ).toBe(LIST_ITEM_MENTION);
    expect(
      shareOf('LLMs are applied to tasks from natural language understanding to code generation.', 'code generation'),
    ).toBe(LIST_ITEM_MENTION);
    expect(
      shareOf(
        'Autoencoders serve applications ranging from reduced order modeling to anomaly detection and neural machine translation.',
        'machine translation',
      ),
    ).toBe(LIST_ITEM_MENTION);
  });

  it('when "from" or "both" opens no list, then the mention counts in full', () => {
    expect(shareOf('We learn a reward model from human feedback.', 'human feedback')).toBe(1);
    expect(shareOf('Both of our agents use retrieval-augmented generation.', 'retrieval-augmented generation')).toBe(1);
  });

  it('when a later sentence reports experiments, then the mention counts as a list item, and in full in the opening ones', () => {
    const text = 'We design a search. Experiments on mathematical reasoning and code generation benchmarks show gains.';
    expect(shareOf(text, 'code generation', 2)).toBe(LIST_ITEM_MENTION);
    expect(shareOf(text, 'code generation', 1)).toBe(1);
  });

  it('when the topic is the baseline the paper beats, then the mention counts as a list item', () => {
    const text = 'Our autoregressive generator outperforms strong diffusion models on ImageNet.';
    expect(shareOf(text, 'diffusion models')).toBe(LIST_ITEM_MENTION);
    expect(shareOf('It samples ten times faster than diffusion models.', 'diffusion models')).toBe(LIST_ITEM_MENTION);
  });

  it('when the sentence is about prior work, then the mention counts less', () => {
    const text =
      'Current multilingual methods rely solely on machine translation. We instead ground models in culture.';
    expect(shareOf(text, 'machine translation')).toBe(BACKGROUND_MENTION);
  });

  it('when a list-like word stands in an earlier sentence, then it does not reach this one', () => {
    const text = 'Models such as ours are common. We study machine translation of legal texts.';
    expect(shareOf(text, 'machine translation')).toBe(1);
  });

  it('when the sentence announced a list with a colon, then an item of it counts as a list item', () => {
    const text =
      'We analysed four categories: attacks on CNNs, LLMs and agents; infrastructure attacks exploiting federated learning and records; and more.';
    expect(shareOf(text, 'federated learning')).toBe(LIST_ITEM_MENTION);
  });

  it('when an opening sentence credits the field with being changed by something else, then the mention is the setting', () => {
    expect(shareOf('Transformers have revolutionized NLP and vision alike.', 'NLP')).toBe(BACKGROUND_MENTION);
    expect(shareOf('Large language models have shown remarkable success in code generation.', 'code generation')).toBe(
      BACKGROUND_MENTION,
    );
    expect(shareOf('Recent advances in NLP have enabled causal estimation from text.', 'NLP')).toBe(BACKGROUND_MENTION);
    expect(shareOf('We bring NLP to the bedside.', 'NLP')).toBe(1);
  });

  it('when the mention is what was traditionally done, then it counts as prior work', () => {
    const text = 'Slot filling is traditionally implemented as a cascade of speech recognition and understanding.';
    expect(shareOf(text, 'speech recognition')).toBe(BACKGROUND_MENTION);
  });

  it('when "includes" names a part of the method, then the mention counts in full; when it opens a list, as an item', () => {
    expect(shareOf('Our pipeline includes a diffusion model for the layout.', 'diffusion model')).toBe(1);
    const listed = 'Existing approaches include feed-forward methods and diffusion-based methods.';
    expect(shareOf(listed, 'diffusion-based methods')).toBeLessThan(1);
  });
});
