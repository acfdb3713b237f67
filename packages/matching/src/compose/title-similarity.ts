// Near-duplicate papers (a v2 posted as a new paper, the same work from two sources, a
// companion report) must not take two places in one digest. Titles are compared as sets of
// words: token Jaccard at or above the threshold counts as the same work. Word sets are kept
// per paper object, which readers share, so each title is tokenised once per run.
import type { RankablePaper } from '../types';

/** Titles this similar (shared words / all words) are one work shown twice. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;

const FILLER = new Set(['the', 'and', 'for', 'with', 'via', 'from', 'into', 'towards', 'toward', 'using', 'are', 'its', 'our', 'how', 'what', 'when', 'why', 'can', 'not', 'all', 'new', 'on', 'of', 'in', 'to', 'a', 'an', 'by', 'is', 'at', 'as']);

export function titleWords(title: string): string[] {
  const words = new Set<string>();
  for (const w of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if ((w.length > 1 || /\d/.test(w)) && !FILLER.has(w)) words.add(w);
  return [...words].sort();
}

/** |a ∩ b| / |a ∪ b| of two sorted word lists. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

const wordsOf = new WeakMap<object, string[]>();

/** The paper's title words (none without a title: such papers are never called duplicates). */
export function paperTitleWords(paper: RankablePaper): readonly string[] {
  let words = wordsOf.get(paper);
  if (words === undefined) wordsOf.set(paper, (words = paper.title ? titleWords(paper.title) : []));
  return words;
}
