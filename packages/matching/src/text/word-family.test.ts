import { tokenize } from './tokenize';
import { wordRoot } from './word-family';

const rootOf = (word: string): string => wordRoot(tokenize(word, 'paper').tokens[0] as string);

describe('wordRoot', () => {
  it.each([
    ['explainability', 'explainable'],
    ['efficiency', 'efficient'],
    ['privacy', 'private'],
    ['adversarially', 'adversary'],
    ['estimator', 'estimation'],
    ['embodiment', 'embodied'],
    ['retrieval', 'retriever'],
    ['tokenizer', 'tokenization'],
    ['robustness', 'robust'],
    ['financial', 'finance'],
    ['educational', 'education'],
  ])('when a paper writes "%s" for "%s", then both have one root', (a, b) => {
    expect(rootOf(a)).toBe(rootOf(b));
  });

  it.each([
    ['generation', 'general'],
    ['user', 'use'],
    ['segment', 'seg'],
  ])('when "%s" and "%s" are other words, then their roots differ', (a, b) => {
    expect(rootOf(a)).not.toBe(rootOf(b));
  });

  it('when a token is an acronym or holds a digit, then it is its own root', () => {
    expect(wordRoot('LLM')).toBe('LLM');
    expect(wordRoot('3d')).toBe('3d');
  });
});
