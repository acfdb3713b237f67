// The overview's last 30 days, one number per UTC day: digests sent / failed / skipped, reader
// sign-ups / confirmations / unsubscribes, and new papers per source. Operators see trends at a
// glance (a dip in sends, a spike in unsubscribes) where the tiles only say "today".
// Each query is a range scan of an index on the date column:
//  - digests: Delivery(status, createdAt), one range per final status (the day a digest was made)
//  - readers: SubscriptionEvent(type, createdAt); the audit trail outlives purged and wiped readers
//  - papers: IngestRun(source, startedAt), summing each run's inserted papers
import type { Db } from '@paperboy/db';

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

type Row = { day: Date | string; key: string; count: number | bigint };

function isoDay(day: Date | string): string {
  return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

/** Spreads (day, key, count) rows over the days; keys listed first keep their order (even at zero). */
function toSeries(rows: Row[], days: string[], keys: string[] = []): DailySeries[] {
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
  const [digests, readers, papers] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC')::date AS day, status::text AS key, count(*) AS count
      FROM "Delivery" WHERE status IN ('sent', 'failed', 'skipped') AND "createdAt" >= ${since}
      GROUP BY 1, 2`,
    // A reader who sends the form twice in a day is one sign-up; wiped readers' events have no reader.
    db.$queryRaw<Row[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC')::date AS day,
        CASE type WHEN 'subscribed' THEN 'signups' WHEN 'confirmed' THEN 'confirmations' ELSE 'unsubscribes' END AS key,
        count(DISTINCT "subscriberId") + count(*) FILTER (WHERE "subscriberId" IS NULL) AS count
      FROM "SubscriptionEvent" WHERE type IN ('subscribed', 'confirmed', 'unsubscribed') AND "createdAt" >= ${since}
      GROUP BY 1, 2`,
    db.$queryRaw<Row[]>`
      SELECT date_trunc('day', "startedAt" AT TIME ZONE 'UTC')::date AS day, source AS key, sum(inserted) AS count
      FROM "IngestRun" WHERE "startedAt" >= ${since}
      GROUP BY 1, 2 HAVING sum(inserted) > 0`,
  ]);
  return {
    days,
    digests: toSeries(digests, days, ['sent', 'failed', 'skipped']),
    readers: toSeries(readers, days, ['signups', 'confirmations', 'unsubscribes']),
    papers: toSeries(papers, days),
  };
}
