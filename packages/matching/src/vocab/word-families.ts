// Words papers write for one another: the corpus's derivational families (explainable /
// explainability, estimator / estimation, adversarial / adversarially / adversary), learned by
// `scripts/learn-word-families.ts` from real arXiv papers (evaluation papers left out): the
// words only, never any text. A topic's phrase also stands written with a sibling of one of its
// words ("adversarially robust" for adversarial robustness), as a weaker mention.
import data from './word-families.data.json';

const FAMILY = new Map<string, readonly string[]>();
for (const family of data.families as string[][]) for (const word of family) FAMILY.set(word, family);

/** The other words of the token's family (none for most words). */
export function siblingsOf(token: string): readonly string[] {
  const family = FAMILY.get(token);
  return family === undefined ? [] : family.filter((w) => w !== token);
}
