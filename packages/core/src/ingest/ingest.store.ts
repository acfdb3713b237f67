// Access style: Prisma for IngestRun rows (a few per run, off the hot path); one set-based raw
// statement per chunk for papers and their signal history, where row-by-row calls would cost a
// round trip per paper.
// The ingest area's data access. IngestRun rows: one per run of a source. Statuses: running →
// succeeded | failed (resumable: the next run of the source continues it) | abandoned
// (permanent failure or superseded; never resumed). The cursor column holds a RunCursor: where
// the source resumes, and the papers of the last stored batch still to be handed to matching
// (an outbox written with the batch). Papers are written by the one statement built below
// (UPSERT_PAPERS_SQL); PaperSignal keeps their upvote history for trending.
import type { Db, Prisma } from '@paperboy/db';
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

// The one statement that stores a batch of papers. Built once from constants (never from
// input: the batch travels as a single JSONB parameter), so it is safe to run "unsafe".
//
// - jsonb_to_recordset turns the batch into rows; one multi-row INSERT … ON CONFLICT per batch.
// - Merging, not overwriting: `sources` is a set union; nullable links keep what an earlier
//   source gave when this one has nothing; publishedAt keeps the earliest date we saw ($4 aside).
// - Signals (upvotes, comments, stars) are refreshed only when the batch carries them ($3):
//   arXiv knows no upvotes, and its zeros must not wipe Hugging Face's counts.
// - The WHERE skips rows whose merged values equal the stored ones: no dead tuple, no
//   updatedAt churn, and `updated` counts real changes.
// - `old` reads the pre-statement values (every CTE shares one snapshot), so a changed
//   signal is detected in the same round trip and appended to PaperSignal.
// - (xmax = 0) is true exactly for rows this statement inserted.

const COLUMNS = [
  ['sourceId', 'text'],
  ['title', 'text'],
  ['abstract', 'text'],
  ['authors', 'text[]'],
  ['keywords', 'text[]'],
  ['publishedAt', 'timestamp(3)'],
  ['upvotes', 'int'],
  ['numComments', 'int'],
  ['githubRepo', 'text'],
  ['githubStars', 'int'],
  ['projectPage', 'text'],
  ['thumbnail', 'text'],
  ['arxivUrl', 'text'],
  ['pdfUrl', 'text'],
  ['hfUrl', 'text'],
  ['organization', 'text'],
  ['sources', 'text[]'],
  ['withdrawnAt', 'timestamp(3)'],
] as const;

type PaperColumn = (typeof COLUMNS)[number][0];

const q = (name: string) => `"${name}"`;
const keepOld = (c: string) => `COALESCE(EXCLUDED.${q(c)}, p.${q(c)})`;
const nonEmpty = (c: string) => `CASE WHEN cardinality(EXCLUDED.${q(c)}) > 0 THEN EXCLUDED.${q(c)} ELSE p.${q(c)} END`;
const signal = (expr: string, c: string) => `CASE WHEN $3::boolean THEN ${expr} ELSE p.${q(c)} END`;

/** What an existing row becomes: column → expression over p (stored) and EXCLUDED (incoming). */
const MERGED: Record<Exclude<PaperColumn, 'sourceId'>, string> = {
  title: 'EXCLUDED."title"',
  abstract: 'EXCLUDED."abstract"',
  authors: nonEmpty('authors'),
  keywords: nonEmpty('keywords'),
  // The demo feed's dates are re-dated by its loader ($4); no other import may age them.
  publishedAt: `CASE WHEN $4::boolean THEN EXCLUDED."publishedAt" WHEN 'demo' = ANY(p."sources") THEN p."publishedAt" ELSE LEAST(p."publishedAt", EXCLUDED."publishedAt") END`,
  upvotes: signal('EXCLUDED."upvotes"', 'upvotes'),
  numComments: signal('EXCLUDED."numComments"', 'numComments'),
  githubStars: signal(keepOld('githubStars'), 'githubStars'),
  githubRepo: keepOld('githubRepo'),
  projectPage: keepOld('projectPage'),
  thumbnail: keepOld('thumbnail'),
  arxivUrl: keepOld('arxivUrl'),
  pdfUrl: keepOld('pdfUrl'),
  hfUrl: keepOld('hfUrl'),
  organization: keepOld('organization'),
  sources: 'ARRAY(SELECT DISTINCT s FROM unnest(p."sources" || EXCLUDED."sources") AS s ORDER BY s)',
  withdrawnAt: keepOld('withdrawnAt'),
};

const merged = Object.entries(MERGED);
const columnList = COLUMNS.map(([c]) => q(c)).join(', ');
const recordType = COLUMNS.map(([c, t]) => `${q(c)} ${t}`).join(', ');
const SIGNALS = '"upvotes", "numComments", "githubStars"';

/**
 * $1: JSON array of rows (keys = column names, dates as ISO text, unique sourceIds, sorted so
 * concurrent batches lock rows in the same order); $2: the clock as 'YYYY-MM-DD HH:MM:SS.mmm' (UTC);
 * $3: whether the batch carries signals; $4: take the batch's publishedAt as is (the demo feed,
 * re-dated on each load) instead of keeping the earliest. Returns one row per inserted or changed paper.
 */
const UPSERT_PAPERS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
), old AS (
  SELECT p.id, ${SIGNALS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}
  FROM "Paper" p JOIN input i ON i."sourceId" = p."sourceId"
), upserted AS (
  INSERT INTO "Paper" AS p (${columnList}, "createdAt", "updatedAt")
  SELECT ${columnList}, $2::timestamp(3), $2::timestamp(3) FROM input ORDER BY "sourceId"
  ON CONFLICT ("sourceId") DO UPDATE SET
    ${merged.map(([c, e]) => `${q(c)} = ${e}`).join(',\n    ')},
    "updatedAt" = $2::timestamp(3)
  WHERE (${merged.map(([c]) => `p.${q(c)}`).join(', ')}) IS DISTINCT FROM (${merged.map(([, e]) => e).join(', ')})
  RETURNING p.id, p."sourceId", (p.xmax = 0) AS inserted, ${SIGNALS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}
), signals AS (
  INSERT INTO "PaperSignal" ("paperId", ${SIGNALS}, "observedAt")
  SELECT u.id, ${SIGNALS.split(', ')
    .map((c) => `u.${c}`)
    .join(', ')}, $2::timestamp(3)
  FROM upserted u LEFT JOIN old o ON o.id = u.id
  WHERE $3::boolean AND (u.inserted OR (o."upvotes", o."numComments", o."githubStars") IS DISTINCT FROM (u."upvotes", u."numComments", u."githubStars"))
  RETURNING "paperId"
)
SELECT u.id, u."sourceId", u.inserted, EXISTS (SELECT 1 FROM signals s WHERE s."paperId" = u.id) AS "signalAdded"
FROM upserted u ORDER BY u.id`;

/** One row per inserted or changed paper of a chunk (see UPSERT_PAPERS_SQL for the parameters). */
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
