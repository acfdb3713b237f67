// Match rows. Written one row per (paper, topic key), upserted in batches so that a retried or
// repeated job rewrites the same rows instead of adding new ones, and one statement carries
// a thousand rows instead of one round trip each. Read per topic key for a digest's window.
import type { Db } from '@paperboy/db';
import type { MatchReason, TopicMatch } from '@paperboy/matching';

const BATCH = 1_000;

const byRowKey = (a: TopicMatch, b: TopicMatch): number =>
  a.paperId - b.paperId || (a.topicKey < b.topicKey ? -1 : a.topicKey > b.topicKey ? 1 : 0);

export async function upsertMatches(db: Db, matches: readonly TopicMatch[]): Promise<number> {
  // Rows in one global order: two jobs upserting the same rows lock them in the same order, so
  // they wait for each other instead of deadlocking.
  const sorted = [...matches].sort(byRowKey);
  let written = 0;
  for (let at = 0; at < sorted.length; at += BATCH) {
    const batch = sorted.slice(at, at + BATCH);
    const paperIds = batch.map((m) => m.paperId);
    const keys = batch.map((m) => m.topicKey);
    const scores = batch.map((m) => m.score);
    const reasons = batch.map((m) => JSON.stringify(m.reason));
    written += await db.$executeRaw`
      INSERT INTO "Match" ("paperId", "topicKey", "score", "reason")
      SELECT u.p, u.k, u.s, u.r::jsonb
      FROM unnest(${paperIds}::int[], ${keys}::text[], ${scores}::float8[], ${reasons}::text[]) AS u(p, k, s, r)
      ON CONFLICT ("paperId", "topicKey") DO UPDATE SET "score" = EXCLUDED."score", "reason" = EXCLUDED."reason"`;
  }
  return written;
}

/**
 * Removes matches of these papers, for these topic keys, that the latest run no longer found
 * (a paper's abstract was corrected, the normaliser improved): a re-run then leaves exactly
 * what a first run would. Keys outside `keys` are left alone (nobody follows them now).
 */
export async function removeStaleMatches(
  db: Db,
  paperIds: readonly number[],
  keys: readonly string[],
  kept: readonly TopicMatch[],
): Promise<number> {
  if (paperIds.length === 0 || keys.length === 0) return 0;
  // NOT IN over a subquery is a hashed anti-join: linear in the rows, however many are kept.
  return db.$executeRaw`
    DELETE FROM "Match"
    WHERE "paperId" = ANY(${[...paperIds]}::int[]) AND "topicKey" = ANY(${[...keys]}::text[])
      AND ("paperId", "topicKey") NOT IN (
        SELECT k.p, k.t FROM unnest(${kept.map((m) => m.paperId)}::int[], ${kept.map((m) => m.topicKey)}::text[]) AS k(p, t))`;
}

export interface MatchRow {
  paperId: number;
  topicKey: string;
  score: number;
  reason: MatchReason;
}

/** Matches of papers published since `since` and not withdrawn; keys: only those topics, undefined: every topic. */
export async function loadMatchRows(db: Db, since: Date, keys?: readonly string[]): Promise<MatchRow[]> {
  if (keys === undefined)
    return db.$queryRaw<MatchRow[]>`
      SELECT m."paperId", m."topicKey", m."score", m."reason" FROM "Match" m JOIN "Paper" p ON p."id" = m."paperId"
      WHERE p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL`;
  if (keys.length === 0) return [];
  return db.$queryRaw<MatchRow[]>`
    SELECT m."paperId", m."topicKey", m."score", m."reason" FROM "Match" m JOIN "Paper" p ON p."id" = m."paperId"
    WHERE m."topicKey" = ANY(${[...keys]}::text[]) AND p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL`;
}
