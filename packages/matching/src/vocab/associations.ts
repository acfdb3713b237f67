// Term associations learned from stored papers: for a topic phrase, the words and word pairs
// that papers naming it use far more often than papers in general (positive pointwise mutual
// information over documents). They widen a topic a little towards its field's own words, at a
// low weight: a paper needs several of them, and it always ranks below one naming the topic.
// The table is bounded (terms per phrase, phrases) and rebuilt from the stored papers.
import { analyzeAll } from '../match/match-papers';
import type { TokenStream } from '../text/tokenize';
import type { MatchablePaper } from '../types';

/** A phrase (canonical tokens joined by spaces) → associated terms (same form), strongest first. */
export type AssociationTable = Record<string, string[]>;

export interface LearnOptions {
  /** Terms kept per phrase. */
  perPhrase: number;
  /** Phrases kept at most (the most frequent first), to bound the table. */
  maxPhrases: number;
  /** Papers a phrase (and a term) must appear in to count. */
  minDocs: number;
  /** Papers a phrase may appear in at most: one in every few papers says nothing. */
  maxShare: number;
  /** log2 lift a term needs: 2 = four times as frequent with the phrase as anywhere. */
  minPmi: number;
  /** Share of the phrase's papers a term must appear in (rare co-occurrences are noise). */
  minCoverage: number;
}

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  perPhrase: 10,
  maxPhrases: 5000,
  minDocs: 10,
  maxShare: 0.05,
  minPmi: 2,
  minCoverage: 0.1,
};

const usable = (t: string): boolean => t.length >= 3 && !/\d/.test(t);

/** Unigrams (3+ letters, no digits) and adjacent pairs within a clause, once per paper. */
export function termsOf(streams: readonly TokenStream[]): Set<string> {
  const terms = new Set<string>();
  for (const s of streams) {
    for (let i = 0; i < s.tokens.length; i += 1) {
      const t = s.tokens[i] as string;
      if (!usable(t)) continue;
      terms.add(t);
      const next = s.tokens[i + 1];
      if (next !== undefined && s.clauses[i + 1] === s.clauses[i] && usable(next)) terms.add(`${t} ${next}`);
    }
  }
  return terms;
}

/**
 * Learns associations from a corpus (titles and abstracts). `phrases` limits the table to the
 * phrases readers follow (the scheduled rebuild passes the followed topic keys); without it,
 * every frequent enough word and word pair gets an entry (the shipped default table).
 */
export function learnAssociations(
  papers: readonly MatchablePaper[],
  phrases?: readonly string[],
  options: Partial<LearnOptions> = {},
): AssociationTable {
  const o = { ...DEFAULT_LEARN_OPTIONS, ...options };
  const docTerms = analyzeAll(papers).map((d) => termsOf([d.title, d.abstract]));
  const n = docTerms.length;
  const postings = new Map<string, number[]>();
  docTerms.forEach((terms, d) => {
    for (const t of terms) {
      const list = postings.get(t);
      if (list === undefined) postings.set(t, [d]);
      else list.push(d);
    }
  });
  const df = (t: string): number => postings.get(t)?.length ?? 0;
  const wanted = (phrases ?? [...postings.keys()])
    .filter((p) => df(p) >= o.minDocs && df(p) <= Math.max(o.minDocs, o.maxShare * n))
    .sort((a, b) => df(b) - df(a) || (a < b ? -1 : 1))
    .slice(0, o.maxPhrases);

  const table: AssociationTable = {};
  for (const phrase of wanted) {
    const docs = postings.get(phrase) as number[];
    const own = new Set(phrase.split(' '));
    const co = new Map<string, number>();
    for (const d of docs) for (const t of docTerms[d] as Set<string>) co.set(t, (co.get(t) ?? 0) + 1);
    const scored: { term: string; score: number }[] = [];
    for (const [term, c] of co) {
      if (c < o.minCoverage * docs.length || df(term) < o.minDocs || term.split(' ').some((t) => own.has(t))) continue;
      const pmi = Math.log2((c * n) / (docs.length * df(term)));
      // Lift alone favours rare terms; weigh it by how many of the phrase's papers use the term.
      if (pmi >= o.minPmi) scored.push({ term, score: pmi * Math.sqrt(c / docs.length) });
    }
    scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
    if (scored.length > 0) table[phrase] = scored.slice(0, o.perPhrase).map((s) => s.term);
  }
  return table;
}
