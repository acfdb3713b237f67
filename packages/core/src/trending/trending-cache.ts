// Top trending moves slowly (upvotes over a day or a week), while a big send run builds
// thousands of batches a few seconds apart, each with its own clock. A process-wide cache lets
// those batches share each period's list for up to `maxAgeMs` (default a minute) instead of
// querying it once per batch; a batch whose clock is further away computes a fresh one.
import type { Db } from '@paperboy/db';
import {
  DEFAULT_TRENDING_MIN_UPVOTES,
  pickTrending,
  trendingList,
  type TrendingLookup,
  type TrendingPaper,
  type TrendingPeriod,
} from './trending';

interface Entry {
  at: number;
  list: Promise<TrendingPaper[]>;
}

export class TrendingCache {
  private readonly byDb = new WeakMap<object, Map<string, Entry>>();

  constructor(private readonly maxAgeMs = 60_000) {}

  /** Like trendingLookup, but lists computed for a clock within maxAgeMs of `now` are reused. */
  lookup(db: Pick<Db, '$queryRaw'>, batch: { now: Date; minUpvotes?: number }): TrendingLookup {
    const minUpvotes = batch.minUpvotes ?? DEFAULT_TRENDING_MIN_UPVOTES;
    return async (period, { limit, exclude }) =>
      pickTrending(await this.list(db, period, batch.now, minUpvotes), limit, exclude);
  }

  private list(
    db: Pick<Db, '$queryRaw'>,
    period: TrendingPeriod,
    now: Date,
    minUpvotes: number,
  ): Promise<TrendingPaper[]> {
    let entries = this.byDb.get(db);
    if (!entries) {
      entries = new Map();
      this.byDb.set(db, entries);
    }
    const key = `${period}|${minUpvotes}`;
    const hit = entries.get(key);
    if (hit && Math.abs(now.getTime() - hit.at) <= this.maxAgeMs) return hit.list;
    const list = trendingList(db, period, now, minUpvotes);
    const entry = { at: now.getTime(), list };
    entries.set(key, entry);
    list.catch(() => {
      if (entries!.get(key) === entry) entries!.delete(key);
    });
    return list;
  }
}
