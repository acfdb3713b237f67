// Operator file import (CLI, demo data): a JSON list or NDJSON file, streamed in batches
// through the same run machinery as the scheduled sources. An import that stopped part way
// resumes when the same, unchanged file is imported again.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PaperFileSource } from '@paperboy/papers';
import { AppError } from '../errors';
import { DEMO_FILE, importDemoPapers } from './demo-papers.usecase';
import { fullGc } from './full-gc';
import type { IngestDeps } from './ingest-deps';
import { runIngest, type IngestRunOptions, type IngestSummary } from './run-ingest.usecase';

export interface ImportFileOptions
  extends Pick<IngestRunOptions, 'onBatch' | 'signal' | 'matchChunkSize' | 'maxRejectLogs'> {
  batchSize?: number;
  hfBaseUrl?: string;
  /** A full GC after every this many papers (0: never): flat peak memory on big files (full-gc.ts). */
  gcEveryPapers?: number;
}

export async function importPaperFile(
  deps: IngestDeps,
  file: string,
  options: ImportFileOptions = {},
): Promise<IngestSummary> {
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'invalid_input',
      `cannot read ${absolute}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  if (!info.isFile()) throw new AppError('invalid_input', `${absolute} is not a file`);
  // The demo feed is re-dated on load; imported as written it would age out of the match window.
  if (absolute === DEMO_FILE) return importDemoPapers(deps, absolute);
  // 64 KB reads (not the adapter's 256 KB): chunks stay below V8's large-object size, so
  // they are collected young instead of piling up until a full GC (peak RSS, not speed).
  // Opened lazily: a skipped or already-finished run never opens the file.
  const bytes = {
    [Symbol.asyncIterator]: () => createReadStream(absolute, { highWaterMark: 64 * 1024 })[Symbol.asyncIterator](),
  };
  const source = new PaperFileSource(bytes, {
    batchSize: options.batchSize ?? 500,
    hfBaseUrl: options.hfBaseUrl,
    name: 'file',
  });
  // Forced full GC keeps the peak under 300 MB (bench/ingest-import.bench.ts): why and what it
  // costs in full-gc.ts.
  const gcEvery = options.gcEveryPapers ?? 1_000;
  let lastGcAt = 0;
  return runIngest(deps, {
    ...options,
    onBatch: (progress) => {
      options.onBatch?.(progress);
      if (gcEvery > 0 && progress.fetched - lastGcAt >= gcEvery) {
        lastGcAt = progress.fetched;
        fullGc();
      }
    },
    source,
    runName: `file:${absolute}`,
    // Resume by record count is only right for the very same bytes.
    key: `${info.size}:${Math.trunc(info.mtimeMs)}`,
    refreshSignals: true,
  });
}
