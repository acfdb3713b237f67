// Which papers go into a reader's digest: the composed digest (composedDigestsForReaders: their
// stored matches, balanced over their topics in sections, never a paper they already received,
// near-duplicates left out), flattened in the order the email shows them. Called once per batch
// of readers: the per-topic lists are loaded once for the batch.
import type { Db } from '@paperboy/db';
import type { MatchReason } from '@paperboy/matching';
import { composedDigestsForReaders } from '../matching';

export interface PickedPaper {
  paperId: number;
  score: number;
  /** The section's reason (its topic is the section), or a sentence. */
  reason: MatchReason | string;
  /** The reader's other topics this paper also matches ("also on agents"). */
  also?: string[];
  /** Upvotes gained over the last day when the digest was built ("+12 today"). */
  growth?: number;
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
  const digests = await composedDigestsForReaders({ db, config, now: () => options.now }, subscriberIds, { cap: options.limit });
  return new Map(
    digests.map((d) => [
      d.subscriberId,
      d.digest.papers.map((p) => ({ paperId: p.paperId, score: p.score, reason: p.reason, also: p.also, growth: p.paper.upvoteGrowth ?? 0 })),
    ]),
  );
};
