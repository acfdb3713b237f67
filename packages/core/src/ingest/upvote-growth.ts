// "Trending" as "gaining upvotes": how many upvotes each paper gained over a window, from
// the PaperSignal history the upsert appends to. For the matcher/ranker.
import type { Db } from '@paperboy/db';

export interface GrowthOptions {
  /** Window length; default 24 h. */
  hours?: number;
  now?: Date;
}

/**
 * Current upvotes minus the upvotes at the window's start: the last snapshot at or before it,
 * or, for a paper first seen inside the window, its first snapshot (what it had when we met it;
 * so a paper that arrives with 300 upvotes is not "gaining" 300). Papers with no history count 0.
 * Both lookups walk PaperSignal(paperId, observedAt). Ids not found are absent from the map.
 */
export async function upvoteGrowth(
  db: Pick<Db, '$queryRaw'>,
  paperIds: readonly number[],
  options: GrowthOptions = {},
): Promise<Map<number, number>> {
  if (paperIds.length === 0) return new Map();
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.hours ?? 24) * 3600_000);
  const rows = await db.$queryRaw<{ id: number; growth: number }[]>`
    SELECT p.id, (p.upvotes - COALESCE(before.upvotes, first.upvotes, p.upvotes))::int AS growth
    FROM "Paper" p
    LEFT JOIN LATERAL (
      SELECT s.upvotes FROM "PaperSignal" s
      WHERE s."paperId" = p.id AND s."observedAt" <= ${since} ORDER BY s."observedAt" DESC LIMIT 1
    ) before ON true
    LEFT JOIN LATERAL (
      SELECT s.upvotes FROM "PaperSignal" s
      WHERE s."paperId" = p.id ORDER BY s."observedAt" ASC LIMIT 1
    ) first ON true
    WHERE p.id = ANY(${[...paperIds]}::int[])`;
  return new Map(rows.map((r) => [r.id, r.growth]));
}
