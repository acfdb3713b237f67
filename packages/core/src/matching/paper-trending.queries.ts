// Trending signals of the candidate papers, computed in SQL once per paper (not per match):
// upvotes now, and their growth over the last day — upvotes minus those of the latest
// PaperSignal snapshot taken at least a day ago (or of the first snapshot, for a paper first
// seen today). No snapshot: no known growth (0). Walks PaperSignal(paperId, observedAt).
import type { Db } from '@paperboy/db';
import type { RankablePaper } from '@paperboy/matching';
import { DAY_MS } from './matching-deps';

export const GROWTH_WINDOW_MS = DAY_MS;

interface Row {
  id: number;
  upvotes: number;
  publishedAt: Date;
  growth: number;
}

export async function loadRankablePapers(db: Db, paperIds: readonly number[], now: Date): Promise<Map<number, RankablePaper>> {
  const out = new Map<number, RankablePaper>();
  if (paperIds.length === 0) return out;
  const cutoff = new Date(now.getTime() - GROWTH_WINDOW_MS);
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id", p."upvotes", p."publishedAt",
      GREATEST(p."upvotes" - COALESCE(before."upvotes", first."upvotes", p."upvotes"), 0)::int AS growth
    FROM "Paper" p
    LEFT JOIN LATERAL (SELECT s."upvotes" FROM "PaperSignal" s WHERE s."paperId" = p."id" AND s."observedAt" <= ${cutoff}
      ORDER BY s."observedAt" DESC LIMIT 1) before ON true
    LEFT JOIN LATERAL (SELECT s."upvotes" FROM "PaperSignal" s WHERE s."paperId" = p."id"
      ORDER BY s."observedAt" ASC LIMIT 1) first ON true
    WHERE p."id" = ANY(${[...paperIds]}::int[])`;
  for (const r of rows) {
    out.set(r.id, { id: r.id, upvotes: Math.max(0, r.upvotes), upvoteGrowth: r.growth, publishedAt: r.publishedAt });
  }
  return out;
}
