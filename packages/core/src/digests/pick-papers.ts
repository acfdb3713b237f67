// Which papers go into a reader's digest: the matching use case's ranking (their stored
// matches, relevance × trending × recency, capped, never a paper they already received).
// Called once per batch of readers: the per-topic lists are loaded once for the batch.
import type { Db } from '@paperboy/db';
import type { MatchReason } from '@paperboy/matching';
import { rankedPapersForReaders } from '../matching';

export interface PickedPaper {
  paperId: number;
  score: number;
  reason: MatchReason | string;
}

export interface PickOptions {
  limit: number;
  now: Date;
  /** Only papers published within this many days are candidates. */
  windowDays: number;
}

export type PickPapers = (db: Db, subscriberIds: number[], options: PickOptions) => Promise<Map<number, PickedPaper[]>>;

export const pickRankedPapers: PickPapers = async (db, subscriberIds, options) => {
  const config = { DIGEST_MAX_PAPERS: options.limit, MATCH_WINDOW_DAYS: options.windowDays };
  const digests = await rankedPapersForReaders({ db, config, now: () => options.now }, subscriberIds, { cap: options.limit });
  return new Map(
    digests.map((d) => [d.subscriberId, d.papers.map((p) => ({ paperId: p.paperId, score: p.score, reason: p.reasons[0] ?? p.reason }))]),
  );
};
