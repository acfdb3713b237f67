// The overview's last 30 days, one number per UTC day: digests sent / failed / skipped, reader
// sign-ups / confirmations / unsubscribes, and new papers per source. Operators see trends at a
// glance (a dip in sends, a spike in unsubscribes) where the tiles only say "today".
// The counts come from stats.store.ts (dailyCounts: a range scan of an index on each date column;
// the audit trail, SubscriptionEvent, outlives purged and wiped readers).
import type { Db } from '@paperboy/db';
import { type DayCountRow, dailyCounts } from './stats.store';

export const SERIES_DAYS = 30;

/** Values per UTC day, oldest first, `days` long (zero on days without any). */
export interface DailySeries {
  key: string;
  values: number[];
}

export interface DailyOverview {
  /** The UTC dates (YYYY-MM-DD) of the values, oldest first; the last one is today. */
  days: string[];
  /** sent, failed, skipped */
  digests: DailySeries[];
  /** signups, confirmations, unsubscribes */
  readers: DailySeries[];
  /** one series per paper source (hf, arxiv, api, file, ...), busiest first */
  papers: DailySeries[];
}

function isoDay(day: Date | string): string {
  return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

/** Spreads (day, key, count) rows over the days; keys listed first keep their order (even at zero). */
function toSeries(rows: DayCountRow[], days: string[], keys: string[] = []): DailySeries[] {
  const index = new Map(days.map((d, i) => [d, i]));
  const byKey = new Map<string, number[]>(keys.map((k) => [k, days.map(() => 0)]));
  for (const row of rows) {
    const i = index.get(isoDay(row.day));
    if (i === undefined) continue;
    let values = byKey.get(row.key);
    if (!values) {
      values = days.map(() => 0);
      byKey.set(row.key, values);
    }
    values[i] = (values[i] ?? 0) + Number(row.count);
  }
  const series = [...byKey].map(([key, values]) => ({ key, values }));
  const fixed = series.filter((s) => keys.includes(s.key));
  const rest = series
    .filter((s) => !keys.includes(s.key))
    .sort(
      (a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0) || a.key.localeCompare(b.key),
    );
  return [...fixed, ...rest];
}

export async function computeDailyOverview(db: Db, now = new Date(), dayCount = SERIES_DAYS): Promise<DailyOverview> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (dayCount - 1) * 24 * 3600_000);
  const days = Array.from({ length: dayCount }, (_, i) => isoDay(new Date(since.getTime() + i * 24 * 3600_000)));
  const { digests, readers, papers } = await dailyCounts(db, since);
  return {
    days,
    digests: toSeries(digests, days, ['sent', 'failed', 'skipped']),
    readers: toSeries(readers, days, ['signups', 'confirmations', 'unsubscribes']),
    papers: toSeries(papers, days),
  };
}
