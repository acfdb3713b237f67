// Access style: Prisma's $queryRaw - aggregate counts (GROUP BY, FILTER, DISTINCT ON) the query builder lacks.
// The stats area's data access. Each query is shaped for an index so that computing the whole
// overview stays cheap even with a million readers (measured in bench/admin-overview.bench.ts):
//  - readers by status/frequency: index-only scan of Subscriber(status, frequency)
//  - active readers by digest mode: index-only scan of Subscriber(status, digestMode)
//  - new / unsubscribed this week: range scans of Subscriber(createdAt) / (unsubscribedAt)
//  - deliveries: Delivery(status, createdAt) ranges
//  - asynchronous bounces: a BounceEvent(createdAt) range of 30 days
//  - top topics: index-only scan of Topic(key) (the one O(topics) step; hence the cache)
//  - the 30-day series: Delivery(status, createdAt), SubscriptionEvent(type, createdAt),
//    IngestRun(source, startedAt) ranges
import type { Db } from '@paperboy/db';
import type { AsyncBounceCount, CountBy, IngestRunSummary } from './overview.types';

type Row = { key: string | null; count: number | bigint };

function counts(rows: Row[]): CountBy[] {
  return rows.map((r) => ({ key: r.key ?? '(none)', count: Number(r.count) }));
}

