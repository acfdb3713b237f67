// A reader's learned preferences applied to their digest. Composition stays what it is
// (sections per topic, round-robin, near-duplicates out); only the candidates change:
// - each followed topic's head (the first `depth` candidates) is re-scored by the reader's
//   model, score × e^(strength × margin), and re-sorted, so what they liked rises within its
//   topic and a topic whose head they like deals first;
// - up to `maxExtras` papers beyond their topics' matches that the model likes (margin above
//   `minMargin`) take the digest's last places, in a section of their own, each with the liked
//   paper it resembles most ("Because you liked …").
// A reader without a model never comes here: their digest is exactly the unpersonalised one.
import {
  composeDigest,
  type ComposeCandidate,
  type ComposedDigest,
  type ComposedPaper,
  type ComposeInput,
} from '../compose/compose-digest';
import { DEFAULT_DUPLICATE_THRESHOLD, jaccard, paperTitleWords } from '../compose/title-similarity';
import type { RankablePaper } from '../types';
import { dot, FEATURE_SPACE, type SparseVector } from './paper-features';
import type { LinearModel } from './reader-model';

export interface LikedPaper {
  paperId: number;
  title: string;
  features: SparseVector;
}

export interface PoolPaper {
  paperId: number;
  paper: RankablePaper;
  score: number;
}

export interface Personalization {
  model: LinearModel;
  /** A candidate's features; a paper without them keeps its score. */
  features: (paperId: number) => SparseVector | undefined;
  /** The papers the reader liked (newest first): the reasons of the extra papers. */
  liked: readonly LikedPaper[];
  /** Recent papers beyond the reader's topics that may be added. */
  pool?: readonly PoolPaper[];
  /** The same pool transposed, shared by every reader of a batch (built over this `pool` with
   * these `features`): margins over the whole pool in one pass over the model's postings. */
  poolIndex?: PoolIndex;
  /** Extra papers at most (default 3). */
  maxExtras?: number;
  /** How strongly the margin moves a score (default 2). */
  strength?: number;
  /** Candidates re-scored per topic (default 100). */
  depth?: number;
  /** Margin an extra paper needs (default 0: the model leans towards "liked"). */
  minMargin?: number;
}

export const LIKED_SECTION_KEY = '\u0000liked';
export const DEFAULT_MAX_EXTRAS = 3;
const MAX_MARGIN = 4;

/** Scores papers against one model. Its weights go into a small open-addressing table (a few
 * kB, shared and reused: it stays in the CPU cache), so a paper costs one probe per feature;
 * spreading them over the whole feature space instead made every probe a cache miss. */
export class ModelScorer {
  private static keys = new Int32Array(0);
  private static values = new Float32Array(0);
  private readonly mask: number;

  constructor(private readonly model: LinearModel) {
    let size = 16;
    while (size < model.idx.length * 4) size *= 2;
    if (ModelScorer.keys.length < size) {
      ModelScorer.keys = new Int32Array(size);
      ModelScorer.values = new Float32Array(size);
    }
    const keys = ModelScorer.keys;
    keys.fill(-1, 0, size);
    this.mask = size - 1;
    for (let i = 0; i < model.idx.length; i += 1) {
      const key = model.idx[i] as number;
      let at = Math.imul(key, 0x9e3779b1) & this.mask;
      while (keys[at] !== -1) at = (at + 1) & this.mask;
      keys[at] = key;
      ModelScorer.values[at] = model.w[i] as number;
    }
  }

  margin(features: SparseVector): number {
    const { keys, values } = ModelScorer;
    const mask = this.mask;
    let sum = this.model.bias;
    for (let i = 0; i < features.idx.length; i += 1) {
      const key = features.idx[i] as number;
      let at = Math.imul(key, 0x9e3779b1) & mask;
      for (;;) {
        const k = keys[at] as number;
        if (k === key) {
          sum += (values[at] as number) * (features.val[i] as number);
          break;
        }
        if (k === -1) break;
        at = (at + 1) & mask;
      }
    }
    return sum;
  }

  /** Kept for callers that scored with another model in between (the table is rebuilt each time). */
  release(): void {}
}

