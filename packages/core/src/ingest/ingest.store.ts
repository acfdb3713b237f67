// Access style: Prisma for IngestRun rows (a few per run, off the hot path); one set-based raw
// statement per chunk for papers and their signal history, where row-by-row calls would cost a
// round trip per paper.
// The ingest area's data access. IngestRun rows: one per run of a source. Statuses: running →
// succeeded | failed (resumable: the next run of the source continues it) | abandoned
// (permanent failure or superseded; never resumed). The cursor column holds a RunCursor: where
// the source resumes, and the papers of the last stored batch still to be handed to matching
// (an outbox written with the batch). Papers are written by the statement built in
// upsert-papers.sql.ts; PaperSignal keeps their upvote history for trending.
import type { Db, Prisma } from '@paperboy/db';
import type { SourceCursor } from '@paperboy/papers';
import { UPSERT_PAPERS_SQL } from './upsert-papers.sql';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';

export interface RunCursor {
  /** The source's own resume point after `batch`; null before the first batch or once done. */
  source: SourceCursor | null;
  /** Batches stored so far. */
  batch: number;
  /** True once the source said it had nothing more (its cursor came back null). */
  done: boolean;
  /** Ids inserted by batch `batch`: re-sent to matching on resume (idempotent job ids). */
  pending: number[];
  /** What the run is about (a file's path, size and mtime): a different key never resumes it. */
  key: string | null;
}

export interface RunRow {
  id: number;
  cursor: RunCursor;
  resumed: boolean;
}

export interface BatchCounts {
  fetched: number;
  inserted: number;
  updated: number;
  rejected: number;
}

const RESUMABLE: RunStatus[] = ['running', 'failed'];

function readCursor(value: unknown): RunCursor | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const c = value as Partial<RunCursor>;
  if (typeof c.batch !== 'number' || !Array.isArray(c.pending)) return null;
  return { source: c.source ?? null, batch: c.batch, done: c.done === true, pending: c.pending, key: c.key ?? null };
}

/**
 * Continues the source's unfinished run, or starts a new one. Call only while holding the
 * source lock: then a run still marked "running" was left behind by a crash.
 */
export async function openRun(db: Db, source: string, key: string | null, now: Date): Promise<RunRow> {
  const last = await db.ingestRun.findFirst({ where: { source }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] });
  if (last && RESUMABLE.includes(last.status as RunStatus)) {
    const cursor = readCursor(last.cursor);
    if (cursor && cursor.key === key) {
      await db.ingestRun.update({ where: { id: last.id }, data: { status: 'running', error: null, finishedAt: null } });
      return { id: last.id, cursor, resumed: true };
    }
    const why = cursor ? 'superseded: the input changed since this run stopped' : 'superseded: unreadable cursor';
    await db.ingestRun.update({ where: { id: last.id }, data: { status: 'abandoned', error: why, finishedAt: now } });
  }
  const cursor: RunCursor = { source: null, batch: 0, done: false, pending: [], key };
  const created = await db.ingestRun.create({
    data: { source, status: 'running', startedAt: now, cursor: { ...cursor } },
  });
  return { id: created.id, cursor, resumed: false };
}

/** Counters and the cursor move together, in the transaction that stored the batch. */
export async function recordBatch(
  tx: Pick<Db, 'ingestRun'>,
  runId: number,
  counts: BatchCounts,
  cursor: RunCursor,
): Promise<void> {
  await tx.ingestRun.update({
    where: { id: runId },
    data: {
      fetched: { increment: counts.fetched },
      inserted: { increment: counts.inserted },
      updated: { increment: counts.updated },
      rejected: { increment: counts.rejected },
      cursor: { ...cursor },
    },
  });
}

export async function closeRun(
  db: Db,
  runId: number,
  status: Exclude<RunStatus, 'running'>,
  now: Date,
  error?: string,
): Promise<void> {
  await db.ingestRun.update({
    where: { id: runId },
    data: { status, finishedAt: now, error: error?.slice(0, 2000) ?? null },
  });
}

/** When the source last finished a run: the next run overlaps from there. */
export async function lastSuccessAt(db: Db, source: string): Promise<Date | null> {
  const run = await db.ingestRun.findFirst({
    where: { source, status: 'succeeded' },
    orderBy: { startedAt: 'desc' },
    select: { startedAt: true },
  });
  return run?.startedAt ?? null;
}

