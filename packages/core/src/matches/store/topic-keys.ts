// The distinct topic keys that matching must cover. Postgres 15 has no skip scan, so a plain
// SELECT DISTINCT reads every Topic row (millions with a million readers); the recursive
// "loose index scan" below jumps from key to key in the Topic(key) index instead: one probe
// per distinct key. Each key is kept when at least one pending or active reader follows it.
import type { Db } from '@paperboy/db';

/** Readers whose topics are matched: pending ones too, so their first digest is ready. */
export const MATCHED_STATUSES = ['active', 'pending'] as const;

export async function followedTopicKeys(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    WITH RECURSIVE k AS (
      (SELECT "key" FROM "Topic" ORDER BY "key" LIMIT 1)
      UNION ALL
      SELECT (SELECT t."key" FROM "Topic" t WHERE t."key" > k."key" ORDER BY t."key" LIMIT 1)
      FROM k WHERE k."key" IS NOT NULL
    )
    SELECT k."key" FROM k
    WHERE k."key" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "Topic" t JOIN "Subscriber" s ON s."id" = t."subscriberId"
      WHERE t."key" = k."key" AND s."status" IN ('active', 'pending'))`;
  return rows.map((r) => r.key);
}

/** Topic rows after `afterId` in id order, `limit` of them: as typed and as keyed. */
export function topicRowsAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<{ id: number; raw: string; key: string }[]> {
  return db.topic.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, raw: true, key: true },
  });
}

/**
 * Gives the rows `ids` the key `key`. A reader who already follows `key` (or has two of these
 * rows) keeps one topic: the row with that key, else their first of `ids`; the others go, as
 * duplicates of it. Returns the rows re-keyed and the rows removed.
 */
export async function rekeyTopicRows(
  db: Db,
  ids: readonly number[],
  key: string,
): Promise<{ rekeyed: number; merged: number }> {
  const list = [...ids];
  return db.$transaction(async (tx) => {
    const rekeyed = await tx.$executeRaw`
      UPDATE "Topic" SET "key" = ${key}
      WHERE "id" IN (
        SELECT DISTINCT ON ("subscriberId") "id" FROM "Topic"
        WHERE "id" = ANY(${list}) ORDER BY "subscriberId", "id")
      AND NOT EXISTS (
        SELECT 1 FROM "Topic" t WHERE t."subscriberId" = "Topic"."subscriberId" AND t."key" = ${key})`;
    const merged = await tx.$executeRaw`DELETE FROM "Topic" WHERE "id" = ANY(${list}) AND "key" <> ${key}`;
    return { rekeyed, merged };
  });
}
