// Papers posted by operators or other systems (POST /api/papers): one paper, a list, or
// {papers: [...]}, in either accepted shape (plain paper or HF daily-papers item). Every
// record is judged on its own: the good ones are stored, the bad ones come back with reasons.
import { normalizeRecord, type NormalizedPaper } from '@paperboy/papers';
import { AppError } from '../errors';
import { API_SOURCE, apiRunCursor, completeApiRun, resendStaleApiRuns } from './api-outbox';
import { ingestClock, type IngestDeps } from './ingest-deps';
import { createApiRun } from './ingest.store';
import { upsertPapers } from './upsert-papers';

export { API_SOURCE };

export interface AcceptedRecord {
  index: number;
  sourceId: string;
  status: 'inserted' | 'updated' | 'unchanged';
  id?: number;
}
export interface RejectedApiRecord {
  index: number;
  reason: string;
  recordId?: string;
}
export interface AcceptResult {
  runId: number;
  accepted: AcceptedRecord[];
  rejected: RejectedApiRecord[];
  counts: { received: number; inserted: number; updated: number; unchanged: number; rejected: number };
}

export interface AcceptOptions {
  maxBatch: number;
  hfBaseUrl?: string;
}

/** The records of a body: a list, `{papers: [...]}`, or one paper object. */
export function recordsOf(body: unknown, maxBatch: number): unknown[] {
  const records = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { papers?: unknown }).papers)
      ? (body as { papers: unknown[] }).papers
      : body && typeof body === 'object'
        ? [body]
        : null;
  if (!records)
    throw new AppError('invalid_input', 'expected a paper object, a JSON list of papers, or {"papers": [...]}');
  if (records.length === 0) throw new AppError('invalid_input', 'no papers in the request');
  if (records.length > maxBatch)
    throw new AppError(
      'payload_too_large',
      `at most ${maxBatch} papers per request (got ${records.length}); split the batch`,
    );
  return records;
}

export async function acceptPapers(deps: IngestDeps, body: unknown, options: AcceptOptions): Promise<AcceptResult> {
  const records = recordsOf(body, options.maxBatch);
  await resendStaleApiRuns(deps);
  const papers: { index: number; paper: NormalizedPaper }[] = [];
  const rejected: RejectedApiRecord[] = [];
  records.forEach((record, index) => {
    const result = normalizeRecord(record, API_SOURCE, options.hfBaseUrl);
    if (result.ok) papers.push({ index, paper: result.paper });
    else rejected.push({ index, reason: result.reason, ...(result.recordId ? { recordId: result.recordId } : {}) });
  });
  const now = ingestClock(deps);
  // The papers and their IngestRun row (what the API received, and the new ids until they
  // reach the match queue) commit together.
  const { run, result } = await deps.db.$transaction(async (tx) => {
    const result = await upsertPapers(
      tx,
      papers.map((p) => p.paper),
      { now },
    );
    const run = await createApiRun(
      tx,
      {
        source: API_SOURCE,
        now,
        fetched: records.length,
        inserted: result.insertedIds.length,
        updated: result.updatedIds.length,
        rejected: rejected.length,
      },
      apiRunCursor(result.insertedIds),
    );
    return { run, result };
  });
  await completeApiRun(deps, run.id, result.insertedIds);
  for (const r of rejected)
    deps.logger.warn({ index: r.index, reason: r.reason, recordId: r.recordId }, 'api: paper rejected');
  const accepted = papers.map(({ index, paper }): AcceptedRecord => {
    const written = result.written.get(paper.sourceId);
    if (!written) return { index, sourceId: paper.sourceId, status: 'unchanged' };
    return { index, sourceId: paper.sourceId, status: written.inserted ? 'inserted' : 'updated', id: written.id };
  });
  return {
    runId: run.id,
    accepted,
    rejected,
    counts: {
      received: records.length,
      inserted: result.insertedIds.length,
      updated: result.updatedIds.length,
      unchanged: result.unchanged,
      rejected: rejected.length,
    },
  };
}
