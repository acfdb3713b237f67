export * from './votes.usecase';
export * from './topic-controls.usecase';
export { loadPersonalizations, POOL_SIZE, type LearningOptions, type LearningStats } from './reader-models';
export { loadLearningView, forgetVotes, type LearningView } from './learning-view';
export {
  relatedTopics,
  addTopic,
  suggestTopicsForDeliveries,
  describeSuggestedTopic,
  setSuggestedTopic,
  SUGGEST_MIN_PAPERS,
  type RelatedTopic,
  type DigestSuggestion,
  type FollowState,
} from './related-topics';
