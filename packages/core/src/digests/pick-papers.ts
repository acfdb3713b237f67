// Which papers go into a reader's digest, by their digest mode: the composed digest
// (composedDigestsForReaders: their stored matches, balanced over their topics in sections,
// never a paper they already received, near-duplicates left out), then the trending part
// (trending-picks.ts), flattened in the order the email shows them. Called once per batch of
// readers: the per-topic lists and each period's trending list are loaded once for the batch.
import type { Db } from '@paperboy/db';
import type { MatchReason } from '@paperboy/matching';
import { composedDigestsForReaders } from '../matches';
import { readerModes } from './store';
import { addTrending } from './trending-picks';

export interface PickedPaper {
  paperId: number;
  score: number;
  /** The section's reason (its topic is the section), or a sentence. */
  reason: MatchReason | string;
  /** The reader's other topics this paper also matches ("also on agents"). */
  also?: readonly string[];
  /** Upvotes gained over the last day when the digest was built ("+12 today"). */
  growth?: number;
  /** In the digest for being trending ("Top trending" / "Also trending"), not for a topic. */
  trending?: boolean;
  /** In the digest because the reader liked a similar paper: that paper's title. */
  liked?: string;
}

export interface PickOptions {
  limit: number;
  now: Date;
  /** Only papers published within this many days are candidates. */
  windowDays: number;
  /** TRENDING_MIN_UPVOTES (default 5). */
  trendingMinUpvotes?: number;
  /** LEARNED_EXTRA_PAPERS (default 3): papers beyond a voting reader's topics. */
  learnedExtras?: number;
}

export type PickPapers = (db: Db, subscriberIds: number[], options: PickOptions) => Promise<Map<number, PickedPaper[]>>;

export const pickRankedPapers: PickPapers = async (db, subscriberIds, options) => {
  const config = { DIGEST_MAX_PAPERS: options.limit, MATCH_WINDOW_DAYS: options.windowDays };
  const readers = await readerModes(db, subscriberIds);
  const withTopics = readers.filter((r) => r.digestMode !== 'trending').map((r) => r.id);
  const digests = withTopics.length
    ? await composedDigestsForReaders({ db, config, now: () => options.now }, withTopics, {
        cap: options.limit,
        ...(options.learnedExtras !== undefined ? { learnedExtras: options.learnedExtras } : {}),
      })
    : [];
  const topicPicks = new Map(
    digests.map((d) => [
      d.subscriberId,
      d.digest.papers.map(
        (p): PickedPaper =>
          p.because
            ? { paperId: p.paperId, score: p.score, reason: p.reason.text, liked: p.because.title }
            : {
                paperId: p.paperId,
                score: p.score,
                reason: p.reason,
                also: p.also,
                growth: p.paper.upvoteGrowth ?? 0,
              },
      ),
    ]),
  );
  const trendingOptions = {
    limit: options.limit,
    now: options.now,
    ...(options.trendingMinUpvotes !== undefined ? { minUpvotes: options.trendingMinUpvotes } : {}),
  };
  return addTrending(db, readers, topicPicks, trendingOptions);
};
