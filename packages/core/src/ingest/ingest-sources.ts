// The scheduled sources by name: what each pulls and how its run is stored. The names are
// IngestRun.source values and scheduler ids (operators see them): never rename one.
import type { Config } from '@paperboy/config';
import { ArxivSource, HfDailyPapersSource, type HttpOptions, type PaperSource } from '@paperboy/papers';
import { AppError } from '../errors';
import type { IngestRunOptions } from './run-ingest.usecase';

export const INGEST_SOURCES = ['hf-daily', 'hf-trending', 'arxiv'] as const;
export type IngestSourceName = (typeof INGEST_SOURCES)[number];

export type IngestSourceConfig = Pick<
  Config,
  | 'HF_BASE_URL'
  | 'ARXIV_BASE_URL'
  | 'ARXIV_CATEGORIES'
  | 'INGEST_LOOKBACK_DAYS'
  | 'INGEST_HTTP_TIMEOUT_SECONDS'
  | 'INGEST_HTTP_RETRIES'
>;

export function isIngestSourceName(name: string): name is IngestSourceName {
  return (INGEST_SOURCES as readonly string[]).includes(name);
}

/** Test and tuning knobs: instant retries, small pages, a fixed clock. */
export interface SourceTuning {
  http?: HttpOptions;
  pageSize?: number;
  now?: () => Date;
}

/** Everything runIngest needs for a named source. */
export function scheduledSource(
  name: string,
  config: IngestSourceConfig,
  tuning: SourceTuning = {},
): Omit<IngestRunOptions, 'signal' | 'onBatch'> {
  if (!isIngestSourceName(name)) {
    throw new AppError('invalid_input', `unknown ingest source "${name}" (known: ${INGEST_SOURCES.join(', ')})`);
  }
  const http: HttpOptions = {
    timeoutMs: config.INGEST_HTTP_TIMEOUT_SECONDS * 1000,
    retries: config.INGEST_HTTP_RETRIES,
    ...tuning.http,
  };
  const common = { name, http, now: tuning.now };
  const hf = { ...common, baseUrl: config.HF_BASE_URL, pageSize: tuning.pageSize ?? 100 };
  const byName: Record<IngestSourceName, () => { source: PaperSource; dated: boolean; refreshSignals: boolean }> = {
    // The dated list, walked day by day from the last good run: new papers and their upvotes.
    'hf-daily': () => ({
      source: new HfDailyPapersSource({ ...hf, sort: 'publishedAt' }),
      dated: true,
      refreshSignals: true,
    }),
    // HF's current trending list (undated): fresh upvotes for what readers care about now.
    'hf-trending': () => ({
      source: new HfDailyPapersSource({ ...hf, sort: 'trending', maxPagesPerDay: 3 }),
      dated: false,
      refreshSignals: true,
    }),
    // arXiv carries no upvotes: its zeros must not reset Hugging Face's counts.
    arxiv: () => ({
      source: new ArxivSource({
        ...common,
        baseUrl: config.ARXIV_BASE_URL,
        categories: config.ARXIV_CATEGORIES,
        pageSize: tuning.pageSize,
      }),
      dated: true,
      refreshSignals: false,
    }),
  };
  const { source, dated, refreshSignals } = byName[name]();
  return { source, runName: name, refreshSignals, lookbackDays: dated ? config.INGEST_LOOKBACK_DAYS : undefined };
}
