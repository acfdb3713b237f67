// Papers and readers as the digest previews read them (the preferences page's next digest, the
// operator's test digest), and the papers readers already received (trending picks).
import type { Db, Subscriber } from '@paperboy/db';
import type { DigestMode } from '../../subscribers/digest-mode';
import type { PaperFields } from '../paper-cache';

/** Of `paperIds`, the papers each reader already received (one query for the batch). */
export async function receivedPapers(
  db: Pick<Db, '$queryRaw'>,
  readers: readonly number[],
  paperIds: readonly number[],
): Promise<{ subscriberId: number; paperId: number }[]> {
  return db.$queryRaw<{ subscriberId: number; paperId: number }[]>`
    SELECT "subscriberId", "paperId" FROM "DeliveryPaper"
    WHERE "subscriberId" = ANY(${[...readers]}::int[]) AND "paperId" = ANY(${[...paperIds]}::int[])`;
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
