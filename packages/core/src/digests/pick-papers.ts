// Which papers go into a reader's digest: the matching use case's ranking (their stored
// matches, relevance × trending × recency, capped, never a paper they already received).
// Build jobs run one reader each, so concurrent jobs of a process share one ranking call:
// a batch loads the per-topic lists once instead of once per reader.
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

/**
 * Coalesces the calls made in the same tick (concurrent jobs of one worker) into one call of
 * `pick` per batch of at most `maxBatch` readers. Calls with different options are not mixed.
 */
export function batchedPicker(pick: PickPapers, maxBatch = 200): PickPapers {
  type Waiter = { ids: number[]; resolve: (m: Map<number, PickedPaper[]>) => void; reject: (e: unknown) => void };
  type Batch = { db: Db; options: PickOptions; ids: number[]; waiters: Waiter[]; flushed: boolean };
  let pending: Batch | undefined;
  const flush = (batch: Batch) => {
    if (batch.flushed) return;
    batch.flushed = true;
    if (pending === batch) pending = undefined;
    pick(batch.db, [...new Set(batch.ids)], batch.options).then(
      (all) => batch.waiters.forEach((w) => w.resolve(new Map(w.ids.map((id) => [id, all.get(id) ?? []])))),
      (error) => batch.waiters.forEach((w) => w.reject(error)),
    );
  };
  return (db, ids, options) =>
    new Promise((resolve, reject) => {
      const compatible = pending && pending.db === db && sameOptions(pending.options, options) && pending.ids.length + ids.length <= maxBatch;
      if (!compatible) {
        if (pending) flush(pending);
        const batch: Batch = { db, options, ids: [], waiters: [], flushed: false };
        pending = batch;
        setImmediate(() => flush(batch));
      }
      pending!.ids.push(...ids);
      pending!.waiters.push({ ids, resolve, reject });
    });
}

function sameOptions(a: PickOptions, b: PickOptions): boolean {
  // Clocks differ by milliseconds between jobs; the window is days, so compare to the minute.
  return a.limit === b.limit && a.windowDays === b.windowDays && Math.floor(a.now.getTime() / 60_000) === Math.floor(b.now.getTime() / 60_000);
}
