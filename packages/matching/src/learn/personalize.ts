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

/** Scores papers against one model: its weights are spread into a shared dense array once, so
 * each paper costs one multiply per feature it has. */
export class ModelScorer {
  private static dense: Float32Array | undefined;
  private readonly dense: Float32Array;

  constructor(private readonly model: LinearModel) {
    ModelScorer.dense ??= new Float32Array(FEATURE_SPACE);
    this.dense = ModelScorer.dense;
    for (let i = 0; i < model.idx.length; i += 1) this.dense[model.idx[i] as number] = model.w[i] as number;
  }

  margin(features: SparseVector): number {
    let sum = this.model.bias;
    for (let i = 0; i < features.idx.length; i += 1)
      sum += (this.dense[features.idx[i] as number] as number) * (features.val[i] as number);
    return sum;
  }

  /** Clears the shared array (call before scoring with another model). */
  release(): void {
    for (let i = 0; i < this.model.idx.length; i += 1) this.dense[this.model.idx[i] as number] = 0;
  }
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
  const onTopics = new Set<number>();
  for (const topic of input.topics) {
    const list = input.candidates.get(topic.key);
    if (!list || candidates.has(topic.key)) continue;
    for (const c of list) onTopics.add(c.paperId);
    const head: ComposeCandidate[] = [];
    for (const c of list) {
      if (exclude.has(c.paperId)) continue;
      const f = p.features(c.paperId);
      head.push(f ? { ...c, score: c.score * Math.exp(strength * clamp(scorer.margin(f))) } : c);
      if (head.length >= depth) break;
    }
    head.sort((a, b) => b.score - a.score || a.paperId - b.paperId);
    candidates.set(topic.key, head);
  }
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

function sameWork(a: RankablePaper, b: RankablePaper, threshold: number): boolean {
  if (a.id === b.id) return true;
  if (a.title === undefined || b.title === undefined) return false;
  return jaccard(paperTitleWords(a), paperTitleWords(b)) >= threshold;
}

function pickExtras(
  p: Personalization,
  scorer: ModelScorer,
  exclude: ReadonlySet<number>,
  onTopics: ReadonlySet<number>,
  cap: number,
): ComposedPaper[] {
  const max = Math.min(p.maxExtras ?? DEFAULT_MAX_EXTRAS, cap - 1);
  if (max <= 0 || !p.pool || p.liked.length === 0) return [];
  const minMargin = p.minMargin ?? 0;
  const best: { c: PoolPaper; margin: number; f: SparseVector }[] = [];
  for (const c of p.pool) {
    if (exclude.has(c.paperId) || onTopics.has(c.paperId)) continue;
    const f = p.features(c.paperId);
    if (!f) continue;
    const margin = scorer.margin(f);
    if (margin < minMargin) continue;
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
