// Access style: Prisma's $queryRaw - one statement a period (a LATERAL join the query builder cannot express).
// The trending area's data access: the candidates of "top trending" in one statement - papers
// of the period (published or first seen by paperboy within the last two periods, so a paper
// that appeared late yesterday and climbed overnight still counts) with at least the floor in
// total upvotes (an upper bound of what they gained), each with its baseline: the upvotes of its
// latest snapshot at or before the period's start, when the signal history has one. Ranking is
// trending.ts's, in memory.
import type { Db } from '@paperboy/db';

export interface TrendingCandidate {
  paperId: number;
  upvotes: number;
  /** Upvotes at the period's start (latest PaperSignal at or before it); null: no snapshot that old. */
  baselineUpvotes: number | null;
  publishedAt: Date;
  /** Whether the paper has a Hugging Face page: only then are its upvotes Hugging Face's. */
  onHub: boolean;
}

export interface CandidateWindow {
  /** The period's start: upvotes gained are counted from here. */
  since: Date;
  /** Papers published or first seen from here on are the period's. */
  freshSince: Date;
  minUpvotes: number;
}

export async function loadTrendingCandidates(
  db: Pick<Db, '$queryRaw'>,
  window: CandidateWindow,
): Promise<TrendingCandidate[]> {
  // Both branches of the OR have an index (publishedAt, createdAt): a bitmap OR, no scan.
  return db.$queryRaw<TrendingCandidate[]>`
    SELECT p.id AS "paperId", p.upvotes, b.upvotes AS "baselineUpvotes", p."publishedAt",
      p."hfUrl" IS NOT NULL AS "onHub"
    FROM "Paper" p
    LEFT JOIN LATERAL (
      SELECT s.upvotes FROM "PaperSignal" s
      WHERE s."paperId" = p.id AND s."observedAt" <= ${window.since}
      ORDER BY s."observedAt" DESC LIMIT 1
    ) b ON true
    WHERE p."withdrawnAt" IS NULL AND p.upvotes >= ${window.minUpvotes}
      AND (p."publishedAt" >= ${window.freshSince} OR p."createdAt" >= ${window.freshSince})`;
}