/** A list's papers and their pool slots (PoolIndex.slotsOf). */
export interface ListSlots {
  ids: Float64Array;
  slots: Int32Array;
}

/**
 * A pool's features transposed: its distinct features in ascending order, each with the pool
 * papers that have it and their values. Built once per pool and shared by every reader of a
 * batch: a reader's margins for the whole pool cost one probe of their model's small table per
 * distinct feature plus a multiply-add per posting of the features the model weighs, instead of
 * a probe per feature of every paper. Each paper's sum runs in the order ModelScorer.margin's
 * does (the bias, then its features in ascending order), so the margins are the same numbers to
 * the last bit.
 */
export class PoolIndex {
  private readonly slots = new Map<number, number>();
  private readonly withFeatures: Uint8Array;
  /** Distinct features, ascending; feature d's postings are at [starts[d], starts[d + 1]). */
  readonly features: Int32Array;
  /** d of each feature of the space, -1 for those no pool paper has (1 MB, once per pool). */
  readonly positions: Int32Array;
  /** One bit per feature of the space, set for those some pool paper has (32 kB): a model's
   * features mostly come from papers of other days, and testing this small table first spares
   * each of those a read of `positions`, which is too large to stay in the CPU cache. */
  private readonly present: Int32Array;
  readonly starts: Int32Array;
  readonly papers: Int32Array;
  readonly values: Float32Array;

  /** `pool[i]`'s margin is at position i; papers without features have none. */
  constructor(
    readonly pool: readonly { paperId: number }[],
    featuresOf: (paperId: number) => SparseVector | undefined,
  ) {
    const vectors = pool.map((p) => featuresOf(p.paperId));
    this.withFeatures = new Uint8Array(pool.length);
    const postings = new Map<number, number[]>();
    vectors.forEach((f, i) => {
      if (!f) return;
      this.withFeatures[i] = 1;
      const id = (pool[i] as { paperId: number }).paperId;
      if (!this.slots.has(id)) this.slots.set(id, i);
      for (let k = 0; k < f.idx.length; k += 1) {
        const key = f.idx[k] as number;
        const list = postings.get(key);
        if (list) list.push(i, k);
        else postings.set(key, [i, k]);
      }
    });
    this.features = Int32Array.from(postings.keys()).sort();
    this.positions = new Int32Array(FEATURE_SPACE).fill(-1);
    this.present = new Int32Array(FEATURE_SPACE >>> 5);
    this.features.forEach((key, d) => {
      this.positions[key] = d;
      this.present[key >>> 5] = (this.present[key >>> 5] as number) | (1 << (key & 31));
    });
    this.starts = new Int32Array(this.features.length + 1);
    let total = 0;
    for (const list of postings.values()) total += list.length / 2;
    this.papers = new Int32Array(total);
    this.values = new Float32Array(total);
    let at = 0;
    this.features.forEach((key, d) => {
      const list = postings.get(key) as number[];
      for (let x = 0; x < list.length; x += 2) {
        const i = list[x] as number;
        this.papers[at] = i;
        this.values[at] = (vectors[i] as SparseVector).val[list[x + 1] as number] as number;
        at += 1;
      }
      this.starts[d + 1] = at;
    });
  }

  /** The margin of every paper of the pool under `model`, by position: for each of the model's
   * features (ascending) found in the pool, a multiply-add per posting — the model's size plus
   * the postings it touches, whatever the number of distinct features in the pool. Written into
   * `into` when it is long enough (a reader's margins live for their compose only: one array
   * reused by every reader instead of an ArrayBuffer each). Undefined when the model's features
   * do not ascend (packModel and training leave them ascending): each paper's sum would not run
   * in ModelScorer.margin's order, so the caller scores paper by paper. The check rides along
   * this loop instead of a pass of its own over the model per reader. */
  margins(model: LinearModel, into?: Float64Array): Float64Array | undefined {
    const n = this.pool.length;
    const out = into && into.length >= n ? into : new Float64Array(n);
    out.fill(model.bias, 0, n);
    const { idx, w } = model;
    const { positions, present, starts, papers, values } = this;
    const space = positions.length;
    let previous = -1;
    for (let i = 0; i < idx.length; i += 1) {
      const key = idx[i] as number;
      if (key <= previous) return undefined;
      previous = key;
      if (key >= space || ((present[key >>> 5] as number) & (1 << (key & 31))) === 0) continue;
      const d = positions[key] as number;
      // The weight as a float32, as ModelScorer keeps it: the same product as margin()'s.
      const weight = Math.fround(w[i] as number);
      const end = starts[d + 1] as number;
      for (let at = starts[d] as number; at < end; at += 1) {
        const j = papers[at] as number;
        out[j] = (out[j] as number) + weight * (values[at] as number);
      }
    }
    return out;
  }

