// Papers as the subscribe page's preview and spelling check read them.
import type { Db } from '@paperboy/db';

type PaperDb = Pick<Db, 'paper'>;

/** The most recent papers published since `since`, not withdrawn, newest first, at most `limit`. */
export async function recentPreviewPapers(db: PaperDb, since: Date, limit: number) {
  const rows = await db.paper.findMany({
    where: { publishedAt: { gte: since }, withdrawnAt: null },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      title: true,
      abstract: true,
      upvotes: true,
      publishedAt: true,
      authors: true,
      hfUrl: true,
      arxivUrl: true,
    },
  });
  return rows.map((r) => ({ ...r, url: r.hfUrl ?? r.arxivUrl }));
}

/** Titles and abstracts of the `limit` most recent papers not withdrawn. */
export function recentPaperTexts(db: PaperDb, limit: number): Promise<{ title: string; abstract: string }[]> {
  return db.paper.findMany({
    where: { withdrawnAt: null },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { title: true, abstract: true },
  });
}

/** What a preview card shows of each paper (any order; ids not found are absent). */
export interface PaperCardRow {
  id: number;
  title: string;
  authors: string[];
  publishedAt: Date;
  upvotes: number;
  hfUrl: string | null;
  arxivUrl: string | null;
}

export function paperCards(db: PaperDb, ids: readonly number[]): Promise<PaperCardRow[]> {
  return db.paper.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, authors: true, publishedAt: true, upvotes: true, hfUrl: true, arxivUrl: true },
  });
}
