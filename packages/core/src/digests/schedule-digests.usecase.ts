// The repeatable schedule job: find the readers whose digest is due, fan out one build job per
// reader and period, then move their nextDigestAt on. Readers come in keyset-paginated
// batches from the (status, nextDigestAt) index, so a run costs the same with 10 or 10 million
// readers per batch. A crash part-way is harmless: build job ids are deterministic and the
// Delivery key is unique, so re-running re-adds the same jobs and builds nothing twice.
import { AppError } from '../errors';
import { nextDigestAt } from '../subscribers/next-digest-at';
import { digestClock, enqueueBuilds, type DigestDeps } from './digest-deps';
import { periodKey } from './period-key';
import {
  activeReadersPage,
  advanceDueReaders,
  countBuiltDeliveries,
  countDueReaders,
  type DueRow,
  dueReader,
  dueReadersPage,
} from './store';

export interface ScheduleOptions {
  /** "Send now": every active reader gets the current period's digest, whatever the hour. */
  force?: boolean;
  /** Only this reader (with force: send them this period's digest now). */
  subscriberId?: number;
  batchSize?: number;
  /** Called before the first batch and after each (an operator's progress bar); with it, the run
   * first counts the readers it will look at (`total`; undefined for one reader). */
  onProgress?: (progress: { queued: number; total?: number }) => void;
}

export interface ScheduleResult {
  readers: number;
  enqueued: number;
  advanced: number;
  /** With force: readers who already have this period's digest, so their build adds nothing. */
  alreadyBuilt: number;
}

export async function scheduleDigests(deps: DigestDeps, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const now = digestClock(deps);
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new AppError('invalid_input', 'batchSize must be 1–10000');
  const total: ScheduleResult = { readers: 0, enqueued: 0, advanced: 0, alreadyBuilt: 0 };
  if (options.onProgress) options.onProgress({ queued: 0, total: await countDue(deps, options, now) });
  let cursor: { at: Date; id: number } | undefined;
  for (;;) {
    const rows = await nextBatch(deps, options, now, batchSize, cursor);
    if (rows.length === 0) return total;
    const last = rows[rows.length - 1] as DueRow;
    cursor = { at: last.nextDigestAt ?? now, id: last.id };
    const builds = rows.map((r) => ({
      subscriberId: r.id,
      periodKey: periodKey(r.frequency, r.timezone, dueInstant(r, now, options)),
    }));
    // Jobs first, then the clock: a crash in between re-finds these readers and re-adds the same ids.
    await enqueueBuilds(deps, builds);
    total.readers += rows.length;
    total.enqueued += builds.length;
    total.advanced += await advance(
      deps,
      rows.filter((r) => r.nextDigestAt !== null && r.nextDigestAt <= now),
      now,
    );
    if (options.force) total.alreadyBuilt += await countBuilt(deps, builds);
    options.onProgress?.({ queued: total.enqueued });
    if (rows.length < batchSize || options.subscriberId !== undefined) return total;
  }
}

/** How many readers a run will look at: every active one with force, else those due now. */
async function countDue(deps: DigestDeps, options: ScheduleOptions, now: Date): Promise<number | undefined> {
  if (options.subscriberId !== undefined) return undefined;
  return countDueReaders(deps.db, now, options.force === true);
}

/** "Send now" run twice in a period: say so, rather than let the operator wait for an email. */
async function countBuilt(
  deps: DigestDeps,
  builds: readonly { subscriberId: number; periodKey: string }[],
): Promise<number> {
  return countBuiltDeliveries(deps.db, builds);
}

/** A late run (the worker was down) still files the digest under the period it was due in. */
function dueInstant(r: DueRow, now: Date, options: ScheduleOptions): Date {
  return !options.force && r.nextDigestAt && r.nextDigestAt <= now ? r.nextDigestAt : now;
}

async function nextBatch(
  deps: DigestDeps,
  options: ScheduleOptions,
  now: Date,
  limit: number,
  cursor?: { at: Date; id: number },
): Promise<DueRow[]> {
  if (options.subscriberId !== undefined) return dueReader(deps.db, options.subscriberId, now, options.force === true);
  if (options.force) return activeReadersPage(deps.db, cursor?.id ?? 0, limit);
  return dueReadersPage(deps.db, now, limit, cursor);
}

/** nextDigestAt → the next slot after now; only if still due (a preference change wins). */
async function advance(deps: DigestDeps, rows: DueRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  return advanceDueReaders(
    deps.db,
    rows.map((r) => r.id),
    rows.map((r) => nextDigestAt(r, now).toISOString()),
    now,
  );
}
