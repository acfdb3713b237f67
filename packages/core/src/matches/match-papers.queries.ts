// Papers as matching reads them: only the fields it needs, withdrawn papers left out.
import type { Db } from '@paperboy/db';
import type { MatchablePaper } from '@paperboy/matching';

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
