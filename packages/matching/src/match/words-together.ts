// The topic's words close together in one sentence, in any order ("agents built on large
// language models" for LLM agents): weaker evidence than the phrase, counted like a related term.
// Matching calls this for every paper × topic that shares a distinctive word, so each token
// stream gets one token → positions map, built on first use and reused by every topic.
import type { TokenStream } from '../text/tokenize';
import type { AnalyzedPaper } from './analyze-paper';
import { overlapsSpan, type Occurrence } from './phrase-search';
import { FIELD_BIT, type PhraseHits } from './phrase-hits';
import type { IndexedTopic } from './topic-index';
import { MAX_ABSTRACT_MENTIONS, TITLE_FACTOR } from './evidence-weights';

/** Evidence of one sentence holding all the topic's words in another order or apart. */
const TOGETHER_WEIGHT = 0.5;
/** ...within this many words of each other. */
const TOGETHER_WINDOW = 5;
/** Evidence of the topic's telling words said apart where a paper says what it is about (see
 * wordsApartEvidence): as much as related terms alone need. Tuning and tuning2 splits: recall
 * +0.003 and +0.016 with precision unchanged. */
const APART_WEIGHT = 1;
/** A topic's one telling word must run through the abstract too: this many sentences. */
const APART_SENTENCES = 2;
/** The telling word of two (topic-index.ts, `telling`) alone must run through more of the
 * abstract: this many sentences and the title. Tuning4 (causal inference, quantum computing):
 * macro P / R 0.827 / 0.445 -> 0.824 / 0.513 at 3, 0.812 / 0.516 at 2 (causal reasoning, causal
 * graphs, quantum-inspired tensor networks); the other tuning splits unchanged at 3. */
const TELLING_SENTENCES = 3;
/** What one kind of sign adds to a topic's case: its weight, the mentions it counts, where. */
export interface SignEvidence {
  evidence: number;
  mentions: number;
  /** How many different signs (related terms, words together, words apart) make it. */
  signs: number;
  occurrences: Occurrence[];
}

/** No sign at all: shared, and frozen so that nobody adds to it. Most paper × topic pairs
 * judged end here, and an object for each was a good part of the matcher's garbage. */
export const NO_SIGN: SignEvidence = Object.freeze({
  evidence: 0,
  mentions: 0,
  signs: 0,
  occurrences: Object.freeze([]) as never,
});

/** Longest stretch of the paper quoted as one piece in a reason. */
const MAX_QUOTE = 48;

const POSITIONS = new WeakMap<TokenStream, Map<string, number[]>>();

function positionsOf(s: TokenStream): Map<string, number[]> {
  let map = POSITIONS.get(s);
  if (map !== undefined) return map;
  map = new Map();
  for (let i = 0; i < s.tokens.length; i += 1) {
    const t = s.tokens[i] as string;
    const list = map.get(t);
    if (list === undefined) map.set(t, [i]);
    else list.push(i);
  }
  POSITIONS.set(s, map);
  return map;
}

/** Positions of every word of `tokens` (all present in the stream), else undefined. */
function listsOf(positions: Map<string, number[]>, tokens: readonly string[]): number[][] | undefined {
  // The usual case is a word missing: look them all up before allocating.
  for (const t of tokens) if (!positions.has(t)) return undefined;
  return tokens.map((t) => positions.get(t) as number[]);
}

/** For each word after the first, its position near `i` in the same sentence; undefined if one is missing. */
function placesNear(s: TokenStream, lists: readonly number[][], i: number): number[] | undefined {
  const at = [i];
  for (let w = 1; w < lists.length; w += 1) {
    let found = -1;
    for (const p of lists[w] as number[]) {
      if (Math.abs(p - i) <= TOGETHER_WINDOW && s.sentences[p] === s.sentences[i]) {
        found = p;
        break;
      }
    }
    if (found < 0) return undefined;
    at.push(found);
  }
  return at.sort((a, b) => a - b);
}

/** Tokens `from`..`to` of one sentence as an occurrence (marked near: weaker than the phrase). */
function stretch(s: TokenStream, field: 0 | 1, from: number, to: number): Occurrence {
  return { field, start: s.starts[from]!, end: s.ends[to]!, gaps: 0, near: true, sentence: s.sentences[from]! };
}

function quote(s: TokenStream, field: 0 | 1, at: readonly number[]): Occurrence[] {
  const [first, last] = [at[0] as number, at[at.length - 1] as number];
  // The words as they stand when short ("agents built on LLMs"), else each word.
  return s.ends[last]! - s.starts[first]! <= MAX_QUOTE
    ? [stretch(s, field, first, last)]
    : at.map((k) => stretch(s, field, k, k));
}

const FIELDS = [0, 1] as const;

/** Whether token `k` of the field lies in one of the stretches (read off its offsets: no
 * occurrence object per check). */
function inside(stretches: readonly Occurrence[], s: TokenStream, field: 0 | 1, k: number): boolean {
  const start = s.starts[k] as number;
  const end = s.ends[k] as number;
  return stretches.some((t) => overlapsSpan(t, field, start, end));
}

/**
 * The FIELD_BITs of the fields that may hold the topic's together-set `j`: every word of it there,
 * and every anchor among the hits (an anchor that is not stands nowhere, or only inside a trap).
 * Read off marks: looking the words up in the fields' positions was ~7.5 M hash lookups for the
 * benchmark's batch, nearly all of them missing (topics spelled with aliases have dozens of sets).
 */
