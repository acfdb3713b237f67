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
import { dot, type SparseVector } from './paper-features';
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

const clamp = (x: number) => (x > MAX_MARGIN ? MAX_MARGIN : x < -MAX_MARGIN ? -MAX_MARGIN : x);

export function composePersonalDigest(input: ComposeInput, p: Personalization): ComposedDigest {
  const scorer = new ModelScorer(p.model);
  try {
    return compose(input, p, scorer);
  } finally {
    scorer.release();
  }
}

function compose(input: ComposeInput, p: Personalization, scorer: ModelScorer): ComposedDigest {
  const strength = p.strength ?? 2;
  const depth = p.depth ?? 100;
  const exclude = new Set(input.exclude ?? []);
  const candidates = new Map<string, ComposeCandidate[]>();
  for (const topic of input.topics) {
    const list = input.candidates.get(topic.key);
    if (!list || candidates.has(topic.key)) continue;
    const head: ComposeCandidate[] = [];
    for (const c of list) {
      if (exclude.has(c.paperId)) continue;
      const f = p.features(c.paperId);
      head.push(f ? rescored(c, c.score * Math.exp(strength * clamp(scorer.margin(f)))) : c);
      if (head.length >= depth) break;
    }
    head.sort((a, b) => b.score - a.score || a.paperId - b.paperId);
    candidates.set(topic.key, head);
  }
  const onTopics = (paperId: number): boolean => {
    for (const topic of input.topics) {
      if (input.matches) {
        if (input.matches(topic.key, paperId)) return true;
      } else if (input.candidates.get(topic.key)?.some((c) => c.paperId === paperId)) return true;
    }
    return false;
  };
  const extras = pickExtras(p, scorer, exclude, onTopics, input.cap);
  const digest = composeDigest({
    ...input,
    candidates,
    cap: Math.max(1, input.cap - extras.length),
    order: 'score',
  });
  const threshold = input.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const added = extras.filter((x) => !digest.papers.some((d) => sameWork(d.paper, x.paper, threshold)));
  if (added.length === 0) return digest;
  return {
    sections: [...digest.sections, { topicKey: LIKED_SECTION_KEY, label: 'Because you liked', papers: added }],
    quiet: digest.quiet,
    papers: [...digest.papers, ...added],
  };
}

/** The candidate with the reader's score (its fields written out: no spread per candidate). */
function rescored(c: ComposeCandidate, score: number): ComposeCandidate {
  return c.work === undefined
    ? { paperId: c.paperId, score, reason: c.reason, paper: c.paper }
    : { paperId: c.paperId, score, reason: c.reason, paper: c.paper, work: c.work };
}

function sameWork(a: RankablePaper, b: RankablePaper, threshold: number): boolean {
  if (a.id === b.id) return true;
  if (a.title === undefined || b.title === undefined) return false;
  return jaccard(paperTitleWords(a), paperTitleWords(b)) >= threshold;
}

function pickExtras(
  p: Personalization,
  scorer: ModelScorer,
  exclude: ReadonlySet<number>,
  onTopics: (paperId: number) => boolean,
  cap: number,
): ComposedPaper[] {
  const max = Math.min(p.maxExtras ?? DEFAULT_MAX_EXTRAS, cap - 1);
  if (max <= 0 || !p.pool || p.liked.length === 0) return [];
  const minMargin = p.minMargin ?? 0;
  const best: { c: PoolPaper; margin: number; f: SparseVector }[] = [];
  for (const c of p.pool) {
    if (exclude.has(c.paperId)) continue;
    const f = p.features(c.paperId);
    if (!f) continue;
    const margin = scorer.margin(f);
    if (margin < minMargin || onTopics(c.paperId)) continue;
    if (best.length < max || margin > (best[best.length - 1] as { margin: number }).margin) {
      best.push({ c, margin, f });
      best.sort((a, b) => b.margin - a.margin || a.c.paperId - b.c.paperId);
      if (best.length > max) best.pop();
    }
  }
  const out: ComposedPaper[] = [];
  for (const { c, margin, f } of best) {
    if (out.some((o) => sameWork(o.paper, c.paper, DEFAULT_DUPLICATE_THRESHOLD))) continue;
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

function closestLiked(liked: readonly LikedPaper[], f: SparseVector): LikedPaper {
  let best = liked[0] as LikedPaper;
  let bestSim = -1;
  for (const l of liked) {
    const sim = dot(l.features, f);
    if (sim > bestSim) {
      bestSim = sim;
      best = l;
    }
  }
  return best;
}
