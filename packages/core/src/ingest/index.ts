// Paper storage and ingestion use cases (on top of @paperboy/papers' source adapters).
export * from './ingest-deps';
export { upsertPapers, dedupeBySourceId, type UpsertOptions, type UpsertResult } from './upsert-papers';
export { upvoteGrowth, pruneSignals, type GrowthOptions } from './ingest.store';
export { runIngest, type IngestCounts, type IngestRunOptions, type IngestSummary } from './run-ingest.usecase';
export { importPaperFile, type ImportFileOptions } from './import-file.usecase';
export { importDemoPapers, shiftDemoDates, DEMO_SOURCE } from './demo-papers.usecase';
export {
  acceptPapers,
  recordsOf,
  API_SOURCE,
  type AcceptResult,
  type AcceptedRecord,
  type RejectedApiRecord,
} from './accept-papers.usecase';
export { resendStaleApiRuns } from './api-outbox';
export {
  scheduledSource,
  isIngestSourceName,
  INGEST_SOURCES,
  type IngestSourceName,
  type IngestSourceConfig,
  type SourceTuning,
} from './ingest-sources';
export { handOffToMatching, MATCH_CHUNK_SIZE } from './match-handoff';
export type { RunCursor, RunStatus } from './ingest.store';
