import { stemWord } from './stem';

describe('stemWord', () => {
  it.each([
    ['models', 'model'],
    ['studies', 'study'],
    ['processes', 'process'],
    ['approaches', 'approach'],
    ['biases', 'bias'],
    ['analyses', 'analysis'],
  ])('when given the plural %s, then it stems like the singular', (plural, singular) => {
    expect(stemWord(plural)).toBe(stemWord(singular));
  });

  it.each([
    ['modeling', 'model'],
    ['modelling', 'model'],
    ['embedding', 'embed'],
    ['embedded', 'embed'],
    ['training', 'train'],
    ['encoding', 'encode'],
  ])('when given the inflection %s, then it meets %s', (inflected, base) => {
    expect(stemWord(inflected)).toBe(stemWord(base));
  });

  it.each([
    ['evaluation', 'evaluating'],
    ['evaluations', 'evaluate'],
    ['detection', 'detecting'],
    ['translation', 'translated'],
  ])('when given the -tion noun %s, then it meets its verb %s', (noun, verb) => {
    expect(stemWord(noun)).toBe(stemWord(verb));
  });

  it.each([
    ['action', 'act'],
    ['station', 'state'],
  ])('when a -tion noun is not the act of a verb (%s), then it does not meet %s', (noun, other) => {
    expect(stemWord(noun)).not.toBe(stemWord(other));
  });

  it.each(['string', 'during', 'bias', 'series', 'gpt4', 'red'])(
    'when given %s, which only looks inflected, then it is left alone',
    (word) => {
      expect(stemWord(word)).toBe(word);
    },
  );

  it('when given distinct words, then they stay distinct', () => {
    expect(stemWord('recommender')).not.toBe(stemWord('recommendations'));
    expect(stemWord('diffusion')).not.toBe(stemWord('division'));
  });
});

describe('stemWord: words that are also names of object properties', () => {
  it('when a paper uses "constructor", "toString" or "__proto__", then they are ordinary words', () => {
    expect(stemWord('constructor')).toBe('constructor');
    expect(stemWord('tostring')).toBe('tostr');
    expect(stemWord('__proto__')).toBe('__proto__');
  });
});
