// Turns text into canonical tokens with their places in the original text. Papers and topics go
// through the same function so that they always agree: Unicode folded (accents, ligatures),
// lower-cased, hyphens split, stop words dropped, light stemming, compounds joined, and known
// acronyms replaced by their canonical form ("LLMs" → "LLM", "MoE" → "MoE").
import { ACRONYMS } from '../vocab/acronyms';
import { COMPOUND_PREFIXES, type AliasEntry } from '../vocab/aliases.data';
import { stemWord } from './stem';
import { STOPWORDS } from './stopwords.data';
import usSpellings from './us-spellings.data.json';

/** Stems of British spellings → those of the American ones most papers write
 * (scripts/learn-us-spellings.ts): "optimisation" and "optimization" are one word to a reader of
 * either, in every form ("quantised", "quantising"). */
const US_STEMS: ReadonlyMap<string, string> = new Map(Object.entries(usSpellings.stems));

export interface TokenStream {
  source: string;
  tokens: string[];
  /** Offsets of each token in `source` (end exclusive), to quote the paper's own words. */
  starts: number[];
  ends: number[];
  /** Clause number: phrases never span punctuation such as "." "," ";" or brackets. */
  clauses: number[];
  /** Like clauses, but brackets do not break a span: "graph neural network (GNN) recommenders"
   * is one span, so a proximity match may step over a parenthesised expansion. */
  spans: number[];
  /** Sentence number ("." ";" "!" "?"): the topic's words in one sentence, in any order, are a
   * weaker sign of the topic than the phrase itself ("agents built on large language models"). */
  sentences: number[];
  /** Stop words dropped just before each token ("graph [of] neural networks"). */
  stops: number[];
}

/** 'topic': a reader's words, where "rag" means RAG; 'paper': "rag" must be written "RAG". */
export type TokenizeMode = 'topic' | 'paper';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”|—]/;
const SPAN_BREAK = /[.,;:!?"“”|—]/;
const SENTENCE_BREAK = /[.;!?]/;
const JOINER = /^[\s\-‐‑‒–/]*$/;

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/** Capitals beyond the first letter mark an acronym as written ("RAG", "MoE", "NeRF"). */
function acronymBase(folded: string): string | undefined {
  const base = /[A-Z]s$/.test(folded) ? folded.slice(0, -1) : folded;
  const capitals = base.replace(/[^A-Z]/g, '').length;
  return capitals >= 2 ? base : undefined;
}

/** The alias entry a word written with capitals stands for. A word-like acronym must be written
 * exactly or in capitals: "LoRa" (the radio) is not "LoRA", "Moe" is not "MoE". */
function knownAcronym(written: string | undefined): AliasEntry | undefined {
  if (written === undefined) return undefined;
  const entry = ACRONYMS.get(written.toLowerCase());
  if (!entry?.wordLike) return entry;
  return written === entry.acronym || written === written.toUpperCase() ? entry : undefined;
}

/** Canonical token of one word, or undefined for a stop word. */
function canonicalWord(folded: string, mode: TokenizeMode): string | undefined {
  const known = knownAcronym(acronymBase(folded));
  if (known) return known.acronym;
  // Unknown capitals ("LLaMA", a shouted title) are ordinary words from here on.
  const lower = folded.toLowerCase();
  if (STOPWORDS.has(lower)) return undefined;
  const stemmed = stemWord(lower);
  const stem = US_STEMS.get(stemmed) ?? stemmed;
  const entry = ACRONYMS.get(stem) ?? ACRONYMS.get(lower);
  if (entry && (mode === 'topic' || !entry.wordLike)) return entry.acronym;
  return stem;
}

/** A word as written, read once: lower-cased after folding (what a compound prefix is matched
 * on), and its canonical token (undefined for a stop word). */
interface WordForm {
  lower: string;
  token: string | undefined;
}

/** Each mode's words as written → their forms. Papers repeat their words (the matching benchmark's
 * thousand abstracts hold ~190,000 words, ~17,000 of them distinct), and folding, stemming and the
 * acronym look-ups of every word were over half of tokenising. Cleared when full: a bound on the
 * entries, not an eviction policy worth its bookkeeping. */
const WORD_FORMS: Readonly<Record<TokenizeMode, Map<string, WordForm>>> = { topic: new Map(), paper: new Map() };
const MAX_WORD_FORMS = 100_000;

function wordForm(written: string, mode: TokenizeMode): WordForm {
  const forms = WORD_FORMS[mode];
  let form = forms.get(written);
  if (form === undefined) {
    // A word cut from a long text can be a view into that text (V8 keeps a slice of 13 characters
    // or more as one): kept as a key, it would keep the whole abstract alive. A copy of its own
    // is kept instead, and everything read from it.
    const own = ` ${written}`.slice(1);
    const folded = fold(own);
    form = { lower: folded.toLowerCase(), token: canonicalWord(folded, mode) };
    if (forms.size >= MAX_WORD_FORMS) forms.clear();
    forms.set(own, form);
  }
  return form;
}

function joinsNext(prefixWord: string, nextStem: string): boolean {
  // "Self-RAG", "multi-LLM": an acronym keeps its identity rather than vanish into a compound.
  if (nextStem !== nextStem.toLowerCase()) return false;
  const allowed = Object.hasOwn(COMPOUND_PREFIXES, prefixWord) ? COMPOUND_PREFIXES[prefixWord] : undefined;
  if (allowed === undefined) return false;
  return allowed === null || allowed.includes(nextStem);
}

export function tokenize(source: string, mode: TokenizeMode): TokenStream {
  const out: TokenStream = {
    source,
    tokens: [],
    starts: [],
    ends: [],
    clauses: [],
    spans: [],
    sentences: [],
    stops: [],
  };
  let clause = 0;
  let span = 0;
  let sentence = 0;
  let prevEnd = 0;
  let prevWord = ''; // the previous word as written (lower-cased), even when it was a stop word
  let prevEmitted = false;
  let stops = 0;
  for (const m of source.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = source.slice(prevEnd, start);
    if (CLAUSE_BREAK.test(gap)) clause += 1;
    if (SPAN_BREAK.test(gap)) span += 1;
    if (SENTENCE_BREAK.test(gap)) sentence += 1;
    const { lower, token } = wordForm(m[0], mode);
    const last = out.tokens.length - 1;
    if (token !== undefined && prevEmitted && JOINER.test(gap) && joinsNext(prevWord, token)) {
      out.tokens[last] = prevWord + token;
      out.ends[last] = end;
      prevEmitted = false; // "multi-agent-system" joins once, not twice
    } else if (token !== undefined) {
      out.tokens.push(token);
      out.starts.push(start);
      out.ends.push(end);
      out.clauses.push(clause);
      out.spans.push(span);
      out.sentences.push(sentence);
      out.stops.push(stops);
      stops = 0;
      prevEmitted = true;
    } else {
      prevEmitted = false;
      stops += 1;
    }
    prevWord = lower;
    prevEnd = end;
  }
  return out;
}
