// IngestRun rows: one per run of a source. Statuses: running → succeeded | failed (resumable:
// the next run of the source continues it) | abandoned (permanent failure or superseded; never
// resumed). The cursor column holds a RunCursor: where the source resumes, and the papers of
// the last stored batch still to be handed to matching (an outbox written with the batch).
import type { Db } from '@paperboy/db';
import type { SourceCursor } from '@paperboy/papers';

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
