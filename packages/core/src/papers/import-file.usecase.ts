// Operator file import (CLI, demo data): a JSON list or NDJSON file, streamed in batches
// through the same run machinery as the scheduled sources. An import that stopped part way
// resumes when the same, unchanged file is imported again.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PaperFileSource } from '@paperboy/papers';
import { AppError } from '../errors';
import type { IngestDeps } from './ingest-deps';
import { runIngest, type IngestRunOptions, type IngestSummary } from './run-ingest.usecase';

export interface ImportFileOptions extends Pick<IngestRunOptions, 'onBatch' | 'signal' | 'matchChunkSize' | 'maxRejectLogs'> {
  batchSize?: number;
  hfBaseUrl?: string;
}

export async function importPaperFile(deps: IngestDeps, file: string, options: ImportFileOptions = {}): Promise<IngestSummary> {
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('invalid_input', `cannot read ${absolute}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!info.isFile()) throw new AppError('invalid_input', `${absolute} is not a file`);
  const source = new PaperFileSource(absolute, { batchSize: options.batchSize ?? 1000, hfBaseUrl: options.hfBaseUrl });
  return runIngest(deps, {
    ...options,
    source,
    runName: `file:${absolute}`,
    // Resume by record count is only right for the very same bytes.
    key: `${info.size}:${Math.trunc(info.mtimeMs)}`,
    refreshSignals: true,
  });
}