export function holdsSet(topic: IndexedTopic, j: number, hits: PhraseHits): number {
  if (!hits.hasAll(topic.togetherAnchors[j] as number[])) return 0;
  return hits.fieldsHolding(topic.togetherTokens[j] as number[]);
}

/** `hits`: the paper's phrases without traps; `trapped`, `counted`: stretches that may not count
 * (traps, and words a related term already counted). */
export function togetherEvidence(
  topic: IndexedTopic,
  doc: AnalyzedPaper,
  hits: PhraseHits,
  trapped: readonly Occurrence[],
  counted: readonly Occurrence[],
): SignEvidence {
  let evidence = 0;
  let mentions = 0;
  let occurrences: Occurrence[] | undefined;
  for (const field of FIELDS) {
    const s = field === 0 ? doc.title : doc.abstract;
    const positions = positionsOf(s);
    for (let j = 0; j < topic.together.length; j += 1) {
      if ((holdsSet(topic, j, hits) & FIELD_BIT[field]) === 0) continue;
      const tokens = topic.together[j] as string[];
      const lists = listsOf(positions, tokens);
      if (lists === undefined) continue;
      const sentencesSeen = new Set<number>(); // one mention per sentence
      for (const i of lists[0] as number[]) {
        if (sentencesSeen.has(s.sentences[i] as number)) continue;
        const at = placesNear(s, lists, i);
        // "speech emotion recognition": the words, in another sense; "answer questions": counted.
        if (at === undefined || at.some((k) => inside(trapped, s, field, k) || inside(counted, s, field, k))) continue;
        sentencesSeen.add(s.sentences[i] as number);
        evidence += TOGETHER_WEIGHT * (field === 0 ? TITLE_FACTOR : 1);
        mentions += 1;
        if (occurrences === undefined) occurrences = [];
        occurrences.push(...quote(s, field, at));
      }
      if (sentencesSeen.size > 0) break; // one phrasing of the topic is enough
    }
  }
  if (occurrences === undefined) return NO_SIGN;
  return { evidence: Math.min(evidence, TOGETHER_WEIGHT * MAX_ABSTRACT_MENTIONS), mentions, signs: 1, occurrences };
}

/**
 * The topic's telling words, said apart where the paper says what it is about:
 * - each telling word of the topic ("weather", "forecast") in the title or the abstract's first
 *   sentence ("A Weather Foundation Model…" that "forecasts" the grid's load);
 * - or a topic with one telling word ("agents" of LLM agents): that word in the title and in
 *   two sentences of the abstract, and the topic's other words somewhere in the paper
 *   ("Graph of Agents" on agents built from LLMs);
 * - or, of a two-word topic whose other word is far more common (`topic.telling`), the telling
 *   word in the title and in three sentences of the abstract, the other word nowhere needed
 *   ("Linear Causal Discovery…" for causal inference, "Quantum Circuit Optimization…").
 * Only for a paper that does not name the topic; `hits` are already without traps.
 */
export function wordsApartEvidence(topic: IndexedTopic, doc: AnalyzedPaper, hits: PhraseHits): SignEvidence {
  const apart = allWordsApart(topic, doc, hits);
  const telling = topic.telling[0];
  if (apart.evidence > 0 || telling === undefined) return apart;
  // The telling word of two ("causal" of causal inference) through the paper, the other nowhere.
  return runsThrough(hits.get(telling) ?? [], TELLING_SENTENCES) ?? apart;
}

/** A word in the title and in `need` sentences of the abstract: the paper's subject. */
function runsThrough(list: readonly Occurrence[], need: number): SignEvidence | undefined {
  // Usually the word is not in the title: say so before counting sentences.
  const inTitle = list.find((occ) => occ.field === 0);
  if (inTitle === undefined) return undefined;
  const sentences = new Set(list.filter((occ) => occ.field === 1).map((occ) => occ.sentence));
  if (sentences.size < need) return undefined;
  return { evidence: APART_WEIGHT, mentions: 2, signs: 1, occurrences: [inTitle] };
}

function allWordsApart(topic: IndexedTopic, doc: AnalyzedPaper, hits: PhraseHits): SignEvidence {
  // Words that may not stand apart ("text-to-video", a phrase of ubiquitous words) have no
  // together-sets: apart they are not the topic (and their anchors nominate nothing to judge).
  if (topic.together.length === 0 || topic.anchors.length === 0) return NO_SIGN;
  // Usually an anchor is missing: say so before collecting them.
  for (const id of topic.anchors) if (!hits.has(id)) return NO_SIGN;
  const anchors = topic.anchors.map((id) => hits.get(id) as Occurrence[]);
  const leading = (occ: Occurrence) => occ.field === 0 || occ.sentence === 0;
  if (anchors.length >= 2) {
    const firsts = anchors.map((list) => list.find(leading));
    if (firsts.some((occ) => occ === undefined)) return NO_SIGN;
    if (topic.commonWords && !firsts.some((occ) => occ?.field === 0)) return NO_SIGN;
    // Each telling word where the paper says what it is about is a sign of its own.
    return { evidence: APART_WEIGHT, mentions: 2, signs: anchors.length, occurrences: firsts as Occurrence[] };
  }
  const through = runsThrough(anchors[0] as Occurrence[], APART_SENTENCES);
  if (through === undefined) return NO_SIGN;
  const has = (t: string) => positionsOf(doc.title).has(t) || positionsOf(doc.abstract).has(t);
  return topic.together.some((w) => w.every(has)) ? through : NO_SIGN;
}
