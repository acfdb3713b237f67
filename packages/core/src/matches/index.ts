// Matching against the database: the match job (new papers × distinct followed topics), the
// backfill for newly followed topics, the refresh of a window's matches and of the stored topics'
// keys after an upgrade, the daily rebuild of the learned term associations, each reader's ranked
// digest candidates, the subscribe page preview. The pure engine is @paperboy/matching.
export type { MatchingDeps } from './matching-deps';
export {
  matchNewPapers,
  MAX_PAPERS_PER_JOB,
  type MatchRunResult,
  type MatchRunOptions,
} from './match-new-papers.usecase';
export {
  refreshRecentMatches,
  type RefreshMatchesResult,
  type RefreshMatchesOptions,
} from './refresh-matches.usecase';
export { rekeyStoredTopics, type RekeyTopicsResult } from './rekey-topics.usecase';
export {
  matchTopicAgainstRecentPapers,
  matchTopicsAgainstRecentPapers,
  type TopicBackfillResult,
} from './match-topic.usecase';
export { TopicIndexCache, processTopicIndex } from './topic-index-cache';
export {
  StoredAssociations,
  processAssociations,
  SHIPPED_ASSOCIATIONS,
  type AssociationSnapshot,
} from './stored-associations';
export {
  rebuildAssociations,
  associationPhrases,
  ASSOCIATION_MIN_PAPERS,
  ASSOCIATION_MAX_PAPERS,
  type RebuildAssociationsResult,
  type RebuildAssociationsOptions,
} from './rebuild-associations.usecase';
export { rankedPapersForReaders, MAX_READERS_PER_CALL } from './ranked-papers.usecase';
export type { ReaderPaper, ReaderDigest, RankedPapersOptions } from './ranked-papers.types';
export { composedDigestsForReaders, type ComposedReaderDigest } from './composed-digests.usecase';
export { MatchWindow, loadMatchLists } from './match-window';
export { prepareBatch, PreparedBatch } from './batch-ranking';
export {
  followedTopicKeys,
  hasStoredAssociations,
  loadRankablePapers,
  readerBatches,
  loadReaderTopics,
  type ReaderTopics,
  type ReaderBatchOptions,
} from './store';
