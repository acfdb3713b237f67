// One run of one source: fetch → store each batch (papers, counters and cursor in one
// transaction) → hand the batch's new papers to matching → next batch. A run that stops part
// way is continued by the next run of the same source from the saved cursor.
import type { FetchOptions, PaperBatch, PaperSource } from '@paperboy/papers';
import { ingestClock, type IngestDeps } from './ingest-deps';
import { classifyIngestError } from './ingest-errors';
import { closeRun, lastSuccessAt, openRun, recordBatch, type RunCursor } from './ingest.store';
import { handOffToMatching } from './match-handoff';
import { acquireSourceLock } from './source-lock';
import { upsertPapers } from './upsert-papers';

export interface IngestRunOptions {
  source: PaperSource;
  /** IngestRun.source: a schedule's name (`hf-daily`) or `file:/abs/path`. */
  runName: string;
  /** What the run reads (e.g. a file's path+size+mtime): an unfinished run resumes only with the same key. */
  key?: string | null;
  /** False for sources without upvotes (arXiv): stored signals are kept. */
  refreshSignals?: boolean;
  /** Incoming publishedAt replaces the stored one (the re-dated demo feed). */
  replaceDates?: boolean;
  /** Dated sources: a new run starts a day before the last successful one, at most this many days back. */
  lookbackDays?: number;
  signal?: AbortSignal;
  onBatch?: (progress: IngestCounts & { location: string }) => void;
  matchChunkSize?: number;
  /** Rejected records logged one by one per run, then only counted (a broken file must not flood logs). */
  maxRejectLogs?: number;
}

export interface IngestCounts {
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  matchJobs: number;
}

/** Counts are this invocation's (a resumed run's earlier attempts are in its IngestRun row). */
export interface IngestSummary extends IngestCounts {
  runId: number | null;
  source: string;
  status: 'succeeded' | 'skipped';
  resumed: boolean;
}

/** Marks an error thrown by the source's iterator (as opposed to by storing). */
class SourceFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

const zero = (): IngestCounts => ({ fetched: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, matchJobs: 0 });

export async function runIngest(deps: IngestDeps, options: IngestRunOptions): Promise<IngestSummary> {
  const lock = await acquireSourceLock(deps.redis, `${deps.redisPrefix}:ingest-lock:${options.runName}`);
  if (!lock) {
    deps.logger.info({ source: options.runName }, 'ingest: another run of this source is in progress; skipped');
    return { ...zero(), runId: null, source: options.runName, status: 'skipped', resumed: false };
  }
  try {
    return await runLocked(deps, options);
  } finally {
    await lock.release();
  }
}

