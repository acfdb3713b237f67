// A run over every reader (a digest fan-out, the benchmark): the recent matches are loaded once
// for the run (MatchWindow), readers are streamed in keyset-paginated batches, and the next
// batch is fetched while the current one is ranked, so Postgres (another process, another core)
// and the ranking overlap instead of taking turns. Each batch is ranked and handed to onBatch in
// slices of a few hundred readers, so results die young (see batch-ranking.ts).
import type { SubscriberStatus } from '@paperboy/db';
import { type MatchingDeps, positiveInt } from './matching-deps';
import { MatchWindow } from './match-window';
import { prepareBatch } from './batch-ranking';
import type { RankedPapersOptions, ReaderDigest } from './ranked-papers.types';
import { readerBatches } from './store';

export interface RankEveryReaderOptions extends Omit<RankedPapersOptions, 'window'> {
  /** Readers per batch (default 2,000: measured faster than 5,000, as less of each batch outlives
   * the young generation and has to be collected by full mark-sweeps). */
  batchSize?: number;
  /** Readers per onBatch call (default 250). */
  sliceSize?: number;
  statuses?: SubscriberStatus[];
  afterId?: number;
}

export interface RankEveryReaderStats {
  readers: number;
  batches: number;
  papers: number;
  /** Milliseconds spent waiting for reader batches (not hidden behind ranking). */
  waitMs: number;
  /** Milliseconds spent ranking (the delivered-papers query of each batch is not included). */
  rankMs: number;
}

/** Ranks every reader of `statuses` (default active) and hands each batch to `onBatch` in id order. */
export async function rankEveryReader(
  deps: MatchingDeps,
  onBatch: (digests: ReaderDigest[]) => Promise<void> | void,
  options: RankEveryReaderOptions = {},
): Promise<RankEveryReaderStats> {
  const { batchSize = 2_000, sliceSize = 250, statuses, afterId, ...rankOptions } = options;
  positiveInt(batchSize, 'batchSize', 10_000);
  positiveInt(sliceSize, 'sliceSize', 10_000);
  const window = await MatchWindow.load(deps, { windowDays: rankOptions.windowDays });
  // Received papers come with each batch (same window start): fetched ahead, off the ranking's path.
  const batches = readerBatches(deps.db, {
    batchSize,
    deliveredSince: window.since,
    ...(statuses ? { statuses } : {}),
    ...(afterId ? { afterId } : {}),
  });
  const stats: RankEveryReaderStats = { readers: 0, batches: 0, papers: 0, waitMs: 0, rankMs: 0 };
  let waitStart = performance.now();
  let next = batches.next();
  for (;;) {
    const current = await next;
    stats.waitMs += performance.now() - waitStart;
    if (current.done) return stats;
    next = batches.next(); // prefetch: runs in Postgres while we rank below
    next.catch(() => undefined); // surfaced by the await above on the next turn
    const batch = current.value;
    const prepared = await prepareBatch(deps, batch, { ...rankOptions, window });
    for (let at = 0; at < batch.length; at += sliceSize) {
      const rankStart = performance.now();
      const digests = prepared.rank(batch.slice(at, at + sliceSize));
      stats.rankMs += performance.now() - rankStart;
      stats.readers += digests.length;
      for (const d of digests) stats.papers += d.papers.length;
      await onBatch(digests);
    }
    stats.batches += 1;
    waitStart = performance.now();
  }
}
