// Near-duplicate papers (a v2 posted as a new paper, the same work from two sources, a
// companion report) must not take two places in one digest. Titles are compared as sets of
// words: token Jaccard at or above the threshold counts as the same work. Word sets are kept
// per paper object, which readers share, so each title is tokenised once per run.
import type { RankablePaper } from '../types';

/** Titles this similar (shared words / all words) are one work shown twice. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.7;

const FILLER = new Set([
  'the',
  'and',
  'for',
  'with',
  'via',
  'from',
  'into',
  'towards',
  'toward',
  'using',
  'are',
  'its',
  'our',
  'how',
  'what',
  'when',
  'why',
  'can',
  'not',
  'all',
  'new',
  'on',
  'of',
  'in',
  'to',
  'a',
  'an',
  'by',
  'is',
  'at',
  'as',
]);

export function titleWords(title: string): string[] {
  const words = new Set<string>();
  for (const w of title.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    if ((w.length > 1 || /\d/.test(w)) && !FILLER.has(w)) words.add(w);
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
export function paperTitleWords(paper: RankablePaper): string[] {
  let words = wordsOf.get(paper);
  if (words === undefined) {
    words = paper.title ? titleWords(paper.title) : [];
    wordsOf.set(paper, words);
  }
  return words;
}

/** A word in more papers than this is too common to find duplicates by (pairs are still scored on all words). */
const COMMON_WORD = 50;

/**
 * Near-duplicate groups over a set of papers, computed once (a run's candidate papers): each
 * paper id → the id of the first paper of its group. Pairs are found through shared uncommon
 * title words and kept when their word Jaccard reaches the threshold; groups are the transitive
 * closure (union-find). Papers without a title are alone.
 */
export function nearDuplicateGroups(
  papers: readonly RankablePaper[],
  threshold = DEFAULT_DUPLICATE_THRESHOLD,
): Map<number, number> {
  const words = papers.map(paperTitleWords);
  const parent = papers.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const byWord = new Map<string, number[]>();
  words.forEach((list, i) => {
    for (const w of list) {
      const holders = byWord.get(w);
      if (holders === undefined) byWord.set(w, [i]);
      else holders.push(i);
    }
  });
  for (const holders of byWord.values()) {
    if (holders.length < 2 || holders.length > COMMON_WORD) continue;
    for (let a = 0; a < holders.length; a += 1) {
      for (let b = a + 1; b < holders.length; b += 1) {
        const i = holders[a] as number;
        const j = holders[b] as number;
        if (root(i) !== root(j) && jaccard(words[i] as string[], words[j] as string[]) >= threshold)
          parent[root(j)] = root(i);
      }
    }
  }
  const out = new Map<number, number>();
  papers.forEach((p, i) => {
    out.set(p.id, (papers[root(i)] as RankablePaper).id);
  });
  return out;
}
