import { makePaper } from '../testing/paper.factory';
import { matchPapers } from '../match/match-papers';
import { buildTopicIndex } from '../match/topic-index';
import type { MatchablePaper } from '../types';
import { learnAssociations } from './associations';

/** A corpus where papers on protein design also speak of binders and folds, others do not. */
function corpus(): MatchablePaper[] {
  const on = Array.from({ length: 12 }, (_, i) =>
    makePaper({
      title: `Protein design study ${i}`,
      abstract: 'We optimise binder affinity and inverse folding of scaffolds.',
    }),
  );
  const off = Array.from({ length: 200 }, (_, i) =>
    makePaper({
      title: `Vision study ${i}`,
      abstract: i % 20 === 0 ? 'Scaffolds for image segmentation.' : 'We segment images with transformers.',
    }),
  );
  return [...on, ...off];
}

describe('learnAssociations', () => {
  it('when papers naming a phrase share words rare elsewhere, then those words are its associations, strongest first', () => {
    const table = learnAssociations(corpus(), ['protein design'], { minDocs: 5, maxShare: 0.2 });
    expect(table['protein design']).toEqual(expect.arrayContaining(['binder', 'invers fold']));
    expect(table['protein design']).not.toContain('segment');
  });

  it("when a table is learned, then it keeps at most perPhrase terms and never the phrase's own words", () => {
    const table = learnAssociations(corpus(), ['protein design'], { minDocs: 5, maxShare: 0.2, perPhrase: 2 });
    expect(table['protein design']).toHaveLength(2);
    expect(table['protein design']!.some((t) => t.split(' ').includes('protein'))).toBe(false);
  });

  it('when a phrase is in too few papers, then it gets no entry', () => {
    expect(learnAssociations(corpus(), ['protein design'], { minDocs: 50 })).toEqual({});
  });
});

describe('buildTopicIndex with associations', () => {
  // A topic the related-concepts vocabulary does not know, so only associations can widen it.
  const associations = { 'coral reef monitor': ['bleach', 'sonar survey', 'benthic'] };
  // Associations weigh little, so it takes many of them: every term in the title and thrice after.
  const terms =
    'Bleaching, benthic cover and sonar surveys. Bleaching, benthic and sonar surveys; bleaching, benthic and sonar surveys; bleaching and benthic sonar surveys.';
  const anchored = makePaper({
    title: 'Bleaching, benthic cover and sonar surveys',
    abstract: `On the reef. ${terms}`,
  });
  const unanchored = makePaper({ title: 'Bleaching, benthic cover and sonar surveys', abstract: terms });
  const direct = makePaper({ title: 'Coral reef monitoring at scale', abstract: 'Drones.' });
  const matched = (assoc: Record<string, string[]>) =>
    (
      matchPapers(buildTopicIndex(['coral reef monitoring'], { associations: assoc }), [
        anchored,
        unanchored,
        direct,
      ]).get('coral reef monitor') ?? []
    ).map((m) => m.paperId);

  it("when a paper has the topic's own word and enough learned terms, then it matches below a direct hit; without the word it does not", () => {
    expect(matched(associations)).toEqual([direct.id, anchored.id]);
  });

  it('when associations are turned off, then only the direct hit matches', () => {
    expect(matched({})).toEqual([direct.id]);
  });
});
