// BM25F-style relevance of a topic in a paper: phrase occurrences are counted per field, the
// title weighing more, normalised by field length, saturated (the tenth mention adds little),
// and multiplied by the topic's rarity in the batch (a topic every paper matches says little).
import type { Occurrence } from './phrase-search';

export interface Bm25Options {
  k1: number;
  b: number;
  /** How much a title occurrence counts relative to an abstract one. */
  titleWeight: number;
  /** How much an occurrence with an extra word inside counts relative to an exact one. */
  gappedWeight: number;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75, titleWeight: 3, gappedWeight: 0.6 };

export interface BatchStats {
  docCount: number;
  avgTitleLength: number;
  avgAbstractLength: number;
}

export interface FieldLengths {
  title: number;
  abstract: number;
}

/** Inverse document frequency (BM25's, always > 0) of a topic matching `df` of `docCount` papers. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

function lengthNorm(length: number, average: number, b: number): number {
  return 1 - b + (b * length) / Math.max(average, 1);
}

/** Saturated, field-weighted term frequency of one phrase (between 0 and k1 + 1). */
export function phraseWeight(
  occurrences: readonly Occurrence[],
  lengths: FieldLengths,
  stats: BatchStats,
  opts: Bm25Options = DEFAULT_BM25,
): number {
  let title = 0;
  let abstract = 0;
  for (const occ of occurrences) {
    const w = occ.gaps > 0 ? opts.gappedWeight : 1;
    if (occ.field === 0) title += w;
    else abstract += w;
  }
  const tf =
    (opts.titleWeight * title) / lengthNorm(lengths.title, stats.avgTitleLength, opts.b) +
    abstract / lengthNorm(lengths.abstract, stats.avgAbstractLength, opts.b);
  return (tf * (opts.k1 + 1)) / (opts.k1 + tf);
}
