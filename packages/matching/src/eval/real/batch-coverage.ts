// Reader coverage day by day: a whole split in one batch gives every reader plenty to choose
// from, while a real day has few papers per topic, which is where a topic gets crowded out or a
// reader gets nothing. So the split is also cut into chronological batches of a few dozen papers,
// each matched on its own (as the worker matches a day), and coverage is counted over
// (reader, batch) pairs.
import { buildTopicIndex, matchPapers } from '../../index';
import type { MatchablePaper } from '../../types';
import type { LabelledPaperRef, LabelSet } from './labels';
import { readerCoverage, type CoverageCounts } from './reader-coverage';

export const DEFAULT_BATCH_SIZE = 25;

/** Summed over (topic or reader, batch) pairs: each batch of papers is matched alone, like a day. */
export interface BatchCoverage extends CoverageCounts {
  batches: number;
  batchSize: number;
}

const COUNTS = [
  'topicsWithRelevantMatch',
  'topicsCovered',
  'topicsCoveredRelevant',
  'readersWithRelevantMatch',
  'readersServed',
  'topicsWithRelevantPaper',
  'topicsWithRelevantPaperCovered',
  'readersWithRelevantPaper',
  'readersWithRelevantPaperServed',
] as const;

export function batchCoverage(
  labels: LabelSet,
  papers: readonly MatchablePaper[],
  keys: ReadonlyMap<string, { key: string | null }>,
  labelOf: (paperId: number) => LabelledPaperRef | undefined,
  batchSize: number = DEFAULT_BATCH_SIZE,
  concepts = true,
): BatchCoverage {
  const ordered = [...papers].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id - b.id);
  const topics = labels.topics.filter((t) => keys.get(t)?.key);
  const index = buildTopicIndex(topics, { concepts });
  const total = { batches: 0, batchSize, ...Object.fromEntries(COUNTS.map((k) => [k, 0])) } as BatchCoverage;
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize);
    const c = readerCoverage(labels, matchPapers(index, batch), keys, labelOf, batch);
    total.batches += 1;
    for (const k of COUNTS) total[k] += c[k];
  }
  return total;
}