  private readonly listSlots = new WeakMap<object, ListSlots>();

  /** slotOf for each paper of a list, kept per list object (a topic's candidates are one list
   * for every reader of a batch) with the ids it was found for: a caller uses a slot only while
   * the list still holds that paper there. */
  slotsOf(list: readonly { paperId: number }[]): ListSlots {
    let known = this.listSlots.get(list);
    if (!known || known.ids.length !== list.length) {
      known = {
        ids: Float64Array.from(list, (c) => c.paperId),
        slots: Int32Array.from(list, (c) => this.slotOf(c.paperId)),
      };
      this.listSlots.set(list, known);
    }
    return known;
  }

  /** The position of a paper of the pool that has features, or -1. */
  slotOf(paperId: number): number {
    return this.slots.get(paperId) ?? -1;
  }

  /** Whether `pool[i]` has features (a margin). */
  has(i: number): boolean {
    return this.withFeatures[i] === 1;
  }
}

const clamp = (x: number) => (x > MAX_MARGIN ? MAX_MARGIN : x < -MAX_MARGIN ? -MAX_MARGIN : x);

export function composePersonalDigest(input: ComposeInput, p: Personalization): ComposedDigest {
  return compose(input, p);
}

/** One reader's pool margins at a time (Margins.ofPool): grown to the largest pool seen. */
let poolScratch = new Float64Array(0);

/** The reader's margins: a pool paper's read off the pool's transposed index (computed for the
 * whole pool at the first one asked), any other paper scored on its own. */
class Margins {
  private pool: Float64Array | undefined | null = null;
  private table: ModelScorer | undefined;

  constructor(private readonly p: Personalization) {}

  /** The model's table, built at the first paper scored on its own (none when all are pooled). */
  get scorer(): ModelScorer {
    this.table ??= new ModelScorer(this.p.model);
    return this.table;
  }

  /** The margins of `p.pool` by position, when the pool is indexed and the model's features
   * ascend (as packModel and training leave them; otherwise paper by paper). In the shared
   * scratch array: valid until the next reader's compose (composing is synchronous). */
  ofPool(): Float64Array | undefined {
    if (this.pool === null) {
      const { poolIndex, model } = this.p;
      if (poolIndex && poolScratch.length < poolIndex.pool.length)
        poolScratch = new Float64Array(poolIndex.pool.length);
      this.pool = poolIndex ? poolIndex.margins(model, poolScratch) : undefined;
    }
    return this.pool;
  }

  /** Where each paper of `list` sits in the indexed pool (-1: not in it), when there is one. */
  slotsOf(list: readonly { paperId: number }[]): ListSlots | undefined {
    return this.p.poolIndex?.slotsOf(list);
  }

  /** A paper's margin, or undefined when it has no features; `known`: its pool slot, if looked up. */
  of(paperId: number, known?: number): number | undefined {
    const index = this.p.poolIndex;
    const slot = known !== undefined ? known : index ? index.slotOf(paperId) : -1;
    if (slot >= 0) {
      const pool = this.ofPool();
      if (pool) return pool[slot] as number;
    }
    const f = this.p.features(paperId);
    return f ? this.scorer.margin(f) : undefined;
  }
}