async function runLocked(deps: IngestDeps, options: IngestRunOptions): Promise<IngestSummary> {
  const run = await openRun(deps.db, options.runName, options.key ?? null, ingestClock(deps));
  const log = deps.logger.child({ ingestRun: run.id, source: options.runName });
  const counts = zero();
  const summary = (): IngestSummary => ({
    ...counts,
    runId: run.id,
    source: options.runName,
    status: 'succeeded',
    resumed: run.resumed,
  });
  try {
    // The outbox of the last stored batch: it may not have reached the queue before a crash.
    counts.matchJobs += await handOffToMatching(
      deps.queues,
      { runId: run.id, batch: run.cursor.batch },
      run.cursor.pending,
      options.matchChunkSize,
    );
    if (run.resumed) log.info({ batch: run.cursor.batch, done: run.cursor.done }, 'ingest: resuming an unfinished run');
    let cursor = run.cursor;
    if (!cursor.done) {
      const fetchOptions = cursor.source ? { cursor: cursor.source } : await window(deps, options);
      const batches = options.source.fetch({ ...fetchOptions, signal: options.signal })[Symbol.asyncIterator]();
      const pull = () => batches.next().catch((error: unknown) => Promise.reject(new SourceFailure(error)));
      let ahead = pull();
      try {
        for (;;) {
          const next = await ahead;
          if (next.done) break;
          // Read (parse, fetch) the next batch while this one is stored: the event loop is idle
          // while Postgres works. Only stored batches move the cursor, so a crash re-reads it.
          ahead = pull();
          cursor = await storeBatch(deps, run.id, cursor, next.value, options, counts);
          counts.matchJobs += await handOffToMatching(
            deps.queues,
            { runId: run.id, batch: cursor.batch },
            cursor.pending,
            options.matchChunkSize,
          );
          logRejects(log, next.value, counts, options.maxRejectLogs ?? 50);
          options.onBatch?.({ ...counts, location: next.value.location });
        }
      } finally {
        // A read still in flight when storing failed: ignore its outcome, then close the source.
        void ahead
          .then(
            () => batches.return?.(undefined),
            () => batches.return?.(undefined),
          )
          .catch(() => undefined);
      }
    }
    await closeRun(deps.db, run.id, 'succeeded', ingestClock(deps));
    log.info(counts, 'ingest: run finished');
    return summary();
  } catch (error) {
    const fromSource = error instanceof SourceFailure;
    const cause = fromSource ? error.cause : error;
    const failure = classifyIngestError(options.runName, cause, fromSource);
    log.warn(
      { err: cause, status: failure.status, retryable: failure.error.retryable, ...counts },
      'ingest: run stopped',
    );
    await closeRun(deps.db, run.id, failure.status, ingestClock(deps), failure.error.message).catch((e: unknown) =>
      log.error({ err: e }, 'ingest: could not record the failure'),
    );
    throw failure.error;
  }
}

/** Papers, counters and cursor commit together: a crash leaves either all or none of a batch. */
async function storeBatch(
  deps: IngestDeps,
  runId: number,
  cursor: RunCursor,
  batch: PaperBatch,
  options: IngestRunOptions,
  counts: IngestCounts,
): Promise<RunCursor> {
  const now = ingestClock(deps);
  const { result, next } = await deps.db.$transaction(
    async (tx) => {
      const result = await upsertPapers(tx, batch.papers, {
        refreshSignals: options.refreshSignals ?? true,
        replaceDates: options.replaceDates,
        now,
      });
      const next: RunCursor = {
        source: batch.cursor,
        batch: cursor.batch + 1,
        done: batch.cursor === null,
        pending: result.insertedIds,
        key: cursor.key,
      };
      const batchCounts = {
        fetched: batch.fetched,
        inserted: result.insertedIds.length,
        updated: result.updatedIds.length,
        rejected: batch.rejected.length,
      };
      await recordBatch(tx, runId, batchCounts, next);
      return { result, next };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  counts.fetched += batch.fetched;
  counts.inserted += result.insertedIds.length;
  counts.updated += result.updatedIds.length;
  counts.unchanged += result.unchanged;
  counts.rejected += batch.rejected.length;
  return next;
}

/** A new run of a dated source overlaps the last successful one by a day (late papers, fresh upvotes). */
async function window(deps: IngestDeps, options: IngestRunOptions): Promise<FetchOptions> {
  if (options.lookbackDays === undefined) return {};
  const now = ingestClock(deps);
  const floor = now.getTime() - options.lookbackDays * 86_400_000;
  const last = await lastSuccessAt(deps.db, options.runName);
  const since = new Date(Math.max(floor, last ? last.getTime() - 86_400_000 : floor));
  return { since, until: now };
}

function logRejects(log: IngestDeps['logger'], batch: PaperBatch, counts: IngestCounts, max: number): void {
  const before = counts.rejected - batch.rejected.length;
  batch.rejected.forEach((rejected, i) => {
    if (before + i < max)
      log.warn(
        { reason: rejected.reason, location: rejected.location, recordId: rejected.recordId },
        'ingest: record rejected',
      );
    else if (before + i === max) log.warn({ max }, 'ingest: more records rejected; counting them without logging each');
  });
}
