// Papers and readers as the digest previews read them (the preferences page's next digest, the
// operator's test digest), and the papers readers already received (trending picks).
import type { Db, Subscriber } from '@paperboy/db';
import type { DigestMode } from '../../subscribers/digest-mode';
import type { PaperFields } from '../paper-cache';

/**
 * Of `paperIds`, the papers each reader already received (one query for the batch).
 * Planned the same way whatever DeliveryPaper's statistics say (a morning adds millions of rows
 * before anything analyses them): per reader, one range of the (subscriberId, paperId) index,
 * from the smallest to the largest of `paperIds`, filtered by the set. The candidates are the
 * trending lists, papers published or added in the last two periods (trendingWindow), so the
 * range holds at most the reader's last two weeks of papers however long their history. The
 * plain `subscriberId = ANY AND paperId = ANY` was planned as a scan of the whole table (stale
 * statistics) or a bitmap AND that reads the trending papers' every row (1.2 M at 1 M readers):
 * 0.25-3.4 s for 200 readers against 1-13 ms (BENCHMARKS.md, "The morning"). OFFSET 0 keeps the
 * per-reader subquery a parameterised scan (Postgres would otherwise flatten it into a join
 * planned from the estimates) and the set out of its index condition.
 */
export async function receivedPapers(
  db: Pick<Db, '$queryRaw'>,
  readers: readonly number[],
  paperIds: readonly number[],
): Promise<{ subscriberId: number; paperId: number }[]> {
  if (readers.length === 0 || paperIds.length === 0) return [];
  let low = paperIds[0] as number;
  let high = low;
  for (const id of paperIds) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  return db.$queryRaw<{ subscriberId: number; paperId: number }[]>`
    SELECT r.id AS "subscriberId", dp."paperId"
    FROM unnest(${[...new Set(readers)]}::int[]) AS r(id)
    CROSS JOIN LATERAL (
      SELECT x."paperId" FROM "DeliveryPaper" x
      WHERE x."subscriberId" = r.id AND x."paperId" BETWEEN ${low}::int AND ${high}::int
      OFFSET 0) dp
    WHERE dp."paperId" = ANY(${[...paperIds]}::int[])`;
}

/** The reader's digest mode and topics as typed, in their order; null when gone. */
export function readerTopicsAndMode(
  db: Pick<Db, 'subscriber'>,
  id: number,
): Promise<{ digestMode: DigestMode; topics: { raw: string }[] } | null> {
  return db.subscriber.findUnique({
    where: { id },
    select: { digestMode: true, topics: { select: { raw: true }, orderBy: { id: 'asc' } } },
  });
}

export interface PaperLinkRow {
  id: number;
  title: string;
  sourceId: string;
  hfUrl: string | null;
  arxivUrl: string | null;
  upvotes: number;
}

/** Title, links and upvotes of these papers (any order; ids not found are absent). */
export function paperLinks(db: Pick<Db, 'paper'>, ids: readonly number[]): Promise<PaperLinkRow[]> {
  return db.paper.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, sourceId: true, hfUrl: true, arxivUrl: true, upvotes: true },
  });
}

/** A paper's fields in a digest email. */
export type EmailPaper = PaperFields & { id: number };

const EMAIL_COLUMNS = {
  id: true,
  title: true,
  sourceId: true,
  authors: true,
  abstract: true,
  upvotes: true,
  hfUrl: true,
  arxivUrl: true,
  pdfUrl: true,
  githubRepo: true,
  projectPage: true,
  organization: true,
  publishedAt: true,
  numComments: true,
} as const;

/** What a digest email shows of these papers (any order; ids not found are absent). */
export function emailPapers(db: Pick<Db, 'paper'>, ids: readonly number[]): Promise<EmailPaper[]> {
  return db.paper.findMany({ where: { id: { in: [...ids] } }, select: EMAIL_COLUMNS });
}

/** The `limit` most upvoted papers published since `since`, not withdrawn, as a digest email shows them. */
export function topEmailPapers(db: Pick<Db, 'paper'>, since: Date, limit: number): Promise<EmailPaper[]> {
  return db.paper.findMany({
    where: { publishedAt: { gte: since }, withdrawnAt: null },
    orderBy: [{ upvotes: 'desc' }, { id: 'desc' }],
    take: limit,
    select: EMAIL_COLUMNS,
  });
}

/** The reader with this address and their topics as typed, or null. */
export function readerByEmailWithTopics(
  db: Pick<Db, 'subscriber'>,
  email: string,
): Promise<(Subscriber & { topics: { raw: string }[] }) | null> {
  return db.subscriber.findUnique({ where: { email }, include: { topics: { select: { raw: true } } } });
}
