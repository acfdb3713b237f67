// Trending signals of the candidate papers, read once per paper (not per match): upvotes now,
// and their growth over the last day as the ingestion side defines it (papers/upvote-growth.ts:
// upvotes minus those of the latest snapshot a day old, or of the first one for a paper first
// seen today; no snapshot, no growth). One definition, so the digest and the papers agree.
import type { Db } from '@paperboy/db';
import type { RankablePaper } from '@paperboy/matching';
import { upvoteGrowth } from '../ingest/ingest.store';

export const GROWTH_WINDOW_HOURS = 24;

export async function loadRankablePapers(
  db: Db,
  paperIds: readonly number[],
  now: Date,
): Promise<Map<number, RankablePaper>> {
  const out = new Map<number, RankablePaper>();
  if (paperIds.length === 0) return out;
  const [rows, growth] = await Promise.all([
    db.paper.findMany({
      where: { id: { in: [...paperIds] } },
      select: { id: true, title: true, upvotes: true, publishedAt: true },
    }),
    upvoteGrowth(db, paperIds, { hours: GROWTH_WINDOW_HOURS, now }),
  ]);
  for (const r of rows) {
    // The title lets a digest leave out near-duplicates (composeDigest).
    out.set(r.id, {
      id: r.id,
      title: r.title,
      upvotes: Math.max(0, r.upvotes),
      upvoteGrowth: Math.max(0, growth.get(r.id) ?? 0),
      publishedAt: r.publishedAt,
    });
  }
  return out;
}
