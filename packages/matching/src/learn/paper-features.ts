// A paper's text as features for a reader's model: the canonical tokens of its title and
// abstract (the matcher's own tokenizer: stemmed, acronyms canonical, stop words gone) and the
// two-word phrases inside a clause, plus the followed topic keys it matched. Features are
// hashed into a fixed space (no vocabulary to store or keep in step across processes), weighted
// tf-idf (sublinear tf; idf from the papers at hand) and L2-normalised, so a long abstract does
// not outvote a short one.
import { tokenize } from '../text/tokenize';

/** 2^18 buckets: collisions among a few thousand papers' words are rare and harmless. */
export const FEATURE_BITS = 18;
export const FEATURE_SPACE = 1 << FEATURE_BITS;
const MASK = FEATURE_SPACE - 1;

/** A sparse vector: sorted distinct indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Raw term counts of one paper before weighting (cached per paper by callers), and the
 * features of the topic keys it matched (kept apart: they are not words, see weigh). */
export interface TermCounts {
  idx: Int32Array;
  count: Float32Array;
  topics: Int32Array;
}

/** FNV-1a over the UTF-16 units, masked to the feature space. */
export function hashFeature(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

export interface FeatureText {
  title: string;
  abstract?: string;
  /** Topic keys the paper matched (any reader's): "this is a reward-models paper". */
  topicKeys?: readonly string[];
}

/** Title words count twice: a title is what the paper is about. */
const TITLE_WEIGHT = 2;
/** A matched topic key's value beside the normalised words: as strong as a distinctive
 * phrase, whatever the length of the abstract. */
const TOPIC_VALUE = 0.5;

function addTokens(counts: Map<number, number>, text: string, weight: number): void {
  const stream = tokenize(text, 'paper');
  const { tokens, clauses } = stream;
  for (let i = 0; i < tokens.length; i += 1) {
    const h = hashFeature(`w:${tokens[i]}`);
    counts.set(h, (counts.get(h) ?? 0) + weight);
    if (i > 0 && clauses[i - 1] === clauses[i]) {
      const p = hashFeature(`p:${tokens[i - 1]} ${tokens[i]}`);
      counts.set(p, (counts.get(p) ?? 0) + weight);
    }
  }
}

/** The paper's hashed term counts (title words weighted double, topic keys as extra terms). */
export function termCounts(paper: FeatureText): TermCounts {
  const counts = new Map<number, number>();
  addTokens(counts, paper.title, TITLE_WEIGHT);
  if (paper.abstract) addTokens(counts, paper.abstract, 1);
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const count = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i += 1) count[i] = counts.get(idx[i] as number) as number;
  const topics = Int32Array.from(new Set((paper.topicKeys ?? []).map((key) => hashFeature(`t:${key}`)))).sort();
  return { idx, count, topics };
}

/** Document frequencies of a set of papers: idf = ln((n + 1) / (df + 1)) + 1. */
export class Idf {
  private readonly df: Uint32Array;
  private n = 0;

  constructor() {
    this.df = new Uint32Array(FEATURE_SPACE);
  }

  add(paper: TermCounts): void {
    this.n += 1;
    for (let i = 0; i < paper.idx.length; i += 1) {
      const at = paper.idx[i] as number;
      this.df[at] = (this.df[at] as number) + 1;
    }
  }

  get documents(): number {
    return this.n;
  }

  of(index: number): number {
    return Math.log((this.n + 1) / ((this.df[index] as number) + 1)) + 1;
  }
}

/** Words: tf-idf with sublinear tf (1 + ln tf), L2-normalised (without an idf table, tf only);
 * then each matched topic key at TOPIC_VALUE. */
export function weigh(paper: TermCounts, idf?: Idf): SparseVector {
  const words = new Float32Array(paper.idx.length);
  let norm = 0;
  for (let i = 0; i < words.length; i += 1) {
    const v = (1 + Math.log(paper.count[i] as number)) * (idf ? idf.of(paper.idx[i] as number) : 1);
    words[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < words.length; i += 1) words[i] = (words[i] as number) / norm;
  if (paper.topics.length === 0) return { idx: paper.idx, val: words };
  const merged = new Map<number, number>();
  for (let i = 0; i < words.length; i += 1) merged.set(paper.idx[i] as number, words[i] as number);
  for (const t of paper.topics) merged.set(t, (merged.get(t) ?? 0) + TOPIC_VALUE);
  const idx = Int32Array.from(merged.keys()).sort();
  const val = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i += 1) val[i] = merged.get(idx[i] as number) as number;
  return { idx, val };
}

/** Cosine of two L2-normalised sparse vectors (merge of sorted indices). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i] as number;
    const y = b.idx[j] as number;
    if (x === y) {
      sum += (a.val[i] as number) * (b.val[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}