function compose(input: ComposeInput, p: Personalization): ComposedDigest {
  const strength = p.strength ?? 2;
  const depth = p.depth ?? 100;
  // Most readers of a build received nothing yet in the window: no Set of their own then.
  const exclude = input.exclude && input.exclude.length > 0 ? new Set(input.exclude) : NOTHING;
  const margins = new Margins(p);
  // The heads live only while this (synchronous) compose runs: composeDigest copies what it takes
  // into the digest's own papers. So one Map, one array per topic and one candidate object per
  // place serve every voter of a build instead of a hundred new objects per topic of each.
  const candidates = heads.map;
  candidates.clear();
  heads.used = 0;
  let t = 0;
  for (const topic of input.topics) {
    const list = input.candidates.get(topic.key);
    if (!list || candidates.has(topic.key)) continue;
    const head = heads.lists[t] ?? [];
    heads.lists[t] = head;
    t += 1;
    rescoreHead(list, head, margins, exclude, strength, depth);
    candidates.set(topic.key, head);
  }
  const extras = pickExtras(p, margins, exclude, input);
  // Written out rather than spread: a spread copies the input object per voter, field by field.
  const digest = composeDigest({
    topics: input.topics,
    candidates,
    cap: Math.max(1, input.cap - extras.length),
    exclude: input.exclude,
    duplicateThreshold: input.duplicateThreshold,
    matches: input.matches,
    order: 'score',
  });
  const threshold = input.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  // Plain loops and the digest's own (fresh) arrays: this runs for every voter of a build.
  const added: ComposedPaper[] = [];
  for (const x of extras) if (!inDigest(digest.papers, x.paper, threshold)) added.push(x);
  if (added.length === 0) return digest;
  digest.sections.push({ topicKey: LIKED_SECTION_KEY, label: 'Because you liked', papers: added });
  for (const x of added) digest.papers.push(x);
  return digest;
}

/** The re-scored heads of the voter being composed (see compose): reused reader after reader. */
const heads = { map: new Map<string, ComposeCandidate[]>(), lists: [] as ComposeCandidate[][], used: 0 };
const places: ComposeCandidate[] = [];

/** A candidate object for the head being written, reused from the previous voters'. */
function place(
  paperId: number,
  score: number,
  reason: ComposeCandidate['reason'],
  paper: RankablePaper,
  work: number | undefined,
): ComposeCandidate {
  let c = places[heads.used];
  if (c === undefined) {
    // Made as prepareLists makes the shared candidates (four fields, then `work`), so both
    // have one hidden class and composeDigest's reads of them stay monomorphic.
    c = { paperId, score, reason, paper };
    c.work = work;
    places.push(c);
  } else {
    c.paperId = paperId;
    c.score = score;
    c.reason = reason;
    c.paper = paper;
    c.work = work;
  }
  heads.used += 1;
  return c;
}

/**
 * A topic's first `depth` candidates the reader has not received, each scored
 * score × e^(strength × margin) (unchanged without features), best first — into `head`. The
 * scores are sorted as numbers (sortedOrder) and only then written into reused objects, in order.
 */
function rescoreHead(
  list: readonly ComposeCandidate[],
  head: ComposeCandidate[],
  margins: Margins,
  exclude: ReadonlySet<number>,
  strength: number,
  depth: number,
): void {
  // Each candidate's place in the pool, found once per list for every reader of the batch.
  const slots = margins.slotsOf(list);
  let n = 0;
  for (let k = 0; k < list.length && n < depth; k += 1) {
    const c = list[k] as ComposeCandidate;
    if (exclude.has(c.paperId)) continue;
    const known = slots && slots.ids[k] === c.paperId ? (slots.slots[k] as number) : undefined;
    const margin = margins.of(c.paperId, known);
    growSortScratch(n + 1);
    sortScratch.score[n] = margin !== undefined ? c.score * Math.exp(strength * clamp(margin)) : c.score;
    sortScratch.id[n] = c.paperId;
    sortScratch.from[n] = k;
    n += 1;
  }
  const order = sortedOrder(n);
  for (let i = 0; i < n; i += 1) {
    const at = order[i] as number;
    const c = list[sortScratch.from[at] as number] as ComposeCandidate;
    head[i] = place(c.paperId, sortScratch.score[at] as number, c.reason, c.paper, c.work);
  }
  head.length = n;
}

const NOTHING: ReadonlySet<number> = new Set();

/** Whether a paper (or another printing of it) is already among `papers`. */
function inDigest(papers: readonly ComposedPaper[], paper: RankablePaper, threshold: number): boolean {
  const known = similarities(paper);
  for (const d of papers) if (sameWork(d.paper, paper, threshold, known)) return true;
  return false;
}