/** A run for papers posted to the API, stored with them: "running" until they reach matching. */
export async function createApiRun(
  tx: Pick<Db, 'ingestRun'>,
  data: { source: string; now: Date; fetched: number; inserted: number; updated: number; rejected: number },
  cursor: Prisma.InputJsonValue,
): Promise<{ id: number }> {
  const { source, now, ...counts } = data;
  return tx.ingestRun.create({ data: { source, status: 'running', startedAt: now, cursor, ...counts } });
}

export async function markRunSucceeded(db: Db, runId: number, now: Date): Promise<void> {
  await db.ingestRun.update({ where: { id: runId }, data: { status: 'succeeded', finishedAt: now } });
}

/** Runs of `source` still "running" that started within `startedAt` (at most `limit`). */
export async function runningRuns(db: Db, source: string, startedAt: { gte: Date; lt: Date }, limit: number) {
  return db.ingestRun.findMany({ where: { source, status: 'running', startedAt }, take: limit });
}

/** One row per inserted or changed paper of a chunk (see upsert-papers.sql.ts for the parameters). */
export interface UpsertedRow {
  id: number;
  sourceId: string;
  inserted: boolean;
  signalAdded: boolean;
}

/** Runs the batch upsert for one chunk of rows (JSON text); call inside a transaction for atomic batches. */
export function upsertChunk(
  db: Pick<Db, '$queryRawUnsafe'>,
  rowsJson: string,
  now: string,
  options: { refreshSignals: boolean; replaceDates: boolean },
): Promise<UpsertedRow[]> {
  return db.$queryRawUnsafe<UpsertedRow[]>(
    UPSERT_PAPERS_SQL,
    rowsJson,
    now,
    options.refreshSignals,
    options.replaceDates,
  );
}

// The signal history stays small: snapshots older than the window that trending looks at are
// deleted, except each paper's latest one before the cutoff (the baseline a window starting
// there compares against). Runs after scheduled pulls; one statement, bounded by the cutoff.
export async function pruneSignals(db: Pick<Db, '$executeRaw'>, keepDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  return db.$executeRaw`
    DELETE FROM "PaperSignal" s
    USING (SELECT "paperId", max("observedAt") AS keep FROM "PaperSignal" WHERE "observedAt" < ${cutoff} GROUP BY "paperId") k
    WHERE s."paperId" = k."paperId" AND s."observedAt" < k.keep`;
}

export interface GrowthOptions {
  /** Window length; default 24 h. */
  hours?: number;
  now?: Date;
}

/**
 * "Trending" as "gaining upvotes", for the matcher/ranker: current upvotes minus the upvotes at
 * the window's start - the last snapshot at or before it, or, for a paper first seen inside the
 * window, its first snapshot (what it had when we met it; so a paper that arrives with 300
 * upvotes is not "gaining" 300). Papers with no history count 0. Both lookups walk
 * PaperSignal(paperId, observedAt). Ids not found are absent from the map.
 */
export async function upvoteGrowth(
  db: Pick<Db, '$queryRaw'>,
  paperIds: readonly number[],
  options: GrowthOptions = {},
): Promise<Map<number, number>> {
  if (paperIds.length === 0) return new Map();
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.hours ?? 24) * 3600_000);
  const rows = await db.$queryRaw<{ id: number; growth: number }[]>`
    SELECT p.id, (p.upvotes - COALESCE(before.upvotes, first.upvotes, p.upvotes))::int AS growth
    FROM "Paper" p
    LEFT JOIN LATERAL (
      SELECT s.upvotes FROM "PaperSignal" s
      WHERE s."paperId" = p.id AND s."observedAt" <= ${since} ORDER BY s."observedAt" DESC LIMIT 1
    ) before ON true
    LEFT JOIN LATERAL (
      SELECT s.upvotes FROM "PaperSignal" s
      WHERE s."paperId" = p.id ORDER BY s."observedAt" ASC LIMIT 1
    ) first ON true
    WHERE p.id = ANY(${[...paperIds]}::int[])`;
  return new Map(rows.map((r) => [r.id, r.growth]));
}
