// Trending and recency: how much a paper's relevance is boosted in a digest. The boost is a
// factor of the paper alone (between 1 and (1 + trending) × (1 + recency)), so relevance still
// decides between papers of similar popularity, and the per-topic orders can be precomputed.
import type { RankablePaper } from '../types';

export interface RankingWeights {
  /** Weight of the trending factor (upvotes and their growth). */
  trending: number;
  /** How many total upvotes one upvote gained recently is worth, on a log scale. */
  growth: number;
  /** Weight of the recency factor. */
  recency: number;
  /** Age at which the recency factor halves. */
  halfLifeDays: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = { trending: 1, growth: 2, recency: 0.5, halfLifeDays: 7 };

const DAY_MS = 86_400_000;
/** Where the trending factor reaches one half: about 50 upvotes, or 7 recently gained. */
const TREND_MIDPOINT = 4;

export function validateWeights(w: RankingWeights): void {
  for (const [name, value] of Object.entries(w)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`weights.${name} must be a finite number >= 0`);
  }
  if (w.halfLifeDays <= 0) throw new RangeError('weights.halfLifeDays must be > 0');
}

/** 0..1: saturating, so a viral paper cannot drown a better-matching one. */
export function trendingFactor(paper: RankablePaper, w: RankingWeights): number {
  const growth = Math.max(0, paper.upvoteGrowth ?? 0);
  const trend = Math.log1p(Math.max(0, paper.upvotes)) + w.growth * Math.log1p(growth);
  return trend / (trend + TREND_MIDPOINT);
}

/** 1 for a paper published now, halving every halfLifeDays; future dates count as now. */
export function recencyFactor(paper: RankablePaper, now: Date, w: RankingWeights): number {
  const ageDays = Math.max(0, (now.getTime() - paper.publishedAt.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / w.halfLifeDays);
}

export function paperBoost(paper: RankablePaper, now: Date, w: RankingWeights): number {
  return (1 + w.trending * trendingFactor(paper, w)) * (1 + w.recency * recencyFactor(paper, now, w));
}
