// Suggestions on the subscribe form: the topics most readers follow, plus a curated starter
// list. A topic is shown only when at least MIN_READERS active readers follow it, so an
// unusual topic never reveals that one particular person reads about it.
import type { Db } from '@paperboy/db';
import { normalizeTopic } from '@paperboy/matching';
import { popularTopicRows } from './store';

export const STARTER_TOPICS = [
  'large language models',
  'reinforcement learning',
  'diffusion models',
  'computer vision',
  'AI agents',
  'retrieval-augmented generation',
  'robotics',
  'speech recognition',
  'interpretability',
  'protein structure',
];

const MIN_READERS = 3;

export interface TopicSuggestion {
  label: string;
  key: string;
  readers?: number;
}

export async function popularTopics(db: Db, limit = 8): Promise<TopicSuggestion[]> {
  return popularTopicRows(db, MIN_READERS, limit);
}

/** Popular first, then starters not already listed (same key = same topic), at most `limit`. */
export function mergeSuggestions(popular: TopicSuggestion[], limit = 12): TopicSuggestion[] {
  const byKey = new Map(popular.map((s) => [s.key, s]));
  for (const label of STARTER_TOPICS) {
    const key = normalizeTopic(label).key;
    if (!byKey.has(key)) byKey.set(key, { key, label });
  }
  return [...byKey.values()].slice(0, limit);
}

/** Cached per process: the form is hit far more often than the ranking changes. */
export function createTopicSuggestions(db: Db, ttlMs = 5 * 60_000): () => Promise<TopicSuggestion[]> {
  let cached: { at: number; value: Promise<TopicSuggestion[]> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const value = popularTopics(db).then(mergeSuggestions, () => mergeSuggestions([]));
      cached = { at: Date.now(), value };
    }
    return cached.value;
  };
}
