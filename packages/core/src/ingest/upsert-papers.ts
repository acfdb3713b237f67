// Stores a batch of normalised papers with one statement: one row per stable id, never a
// duplicate, existing rows merged and their signals refreshed (the statement: UPSERT_PAPERS_SQL in ingest.store.ts).
import type { Db } from '@paperboy/db';
import type { NormalizedPaper } from '@paperboy/papers';
import { type UpsertedRow, upsertChunk } from './ingest.store';

/** Unchanged papers are neither inserted nor updated (their row was not written). */
export interface UpsertResult {
  insertedIds: number[];
  updatedIds: number[];
  unchanged: number;
  /** PaperSignal snapshots appended (new papers, and papers whose signals moved). */
  signalsAdded: number;
  /** Inserted or changed papers by sourceId (unchanged ones are absent). */
  written: Map<string, { id: number; inserted: boolean }>;
}

export interface UpsertOptions {
  /** False for sources that carry no upvotes/comments/stars (arXiv): stored values are kept. */
  refreshSignals?: boolean;
  /** Take incoming publishedAt as is (demo feed re-dated to today) instead of keeping the earliest. */
  replaceDates?: boolean;
  now?: Date;
}

type Executor = Pick<Db, '$queryRawUnsafe'>;

/** Postgres `timestamp` text in UTC (the columns are timestamp without time zone, in UTC). */
export const pgTimestamp = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

function toRow(paper: NormalizedPaper, sources: string[]) {
  const { source: _source, publishedAt, withdrawnAt, ...rest } = paper;
  return {
    ...rest,
    publishedAt: pgTimestamp(publishedAt),
    withdrawnAt: withdrawnAt ? pgTimestamp(withdrawnAt) : null,
    sources,
  };
}

/**
 * One row per sourceId: Postgres refuses to touch a row twice in one INSERT … ON CONFLICT, so a
 * batch naming a paper twice keeps the last record and the union of their sources. Sorted so
 * concurrent batches lock shared rows in the same order (no deadlock).
 */
export function dedupeBySourceId(papers: readonly NormalizedPaper[]): ReturnType<typeof toRow>[] {
  const byId = new Map<string, { paper: NormalizedPaper; sources: Set<string> }>();
  for (const paper of papers) {
    const seen = byId.get(paper.sourceId);
    const sources = seen?.sources ?? new Set<string>();
    sources.add(paper.source);
    byId.set(paper.sourceId, { paper, sources });
  }
  return [...byId.values()]
    .map(({ paper, sources }) => toRow(paper, [...sources].sort()))
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0));
}

/**
 * Rows per statement. Small on purpose: each statement's JSON parameter stays under V8's
 * large-object threshold (~128 KB) so it dies young, and Prisma's driver keeps the last
 * queries' arguments for its debug history: big parameters there held ~100 MB and made a
 * 100k-paper import peak above 600 MB. Call inside a transaction to make a batch atomic.
 */
export const ROWS_PER_STATEMENT = 100;

export async function upsertPapers(
  db: Executor,
  papers: readonly NormalizedPaper[],
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  const rows = dedupeBySourceId(papers);
  const now = pgTimestamp(options.now ?? new Date());
  const returned: UpsertedRow[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT));
    returned.push(
      ...(await upsertChunk(db, chunk, now, {
        refreshSignals: options.refreshSignals ?? true,
        replaceDates: options.replaceDates ?? false,
      })),
    );
  }
  return {
    insertedIds: returned.filter((r) => r.inserted).map((r) => r.id),
    updatedIds: returned.filter((r) => !r.inserted).map((r) => r.id),
    unchanged: rows.length - returned.length,
    signalsAdded: returned.filter((r) => r.signalAdded).length,
    written: new Map(returned.map((r) => [r.sourceId, { id: r.id, inserted: r.inserted }])),
  };
}