/** Whether the paper is a candidate of one of the reader's topics (a module function, not a
 * closure made per reader). */
function onTopics(input: ComposeInput, paperId: number): boolean {
  for (const topic of input.topics) {
    if (input.matches) {
      if (input.matches(topic.key, paperId)) return true;
    } else if (input.candidates.get(topic.key)?.some((c) => c.paperId === paperId)) return true;
  }
  return false;
}

/**
 * `head.sort((a, b) => b.score - a.score || a.paperId - b.paperId)` without a comparator call per
 * comparison: a stable bottom-up merge sort of positions, comparing keys held in typed arrays by
 * that same expression. A stable sort under one comparator leaves one order, so it is the same
 * order; re-sorting every topic head of every voter was a tenth of the learning's build cost.
 */
let sortScratch = {
  score: new Float64Array(128),
  id: new Float64Array(128),
  from: new Int32Array(128),
  order: new Int32Array(128),
  spare: new Int32Array(128),
};

/** Scratch arrays shared by every call, grown when a head is longer: four typed arrays per
 * topic of every voter were garbage the build's young generation had to sweep. */
function growSortScratch(n: number): void {
  if (sortScratch.score.length >= n) return;
  const size = Math.max(n, 2 * sortScratch.score.length);
  const grown = {
    score: new Float64Array(size),
    id: new Float64Array(size),
    from: new Int32Array(size),
    order: new Int32Array(size),
    spare: new Int32Array(size),
  };
  grown.score.set(sortScratch.score);
  grown.id.set(sortScratch.id);
  grown.from.set(sortScratch.from);
  sortScratch = grown;
}

/** The positions of `scores` (with `ids`) in the order rescoreHead sorts a head by: sortedOrder
 * over copies of them, so a test can hold that order to the comparator sort's. */
export function orderByScore(scores: readonly number[], ids: readonly number[]): number[] {
  const n = scores.length;
  growSortScratch(n);
  for (let i = 0; i < n; i += 1) {
    sortScratch.score[i] = scores[i] as number;
    sortScratch.id[i] = ids[i] as number;
  }
  return Array.from(sortedOrder(n).subarray(0, n));
}

/** Positions 0..n-1 of sortScratch's first n (score, id) in the comparator's order (the
 * returned array is scratch too: read it before the next sort). */
function sortedOrder(n: number): Int32Array {
  const { score, id } = sortScratch;
  let { order, spare } = sortScratch;
  for (let i = 0; i < n; i += 1) order[i] = i;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let l = lo;
      let r = mid;
      let out = lo;
      while (l < mid && r < hi) {
        const a = order[r] as number;
        const b = order[l] as number;
        // The right one goes first only when the comparator puts it strictly before (stability).
        if (((score[b] as number) - (score[a] as number) || (id[a] as number) - (id[b] as number)) < 0) {
          spare[out] = a;
          r += 1;
        } else {
          spare[out] = b;
          l += 1;
        }
        out += 1;
      }
      while (l < mid) spare[out++] = order[l++] as number;
      while (r < hi) spare[out++] = order[r++] as number;
    }
    const swap = order;
    order = spare;
    spare = swap;
  }
  return order;
}

/** Title similarities (jaccard of their title words) of an extra paper with the papers it was
 * compared with, per pair of paper objects (immutable snapshots, so a pair's similarity never
 * changes): the readers of a batch compare the same few pool papers with the same topic heads.
 * Weak both ways: a batch's papers go when the batch does. Keyed by title strings before, each
 * look-up hashed and compared ~80 characters of titles: a tenth of a voter's composition. */
const similarity = new WeakMap<RankablePaper, WeakMap<RankablePaper, number>>();

function similarities(paper: RankablePaper): WeakMap<RankablePaper, number> {
  let row = similarity.get(paper);
  if (row === undefined) {
    row = new WeakMap();
    similarity.set(paper, row);
  }
  return row;
}

