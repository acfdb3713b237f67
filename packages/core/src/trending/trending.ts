// "Top trending" (issue 19): the period's most upvoted papers, for readers with or without
// topics. A paper counts the upvotes it GAINED in the period when the signal history has a
// snapshot from before the period began, else its total (a paper first seen in the period
// gained all of them). Below TRENDING_MIN_UPVOTES nothing is listed, so a quiet day sends no
// noise; ties go to the newer paper. The list is the same for every reader of a period, so a
// build batch computes it once per period (trendingLookup) and only filters it per reader.
import type { Db } from '@paperboy/db';
import { loadTrendingCandidates, type TrendingCandidate } from './trending.store';

export type TrendingPeriod = 'daily' | 'weekly';

export interface TrendingPaper {
  paperId: number;
  /** Place in the period's list, 1-based, before any reader's exclusions ("#1 on Hugging Face today"). */
  rank: number;
  /** The upvotes the paper is ranked by: gained in the period, or its total when no older snapshot exists. */
  score: number;
  upvotes: number;
  gained: boolean;
  publishedAt: Date;
  /** Why it is in the digest, e.g. "▲ 238 · #1 on Hugging Face today". */
  reason: string;
}

export interface TrendingOptions {
  period: TrendingPeriod;
  now: Date;
  limit: number;
  /** Papers to leave out (already in this digest, or already received); ranks stay the period's. */
  exclude?: Iterable<number>;
  /** Pass config.TRENDING_MIN_UPVOTES; 5 when omitted. */
  minUpvotes?: number;
}

export const DEFAULT_TRENDING_MIN_UPVOTES = 5;
/** The ranked list kept per period: room for any reader's exclusions above a digest's size. */
export const TRENDING_LIST_SIZE = 100;

const PERIOD_MS: Record<TrendingPeriod, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };
const PERIOD_WORDS: Record<TrendingPeriod, string> = { daily: 'today', weekly: 'this week' };
const count = new Intl.NumberFormat('en-US');

export function trendingWindow(period: TrendingPeriod, now: Date, minUpvotes = DEFAULT_TRENDING_MIN_UPVOTES) {
  const ms = PERIOD_MS[period];
  return { since: new Date(now.getTime() - ms), freshSince: new Date(now.getTime() - 2 * ms), minUpvotes };
}

/** "▲ 238 · #1 on Hugging Face today"; a paper without a Hugging Face page (imported from a
 * file or the admin API with upvotes of its own) is "#1 trending today": the place is paperboy's. */
export function trendingReason(score: number, rank: number, period: TrendingPeriod, onHub = true): string {
  return `▲ ${count.format(score)} · #${rank} ${onHub ? 'on Hugging Face' : 'trending'} ${PERIOD_WORDS[period]}`;
}

/** Pure: ranks candidates by upvotes in the period (gained, else total), floor applied, ties by recency. */
export function rankTrending(
  candidates: readonly TrendingCandidate[],
  options: { period: TrendingPeriod; minUpvotes: number; size?: number },
): TrendingPaper[] {
  const scored = candidates.map((c) => {
    const gained = c.baselineUpvotes !== null;
    // Upvotes can be corrected downwards upstream: a loss is no gain.
    const score = Math.max(0, gained ? c.upvotes - (c.baselineUpvotes as number) : c.upvotes);
    return { paperId: c.paperId, score, upvotes: c.upvotes, gained, publishedAt: c.publishedAt, onHub: c.onHub };
  });
  return scored
    .filter((p) => p.score >= Math.max(1, options.minUpvotes))
    .sort((a, b) => b.score - a.score || b.publishedAt.getTime() - a.publishedAt.getTime() || b.paperId - a.paperId)
    .slice(0, options.size ?? TRENDING_LIST_SIZE)
    .map(({ onHub, ...p }, i) => ({
      ...p,
      rank: i + 1,
      reason: trendingReason(p.score, i + 1, options.period, onHub),
    }));
}

/** The reader's share of a period's list: exclusions dropped, at most `limit`. */
export function pickTrending(
  list: readonly TrendingPaper[],
  limit: number,
  exclude?: Iterable<number>,
): TrendingPaper[] {
  const skip = new Set(exclude ?? []);
  const out: TrendingPaper[] = [];
  for (const p of list) {
    if (out.length >= limit) break;
    if (!skip.has(p.paperId)) out.push(p);
  }
  return out;
}

/** The period's whole ranked list (up to TRENDING_LIST_SIZE) at `now`: one query. */
export async function trendingList(
  db: Pick<Db, '$queryRaw'>,
  period: TrendingPeriod,
  now: Date,
  minUpvotes: number,
): Promise<TrendingPaper[]> {
  const candidates = await loadTrendingCandidates(db, trendingWindow(period, now, minUpvotes));
  return rankTrending(candidates, { period, minUpvotes });
}

/** The period's top trending papers at `now` (one query). For many readers use trendingLookup. */
export async function trendingPapers(db: Pick<Db, '$queryRaw'>, options: TrendingOptions): Promise<TrendingPaper[]> {
  const list = await trendingList(db, options.period, options.now, options.minUpvotes ?? DEFAULT_TRENDING_MIN_UPVOTES);
  return pickTrending(list, options.limit, options.exclude);
}

export type TrendingLookup = (
  period: TrendingPeriod,
  options: { limit: number; exclude?: Iterable<number> },
) => Promise<TrendingPaper[]>;

/**
 * For one build batch (one `now`): each period's list is queried once, on first use, and
 * shared by every reader of the batch; concurrent first uses share the same query.
 */
export function trendingLookup(db: Pick<Db, '$queryRaw'>, batch: { now: Date; minUpvotes?: number }): TrendingLookup {
  const lists = new Map<TrendingPeriod, Promise<TrendingPaper[]>>();
  const minUpvotes = batch.minUpvotes ?? DEFAULT_TRENDING_MIN_UPVOTES;
  return async (period, { limit, exclude }) => {
    let list = lists.get(period);
    if (!list) {
      list = trendingList(db, period, batch.now, minUpvotes);
      lists.set(period, list);
      list.catch(() => lists.delete(period));
    }
    return pickTrending(await list, limit, exclude);
  };
}
