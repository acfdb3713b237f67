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
  'HF_BASE_URL' | 'ARXIV_BASE_URL' | 'ARXIV_CATEGORIES' | 'INGEST_LOOKBACK_DAYS' | 'INGEST_HTTP_TIMEOUT_SECONDS' | 'INGEST_HTTP_RETRIES'
>;

export function isIngestSourceName(name: string): name is IngestSourceName {
  return (INGEST_SOURCES as readonly string[]).includes(name);
}

/** Everything runIngest needs for a named source. `http` lets tests make retries instant. */
export function scheduledSource(name: string, config: IngestSourceConfig, http: HttpOptions = {}): Omit<IngestRunOptions, 'signal' | 'onBatch'> {
  if (!isIngestSourceName(name)) {
    throw new AppError('invalid_input', `unknown ingest source "${name}" (known: ${INGEST_SOURCES.join(', ')})`);
  }
  const httpOptions: HttpOptions = { timeoutMs: config.INGEST_HTTP_TIMEOUT_SECONDS * 1000, retries: config.INGEST_HTTP_RETRIES, ...http };
  const byName: Record<IngestSourceName, () => { source: PaperSource; dated: boolean; refreshSignals: boolean }> = {
    // The dated list, walked day by day from the last good run: new papers and their upvotes.
    'hf-daily': () => ({ source: new HfDailyPapersSource({ baseUrl: config.HF_BASE_URL, name, sort: 'publishedAt', pageSize: 100, http: httpOptions }), dated: true, refreshSignals: true }),
    // HF's current trending list (undated): fresh upvotes for what readers care about now.
    'hf-trending': () => ({ source: new HfDailyPapersSource({ baseUrl: config.HF_BASE_URL, name, sort: 'trending', pageSize: 100, maxPagesPerDay: 3, http: httpOptions }), dated: false, refreshSignals: true }),
    // arXiv carries no upvotes: its zeros must not reset Hugging Face's counts.
    arxiv: () => ({ source: new ArxivSource({ baseUrl: config.ARXIV_BASE_URL, name, categories: config.ARXIV_CATEGORIES, http: httpOptions }), dated: true, refreshSignals: false }),
  };
  const { source, dated, refreshSignals } = byName[name]();
  return { source, runName: name, refreshSignals, lookbackDays: dated ? config.INGEST_LOOKBACK_DAYS : undefined };
}
