// "Never silent": which empty periods become a notice, and what the notice says. A period's
// empty digest becomes a notice (the same Delivery row, kind 'notice', so it keeps the one-per-
// reader-and-period key and the send path's exactly-once) when the reader's K-1 deliveries
// before it were all empty digests: K empty periods in a row. The notice itself then breaks
// the run, so the next one can come K periods later at the earliest.
import type { Db } from '@paperboy/db';

/** Why the build or the send left a digest unsent for being empty (not an unsubscribe, a bounce…). */
const EMPTY = `d.kind = 'digest' AND d.status = 'skipped' AND (d."lastError" IS NULL OR d."lastError" = 'nothing new matched')`;

/** Of these empty (reader, period) pairs, the ones that complete `k` empty periods in a row. */
export async function noticesDue(
  db: Db,
  empty: readonly { subscriberId: number; periodKey: string }[],
  k: number,
): Promise<Set<string>> {
  if (k < 1 || empty.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<{ sub: number; period: string }[]>(
    `SELECT e.sub, e.period
     FROM unnest($1::int[], $2::text[]) AS e(sub, period)
     WHERE EXISTS (SELECT 1 FROM "Topic" t WHERE t."subscriberId" = e.sub)
       AND EXISTS (SELECT 1 FROM "Subscriber" s WHERE s.id = e.sub AND s."digestMode" <> 'trending')
       AND (SELECT count(*) FILTER (WHERE ${EMPTY}) FROM (
             SELECT d.kind, d.status, d."lastError" FROM "Delivery" d
             WHERE d."subscriberId" = e.sub AND d."periodKey" <> e.period
             ORDER BY d."createdAt" DESC, d.id DESC LIMIT $3) d) = $3`,
    empty.map((e) => e.subscriberId),
    empty.map((e) => e.periodKey),
    k - 1,
  );
  return new Set(rows.map((r) => `${r.sub}|${r.period}`));
}

export interface TopicCountRow {
  key: string;
  label: string;
  count: number;
}

/** How many papers published since `since` each followed topic matched (0 for none), in the reader's order. */
export async function followedCounts(db: Db, subscriberId: number, since: Date): Promise<TopicCountRow[]> {
  return db.$queryRaw<TopicCountRow[]>`
    SELECT t.key, t.raw AS label,
      (SELECT count(*)::int FROM "Match" m JOIN "Paper" p ON p.id = m."paperId"
       WHERE m."topicKey" = t.key AND p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL) AS count
    FROM "Topic" t WHERE t."subscriberId" = ${subscriberId} ORDER BY t.id`;
}

/** The topics other readers follow with the most papers since `since` (worded as their first follower typed them). */
export async function busyTopics(
  db: Db,
  exceptKeys: readonly string[],
  since: Date,
  limit: number,
): Promise<TopicCountRow[]> {
  return db.$queryRaw<TopicCountRow[]>`
    WITH counted AS (
      SELECT m."topicKey" AS key, count(*)::int AS count FROM "Match" m JOIN "Paper" p ON p.id = m."paperId"
      WHERE p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL AND NOT (m."topicKey" = ANY(${[...exceptKeys]}::text[]))
      GROUP BY m."topicKey" ORDER BY count DESC, key LIMIT ${limit})
    SELECT c.key, c.count,
      (SELECT t.raw FROM "Topic" t WHERE t.key = c.key ORDER BY t.id LIMIT 1) AS label
    FROM counted c ORDER BY c.count DESC, c.key`;
}