/** `b`'s row of similarities (similarities(b)) when the caller has it. */
function sameWork(
  a: RankablePaper,
  b: RankablePaper,
  threshold: number,
  known?: WeakMap<RankablePaper, number>,
): boolean {
  if (a.id === b.id) return true;
  if (a.title === undefined || b.title === undefined) return false;
  const row = known ?? similarities(b);
  let s = row.get(a);
  if (s === undefined) {
    s = jaccard(paperTitleWords(a), paperTitleWords(b));
    row.set(a, s);
  }
  return s >= threshold;
}

function pickExtras(
  p: Personalization,
  margins: Margins,
  exclude: ReadonlySet<number>,
  input: ComposeInput,
): ComposedPaper[] {
  const max = Math.min(p.maxExtras ?? DEFAULT_MAX_EXTRAS, input.cap - 1);
  if (max <= 0 || !p.pool || p.liked.length === 0) return [];
  const minMargin = p.minMargin ?? 0;
  // The whole pool at once from its index when it is this pool's; else paper by paper.
  const indexed = p.poolIndex && p.poolIndex.pool === p.pool ? p.poolIndex : undefined;
  const pooled = indexed ? margins.ofPool() : undefined;
  const best: { c: PoolPaper; margin: number; f: SparseVector }[] = [];
  for (let i = 0; i < p.pool.length; i += 1) {
    const c = p.pool[i] as PoolPaper;
    let margin: number;
    if (pooled && indexed) {
      if (!indexed.has(i)) continue;
      margin = pooled[i] as number;
    } else {
      if (exclude.has(c.paperId)) continue;
      const f = p.features(c.paperId);
      if (!f) continue;
      margin = margins.scorer.margin(f);
    }
    // The tests only filter (none changes what the others see but \`best\`, which only a paper
    // passing all of them changes), so the cheapest go first: its margin (read off the pool's),
    // whether it would make the best, then whether the reader got it already, and last whether it
    // is on their topics. The same papers are kept.
    if (margin < minMargin) continue;
    if (best.length >= max && margin <= (best[best.length - 1] as { margin: number }).margin) continue;
    if (exclude.has(c.paperId)) continue;
    if (onTopics(input, c.paperId)) continue;
    // Into its place (best stays sorted by margin, then paper id, as best.sort left it).
    const entry = { c, margin, f: p.features(c.paperId) as SparseVector };
    let at = best.length;
    while (at > 0) {
      const prev = best[at - 1] as { c: PoolPaper; margin: number };
      if ((prev.margin - margin || c.paperId - prev.c.paperId) >= 0) break;
      at -= 1;
    }
    best.splice(at, 0, entry);
    if (best.length > max) best.pop();
  }
  const out: ComposedPaper[] = [];
  for (const { c, margin, f } of best) {
    if (inDigest(out, c.paper, DEFAULT_DUPLICATE_THRESHOLD)) continue;
    const because = closestLiked(p.liked, f);
    out.push({
      paperId: c.paperId,
      score: c.score * Math.exp(clamp(margin)),
      topicKey: LIKED_SECTION_KEY,
      reason: { topic: 'Because you liked', matched: [], field: 'title', text: `Because you liked “${because.title}”` },
      also: [],
      paper: c.paper,
      because: { paperId: because.paperId, title: because.title },
    });
  }
  return out;
}

/** dot(liked paper's features, a pool paper's features), per pair of feature vectors: a batch's
 * readers share both (the pool's and their liked papers' vectors are weighed once per process). */
const likeness = new WeakMap<SparseVector, Map<SparseVector, number>>();
/** A pool paper's row is started afresh past this many liked papers (its keys are held strongly). */
const SIMILARITY_LIMIT = 4096;

function closestLiked(liked: readonly LikedPaper[], f: SparseVector): LikedPaper {
  let best = liked[0] as LikedPaper;
  let bestSim = -1;
  let row = likeness.get(f);
  if (row === undefined || row.size > SIMILARITY_LIMIT) {
    row = new Map();
    likeness.set(f, row);
  }
  for (const l of liked) {
    let sim = row.get(l.features);
    if (sim === undefined) {
      sim = dot(l.features, f);
      row.set(l.features, sim);
    }
    if (sim > bestSim) {
      bestSim = sim;
      best = l;
    }
  }
  return best;
}
