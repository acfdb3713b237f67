// The trending part of a digest (issue 19), by the reader's digest mode: "Top trending" readers
// get the period's most upvoted papers; "My topics + top trending" readers get their topic
// sections, then "Also trending": the top 3 papers not already in the digest. A paper reaches a
// reader at most once, whichever section carried it: papers already received, and those the
// topic sections carry, are left out of the trending list (and DeliveryPaper's unique key on
// reader + paper stays the last guard).
import type { Db } from '@paperboy/db';
import type { DigestMode } from '../subscribers/digest-mode';
import type { PickedPaper } from './pick-papers';
import type { TrendingPaper, TrendingPeriod } from '../trending/trending';
import { TrendingCache } from '../trending/trending-cache';
import { receivedPapers } from './store';

/** Each period's list is shared by the build batches of a minute (a run builds thousands). */
const lists = new TrendingCache();

/** "Also trending" after the topic sections: this many papers. */
export const ALSO_TRENDING = 3;

export interface TrendingReader {
  id: number;
  frequency: TrendingPeriod;
  digestMode: DigestMode;
}

/** Papers of `paperIds` each reader already received (one query for the batch). */
async function received(
  db: Db,
  readers: readonly number[],
  paperIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (readers.length === 0 || paperIds.length === 0) return out;
  const rows = await receivedPapers(db, readers, paperIds);
  for (const r of rows) out.set(r.subscriberId, [...(out.get(r.subscriberId) ?? []), r.paperId]);
  return out;
}

const asPicked = (p: TrendingPaper, period: TrendingPeriod): PickedPaper => ({
  paperId: p.paperId,
  score: p.score,
  reason: p.reason,
  trending: true,
  // The card's "+N today" only for a day's gain (the reason already says the week's).
  growth: p.gained && period === 'daily' ? p.score : 0,
});

/** Adds each reader's trending papers to their topic picks (replacing them for "Top trending" readers). */
export async function addTrending(
  db: Db,
  readers: readonly TrendingReader[],
  topicPicks: Map<number, PickedPaper[]>,
  options: { limit: number; now: Date; minUpvotes?: number },
): Promise<Map<number, PickedPaper[]>> {
  const wanting = readers.filter((r) => r.digestMode !== 'topics');
  if (wanting.length === 0) return topicPicks;
  const lookup = lists.lookup(db, {
    now: options.now,
    ...(options.minUpvotes !== undefined ? { minUpvotes: options.minUpvotes } : {}),
  });
  const byPeriod = new Map<TrendingPeriod, TrendingPaper[]>();
  for (const period of new Set(wanting.map((r) => r.frequency)))
    byPeriod.set(period, await lookup(period, { limit: 100 }));
  const candidateIds = [...new Set([...byPeriod.values()].flatMap((l) => l.map((p) => p.paperId)))];
  const already = await received(
    db,
    wanting.map((r) => r.id),
    candidateIds,
  );
  const out = new Map(topicPicks);
  for (const r of wanting) {
    const topics = r.digestMode === 'trending' ? [] : (topicPicks.get(r.id) ?? []);
    const skip = new Set([...(already.get(r.id) ?? []), ...topics.map((p) => p.paperId)]);
    const room = r.digestMode === 'trending' ? options.limit : ALSO_TRENDING;
    const trending: PickedPaper[] = [];
    for (const p of byPeriod.get(r.frequency) ?? []) {
      if (trending.length >= room) break;
      if (!skip.has(p.paperId)) trending.push(asPicked(p, r.frequency));
    }
    out.set(r.id, [...topics, ...trending]);
  }
  return out;
}
