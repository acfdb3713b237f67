// Scores one (topic, paper) pair from the phrases found in the paper; shared by the indexed
// matcher and the naive one so that both agree to the last digit.
import type { AnalyzedPaper } from './analyze-paper';
import { phraseWeight, type BatchStats, type Bm25Options } from './bm25';
import type { Occurrence } from './phrase-search';
import type { PhraseHits } from './phrase-hits';

export function batchStats(docs: readonly AnalyzedPaper[]): BatchStats {
  const n = Math.max(docs.length, 1);
  const sum = (f: (d: AnalyzedPaper) => number): number => docs.reduce((acc, d) => acc + f(d), 0);
  return {
    docCount: docs.length,
    avgTitleLength: sum((d) => d.title.tokens.length) / n,
    avgAbstractLength: sum((d) => d.abstract.tokens.length) / n,
  };
}

export interface ScoredAlternative {
  /** Summed phrase weights (multiply by the topic's idf for the score). */
  weight: number;
  /** The occurrences that explain it. */
  occurrences: Occurrence[];
}

/** Of the topic's matching alternatives (OR), the one with the highest summed phrase weights. */
export function bestAlternative(
  doc: AnalyzedPaper,
  hits: PhraseHits,
  alts: readonly (readonly number[])[],
  stats: BatchStats,
  bm25: Bm25Options,
): ScoredAlternative {
  const lengths = { title: doc.title.tokens.length, abstract: doc.abstract.tokens.length };
  let best: ScoredAlternative = { weight: -1, occurrences: [] };
  for (const alt of alts) {
    const weight = alt.reduce((w, id) => w + phraseWeight(hits.get(id) ?? [], lengths, stats, bm25), 0);
    if (weight > best.weight) best = { weight, occurrences: alt.flatMap((id) => hits.get(id) ?? []) };
  }
  return best;
}
