// Guidance while a reader types a topic: spelling, breadth, related topics (issue 13).
export { boundedEditDistance, allowedEdits } from './edit-distance';
export {
  buildVocabulary,
  VocabularyBuilder,
  foldWord,
  DEFAULT_VOCABULARY_OPTIONS,
  FIELD_TERMS,
  type TermVocabulary,
  type VocabularyOptions,
  type VocabularyPhrase,
} from './vocabulary';
export {
  didYouMean,
  closestWord,
  DEFAULT_SPELLING_OPTIONS,
  type SpellingFix,
  type SpellingOptions,
} from './did-you-mean';
export {
  relatedTopicCandidates,
  topicStanding,
  DEFAULT_STANDING_OPTIONS,
  type CandidateContext,
  type StandingOptions,
  type TopicStanding,
} from './related-topics';
