import { STOPWORDS } from '../text/stopwords.data';
import { tokenize } from '../text/tokenize';
import { RELATED_CONCEPTS } from './related.data';

const tokensOf = (text: string): string[] => tokenize(text, 'topic').tokens;

describe('the related-concepts vocabulary', () => {
  it("when a trap is read as the matcher reads it, then it is never just one of its concept's own words", () => {
    // "all-weather" reads as "weather": as a trap it would void every mention of weather forecasting.
    const swallowing = RELATED_CONCEPTS.flatMap((concept) => {
      const own = new Set(concept.topics.flatMap(tokensOf));
      return (concept.traps ?? [])
        .filter((trap) => {
          const tokens = tokensOf(trap);
          return tokens.length === 1 && own.has(tokens[0] as string);
        })
        .map((trap) => `${concept.topics[0]}: "${trap}"`);
    });
    expect(swallowing).toEqual([]);
  });

  it('when a related term is written with several words, then it is not read as the one word its small words leave', () => {
    // "in-context" reads as "context", "all-in-one" as "one": the term would count every paper
    // that merely uses the remaining word.
    const shrunk = RELATED_CONCEPTS.flatMap((concept) =>
      Object.keys(concept.related)
        .filter((term) => {
          const words = term.toLowerCase().split(/[\s-]+/);
          return words.some((w) => STOPWORDS.has(w)) && tokensOf(term).length === 1;
        })
        .map((term) => `${concept.topics[0]}: "${term}"`),
    );
    expect(shrunk).toEqual([]);
  });
});
