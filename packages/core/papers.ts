// The paper storage and ingestion use cases alone: import from '@paperboy/core/papers' where the
// whole package (email, matching, digests; ~80 MB of RSS) is not wanted, e.g. the CLI's
// papers:import, which must stay under 300 MB for 100k papers.
export * from './src/papers';
