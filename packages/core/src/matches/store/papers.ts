// Papers as matching reads them: only the fields it needs, withdrawn papers left out; and the
// trending signals of the candidate papers a digest ranks.
import type { Db } from '@paperboy/db';
import type { MatchablePaper, RankablePaper } from '@paperboy/matching';
import { upvoteGrowth } from '../../ingest/ingest.store';

const SELECT = { id: true, title: true, abstract: true, upvotes: true, publishedAt: true } as const;

const toMatchable = (p: MatchablePaper): MatchablePaper => ({ ...p, upvotes: Math.max(0, p.upvotes) });

export async function loadPapersById(db: Db, ids: readonly number[]): Promise<MatchablePaper[]> {
  const rows = await db.paper.findMany({
    where: { id: { in: [...ids] }, withdrawnAt: null },
    select: SELECT,
    orderBy: { id: 'asc' },
  });
  return rows.map(toMatchable);
}

/** The most recent papers published since `since`, newest first, at most `limit`. */
export async function loadRecentPapers(db: Db, since: Date, limit: number): Promise<MatchablePaper[]> {
  const rows = await db.paper.findMany({
    where: { publishedAt: { gte: since }, withdrawnAt: null },
    select: SELECT,
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map(toMatchable);
}

/** Papers published since `since` with an id above `afterId`, in id order, at most `limit` (keyset pages). */
export async function loadPapersAfter(db: Db, since: Date, afterId: number, limit: number): Promise<MatchablePaper[]> {
  const rows = await db.paper.findMany({
    where: { publishedAt: { gte: since }, withdrawnAt: null, id: { gt: afterId } },
    select: SELECT,
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map(toMatchable);
}

// Trending signals of the candidate papers, read once per paper (not per match): upvotes now,
// and their growth over the last day as the ingestion side defines it (upvoteGrowth in ingest.store.ts:
// upvotes minus those of the latest snapshot a day old, or of the first one for a paper first
// seen today; no snapshot, no growth). One definition, so the digest and the papers agree.
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
