import { lexQuery } from './query-lexer';

describe('lexQuery', () => {
  it('when words are typed one after another, then they form one phrase', () => {
    expect(lexQuery('reward models')).toEqual([{ kind: 'words', text: 'reward models', exclude: false }]);
  });

  it('when quotes, OR, | and minus are used, then each becomes its own part', () => {
    expect(lexQuery('"diffusion models" OR score models | flows -survey -"literature review"')).toEqual([
      { kind: 'quoted', text: 'diffusion models', exclude: false },
      { kind: 'or' },
      { kind: 'words', text: 'score models', exclude: false },
      { kind: 'or' },
      { kind: 'words', text: 'flows', exclude: false },
      { kind: 'words', text: 'survey', exclude: true },
      { kind: 'quoted', text: 'literature review', exclude: true },
    ]);
  });

  it('when curly quotes are used or the closing quote is missing, then the phrase is still kept', () => {
    expect(lexQuery('“reward models”')).toEqual([{ kind: 'quoted', text: 'reward models', exclude: false }]);
    expect(lexQuery('"reward models')).toEqual([{ kind: 'quoted', text: 'reward models', exclude: false }]);
  });

  it('when OR is part of a word or in lower case, then it is not the operator', () => {
    expect(lexQuery('ORACLE or TORUS')).toEqual([{ kind: 'words', text: 'ORACLE or TORUS', exclude: false }]);
  });

  it('when the minus is typographic or an en dash, then it still excludes', () => {
    expect(lexQuery('RAG −survey –review').filter((p) => p.kind === 'words' && p.exclude)).toHaveLength(2);
  });

  it('when a hyphen is inside a word, then the word is not excluded', () => {
    expect(lexQuery('state-space models')).toEqual([{ kind: 'words', text: 'state-space models', exclude: false }]);
  });
});
