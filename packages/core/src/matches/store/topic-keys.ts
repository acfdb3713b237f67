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

/** A topic row as typed and as keyed, with its reader. */
export interface TopicKeyRow {
  id: number;
  subscriberId: number;
  raw: string;
  key: string;
}

const TOPIC_KEY_ROW = { id: true, subscriberId: true, raw: true, key: true } as const;

/** Topic rows after `afterId` in id order, `limit` of them. */
export function topicRowsAfter(db: Db, afterId: number, limit: number): Promise<TopicKeyRow[]> {
  return db.topic.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
    select: TOPIC_KEY_ROW,
  });
}

/** Every topic row of these readers, in id order. */
export function topicsOfReaders(db: Db, subscriberIds: readonly number[]): Promise<TopicKeyRow[]> {
  return db.topic.findMany({
    where: { subscriberId: { in: [...subscriberIds] } },
    orderBy: { id: 'asc' },
    select: TOPIC_KEY_ROW,
  });
}

/**
 * Removes the rows `remove` and gives the rows `rekey` their new keys, in one transaction. The
 * moving rows first take a key no topic has ("#rekey <id>"), so that one reader's keys may move in a
 * chain or a swap without two rows holding one key on the way (Topic is unique per reader and key).
 */
export async function applyTopicKeys(
  db: Db,
  remove: readonly number[],
  rekey: readonly { id: number; key: string }[],
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (remove.length > 0) await tx.topic.deleteMany({ where: { id: { in: [...remove] } } });
    for (const { id } of rekey) await tx.topic.update({ where: { id }, data: { key: `#rekey ${id}` } });
    for (const { id, key } of rekey) await tx.topic.update({ where: { id }, data: { key } });
  });
}
