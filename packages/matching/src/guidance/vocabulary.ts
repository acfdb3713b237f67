// The words and phrases stored papers use, with how many papers use each: what the spelling
// check compares a reader's words with, and where related topic suggestions get their wording
// (the association table and the index speak in stemmed tokens, "diffus model"; a reader
// should see "diffusion models"). Built from titles and abstracts, bounded in size.
import { tokenize } from '../text/tokenize';
import { ALIASES } from '../vocab/aliases.data';
import { RELATED_CONCEPTS } from '../vocab/related.data';

export interface VocabularyPhrase {
  /** The most frequent way papers write it, lower-cased unless an acronym ("RLHF", "LoRA"). */
  text: string;
  /** Papers that use it. */
  docs: number;
}

export interface TermVocabulary {
  /** Papers it was built from. */
  papers: number;
  /** Word as written, folded and lower-cased ("diffusion") → papers using it. */
  words: ReadonlyMap<string, number>;
  /** Canonical tokens of a word or an adjacent pair, joined by a space ("diffus model") → wording. */
  phrases: ReadonlyMap<string, VocabularyPhrase>;
  /** Words grouped by length, most used first: the spelling check reads only lengths within reach. */
  byLength: ReadonlyMap<number, readonly string[]>;
}

export interface VocabularyOptions {
  /** Words kept at most (the most used first). */
  maxWords: number;
  /** Phrases kept at most (the most used first). */
  maxPhrases: number;
  /** Papers a phrase needs to be kept (a phrase in one paper suggests nothing). */
  minPhraseDocs: number;
  /** Papers credited to each word of the field vocabulary (alias table, related concepts), so
   * "reinforcment" finds "reinforcement" even among few papers. */
  knownWordDocs: number;
}

export const DEFAULT_VOCABULARY_OPTIONS: VocabularyOptions = {
  maxWords: 60_000,
  maxPhrases: 60_000,
  minPhraseDocs: 2,
  knownWordDocs: 5,
};

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const PLAIN = /^[A-Za-z]+$/;

/** A word as the vocabulary keys it: accents off, lower case. */
export function foldWord(word: string): string {
  // Most words are plain ASCII letters: decomposing them would cost more than everything else here.
  if (PLAIN.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words of the field vocabulary: every alias and expansion, every related-concept topic and term. */
export const FIELD_TERMS: readonly string[] = [
  ...ALIASES.flatMap((a) => [a.acronym, ...a.expansions]),
  ...RELATED_CONCEPTS.flatMap((c) => [...c.topics, ...Object.keys(c.related)]),
];

const isAcronym = (written: string) => written.replace(/[^A-Z]/g, '').length >= 2;
function wording(written: string): string {
  const lower = written.toLowerCase();
  if (lower === written) return written;
  return written
    .split(' ')
    .map((w) => (isAcronym(w) ? w : w.toLowerCase()))
    .join(' ');
}

interface Counting {
  words: Map<string, number>;
  phrases: Map<string, { docs: number; forms: Map<string, number> }>;
}

function countPaper(text: string, into: Counting): void {
  const s = tokenize(text, 'paper');
  // Words as written come from the tokens' own places (one pass over the text, not two); stop
  // words are left out, and the spelling check never corrects one.
  const words = new Set<string>();
  const seen = new Map<string, string>();
  for (let i = 0; i < s.tokens.length; i += 1) {
    const written = text.slice(s.starts[i], s.ends[i]);
    if (PLAIN.test(written)) {
      if (written.length >= 3) words.add(foldWord(written));
    } else for (const m of written.matchAll(WORD)) if (m[0].length >= 3) words.add(foldWord(m[0]));
    const t = s.tokens[i] as string;
    if (t.length < 2 || /\d/.test(t)) continue;
    if (!seen.has(t)) seen.set(t, text.slice(s.starts[i], s.ends[i]));
    const next = s.tokens[i + 1];
    if (next === undefined || s.clauses[i + 1] !== s.clauses[i] || next.length < 2 || /\d/.test(next)) continue;
    const key = `${t} ${next}`;
    if (!seen.has(key)) seen.set(key, text.slice(s.starts[i], s.ends[i + 1]).replace(/\s+/g, ' '));
  }
  for (const w of words) into.words.set(w, (into.words.get(w) ?? 0) + 1);
  for (const [key, written] of seen) {
    const entry = into.phrases.get(key) ?? { docs: 0, forms: new Map<string, number>() };
    entry.docs += 1;
    const form = wording(written);
    // Bounded: the first few ways of writing a phrase are enough to find its usual one.
    if (entry.forms.size < 4 || entry.forms.has(form)) entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
    into.phrases.set(key, entry);
  }
}

function top<T>(entries: Iterable<[string, T]>, size: (v: T) => number, limit: number): [string, T][] {
  return [...entries].sort((a, b) => size(b[1]) - size(a[1]) || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

/**
 * Counts papers one at a time, so that a caller with many papers can yield between chunks (a
 * paper costs about a millisecond to tokenise) and keep its event loop answering.
 */
export class VocabularyBuilder {
  private readonly counting: Counting = { words: new Map(), phrases: new Map() };
  private papers = 0;
  private readonly options: VocabularyOptions;

  constructor(options: Partial<VocabularyOptions> = {}) {
    this.options = { ...DEFAULT_VOCABULARY_OPTIONS, ...options };
  }

  add(paper: { title: string; abstract: string }): void {
    countPaper(`${paper.title}.\n${paper.abstract}`, this.counting);
    this.papers += 1;
  }

  finish(): TermVocabulary {
    const { counting, options: opts } = this;
    for (const term of FIELD_TERMS) {
      for (const m of term.matchAll(WORD)) {
        const w = foldWord(m[0]);
        if (w.length >= 3) counting.words.set(w, Math.max(counting.words.get(w) ?? 0, opts.knownWordDocs));
      }
    }
    const words = new Map(top(counting.words, (n) => n, opts.maxWords));
    const phrases = new Map<string, VocabularyPhrase>();
    const kept = [...counting.phrases].filter(([, e]) => e.docs >= opts.minPhraseDocs);
    for (const [key, entry] of top(kept, (e) => e.docs, opts.maxPhrases)) {
      const [text] = top(entry.forms, (n) => n, 1)[0] as [string, number];
      phrases.set(key, { text, docs: entry.docs });
    }
    const byLength = new Map<number, string[]>();
    for (const w of words.keys()) {
      const list = byLength.get(w.length) ?? [];
      list.push(w);
      byLength.set(w.length, list);
    }
    return { papers: this.papers, words, phrases, byLength };
  }
}

/** Builds the vocabulary of these papers' titles and abstracts plus the field vocabulary. */
export function buildVocabulary(
  papers: readonly { title: string; abstract: string }[],
  options: Partial<VocabularyOptions> = {},
): TermVocabulary {
  const builder = new VocabularyBuilder(options);
  for (const p of papers) builder.add(p);
  return builder.finish();
}
