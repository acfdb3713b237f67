// @paperboy/matching — the pure matching engine: topic normalisation, a topic index that tags
// each batch of papers once per distinct topic, BM25-style scores with explanations, and digest
// ranking per reader. No I/O: callers load topics/papers and store matches.
export type {
  MatchablePaper,
  RankablePaper,
  ParsedTopic,
  TopicPhrase,
  MatchField,
  MatchKind,
  MatchReason,
  TopicMatch,
  ReaderTopic,
  RankedPaper,
} from './types';
export { normalizeTopic, topicKey, DEFAULT_TOPIC_LIMITS, type TopicLimits } from './topic/normalize-topic';
export { parseTopicKey } from './topic/topic-key';
export { TopicError, type TopicErrorCode } from './topic/topic-error';
export { ALIASES, type AliasEntry } from './vocab/aliases.data';
export {
  RELATED_CONCEPTS,
  RELATED_VOCABULARY_VERSION,
  type RelatedConcept,
  type RelatedWithWord,
  termWeight,
} from './vocab/related.data';
export {
  learnAssociations,
  DEFAULT_LEARN_OPTIONS,
  type AssociationTable,
  type LearnOptions,
} from './vocab/associations';
export { DEFAULT_ASSOCIATIONS } from './vocab/default-associations';
export { buildTopicIndex, type TopicIndex, type TopicInput, type BuildIndexOptions } from './match/topic-index';
export {
  matchPapers,
  analyzeBatch,
  matchAnalyzed,
  type AnalyzedBatch,
  type MatchOptions,
} from './match/match-papers';
export { PaperInputError } from './match/analyze-paper';
export { DEFAULT_BM25, type Bm25Options } from './match/bm25';
export { reasonText, relabelReason } from './match/reason';
export { rankForReader, createDigestRanker, type RankForReaderOptions } from './rank/rank-for-reader';
export { DigestRanker, DEFAULT_CAP, type RankingOptions } from './rank/digest-ranker';
export { DEFAULT_WEIGHTS, paperBoost, type RankingWeights } from './rank/signals';
export {
  composeDigest,
  bySignals,
  titleWords,
  jaccard,
  nearDuplicateGroups,
  DEFAULT_DUPLICATE_THRESHOLD,
  type ComposeInput,
  type ComposeTopic,
  type ComposeCandidate,
  type ComposedPaper,
  type ComposedDigest,
  type DigestSection,
} from './compose';
export {
  buildVocabulary,
  VocabularyBuilder,
  didYouMean,
  closestWord,
  relatedTopicCandidates,
  topicStanding,
  DEFAULT_STANDING_OPTIONS,
  DEFAULT_VOCABULARY_OPTIONS,
  type SpellingFix,
  type TermVocabulary,
  type TopicStanding,
  type StandingOptions,
  type VocabularyOptions,
} from './guidance';
export {
  FEATURE_SPACE,
  hashFeature,
  termCounts,
  weigh,
  dot,
  Idf,
  type SparseVector,
  type TermCounts,
  type FeatureText,
} from './learn/paper-features';
export {
  trainReaderModel,
  marginOf,
  packModel,
  unpackModel,
  sigmoid,
  MODEL_FORMAT_VERSION,
  DEFAULT_MAX_WEIGHTS,
  type LinearModel,
  type TrainingExample,
  type TrainOptions,
} from './learn/reader-model';
export {
  composePersonalDigest,
  ModelScorer,
  PoolIndex,
  LIKED_SECTION_KEY,
  DEFAULT_MAX_EXTRAS,
  type Personalization,
  type LikedPaper,
  type PoolPaper,
} from './learn/personalize';
export { trainingSet, BACKGROUND_PAPERS, BACKGROUND_WEIGHT, type VoteExample } from './learn/training-set';