export async function readersByStatusAndFrequency(
  db: Db,
): Promise<{ status: string; frequency: string; count: number }[]> {
  const rows = await db.$queryRaw<{ status: string; frequency: string; count: bigint }[]>`
    SELECT status::text AS status, frequency::text AS frequency, count(*) AS count
    FROM "Subscriber" GROUP BY status, frequency`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Active readers per digest mode: who follows top trending only, topics only, or both. */
export async function activeReadersByDigestMode(db: Db): Promise<CountBy[]> {
  return counts(
    await db.$queryRaw<Row[]>`
    SELECT "digestMode"::text AS key, count(*) AS count FROM "Subscriber" WHERE status = 'active' GROUP BY "digestMode"`,
  );
}

export async function countSince(db: Db, column: 'createdAt' | 'unsubscribedAt', since: Date): Promise<number> {
  const rows =
    column === 'createdAt'
      ? await db.$queryRaw<Row[]>`SELECT 'n' AS key, count(*) AS count FROM "Subscriber" WHERE "createdAt" >= ${since}`
      : await db.$queryRaw<
          Row[]
        >`SELECT 'n' AS key, count(*) AS count FROM "Subscriber" WHERE "unsubscribedAt" >= ${since}`;
  return Number(rows[0]?.count ?? 0);
}

export async function suppressionsByReason(db: Db): Promise<CountBy[]> {
  return counts(
    await db.$queryRaw<
      Row[]
    >`SELECT reason::text AS key, count(*) AS count FROM "Suppression" GROUP BY reason ORDER BY 2 DESC`,
  );
}

export async function papersBySource(db: Db): Promise<CountBy[]> {
  return counts(
    await db.$queryRaw<Row[]>`
    SELECT s AS key, count(*) AS count FROM "Paper", unnest(sources) AS s GROUP BY s ORDER BY 2 DESC`,
  );
}

export async function paperTotals(db: Db, since: Date): Promise<{ total: number; newThisWeek: number }> {
  const rows = await db.$queryRaw<{ total: bigint; recent: bigint }[]>`
    SELECT count(*) AS total, count(*) FILTER (WHERE "createdAt" >= ${since}) AS recent FROM "Paper"`;
  return { total: Number(rows[0]?.total ?? 0), newThisWeek: Number(rows[0]?.recent ?? 0) };
}

/** The latest run of each source: DISTINCT ON walks IngestRun(source, startedAt). */
export async function lastIngestRuns(db: Db): Promise<IngestRunSummary[]> {
  const rows = await db.$queryRaw<
    (Omit<IngestRunSummary, 'startedAt' | 'finishedAt'> & { startedAt: Date; finishedAt: Date | null })[]
  >`
    SELECT DISTINCT ON (source) source, status, "startedAt", "finishedAt", fetched, inserted, updated, rejected, error
    FROM "IngestRun" ORDER BY source, "startedAt" DESC`;
  return rows.map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}

/**
 * Digests of today (created since UTC midnight) by status, plus the whole pending backlog.
 * "Sent today" also counts yesterday's digests sent after midnight (bounded to keep the range small).
 */
export async function deliveryCounts(
  db: Db,
  startOfDay: Date,
): Promise<{ todayByStatus: CountBy[]; sentToday: number; pending: number }> {
  const dayBefore = new Date(startOfDay.getTime() - 24 * 3600_000);
  const [today, sent, pending] = await Promise.all([
    db.$queryRaw<
      Row[]
    >`SELECT status::text AS key, count(*) AS count FROM "Delivery" WHERE "createdAt" >= ${startOfDay} GROUP BY status`,
    db.$queryRaw<Row[]>`SELECT 'n' AS key, count(*) AS count FROM "Delivery"
      WHERE status = 'sent' AND "createdAt" >= ${dayBefore} AND "sentAt" >= ${startOfDay}`,
    db.$queryRaw<Row[]>`SELECT 'n' AS key, count(*) AS count FROM "Delivery" WHERE status IN ('pending', 'sending')`,
  ]);
  return {
    todayByStatus: counts(today),
    sentToday: Number(sent[0]?.count ?? 0),
    pending: Number(pending[0]?.count ?? 0),
  };
}

/** Counted per normalised key, shown in the wording most readers typed ("AI for healthcare", not
 * the stemmed key "ai healthcar"). */
export async function topTopics(db: Db, limit: number): Promise<CountBy[]> {
  return counts(
    await db.$queryRaw<Row[]>`
    SELECT mode() WITHIN GROUP (ORDER BY t.raw) AS key, count(*) AS count
    FROM "Topic" t GROUP BY t.key ORDER BY 2 DESC, t.key LIMIT ${limit}`,
  );
}

/** Bounces and complaints relays reported later (webhooks, bounce mailbox), by provider and reason: last 24 h and 30 days. */
export async function asyncBounceCounts(db: Db, now: Date): Promise<AsyncBounceCount[]> {
  const day = new Date(now.getTime() - 24 * 3600_000);
  const month = new Date(now.getTime() - 30 * 24 * 3600_000);
  const rows = await db.$queryRaw<{ provider: string; reason: string; day: bigint; month: bigint }[]>`
    SELECT provider, reason, count(*) FILTER (WHERE "createdAt" >= ${day}) AS day, count(*) AS month
    FROM "BounceEvent" WHERE "createdAt" >= ${month} GROUP BY provider, reason ORDER BY 4 DESC, 1, 2`;
  return rows.map((r) => ({
    provider: r.provider,
    reason: r.reason,
    lastDay: Number(r.day),
    last30Days: Number(r.month),
  }));
}

export type DayCountRow = { day: Date | string; key: string; count: number | bigint };

/**
 * (UTC day, key, count) rows since `since`: digests made per final status, readers' sign-ups /
 * confirmations / unsubscribes, and papers inserted per source.
 */
export async function dailyCounts(
  db: Db,
  since: Date,
): Promise<{ digests: DayCountRow[]; readers: DayCountRow[]; papers: DayCountRow[] }> {
  const [digests, readers, papers] = await Promise.all([
    db.$queryRaw<DayCountRow[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC')::date AS day, status::text AS key, count(*) AS count
      FROM "Delivery" WHERE status IN ('sent', 'failed', 'skipped') AND "createdAt" >= ${since}
      GROUP BY 1, 2`,
    // A reader who sends the form twice in a day is one sign-up; wiped readers' events have no reader.
    db.$queryRaw<DayCountRow[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC')::date AS day,
        CASE type WHEN 'subscribed' THEN 'signups' WHEN 'confirmed' THEN 'confirmations' ELSE 'unsubscribes' END AS key,
        count(DISTINCT "subscriberId") + count(*) FILTER (WHERE "subscriberId" IS NULL) AS count
      FROM "SubscriptionEvent" WHERE type IN ('subscribed', 'confirmed', 'unsubscribed') AND "createdAt" >= ${since}
      GROUP BY 1, 2`,
    db.$queryRaw<DayCountRow[]>`
      SELECT date_trunc('day', "startedAt" AT TIME ZONE 'UTC')::date AS day, source AS key, sum(inserted) AS count
      FROM "IngestRun" WHERE "startedAt" >= ${since}
      GROUP BY 1, 2 HAVING sum(inserted) > 0`,
  ]);
  return { digests, readers, papers };
}
