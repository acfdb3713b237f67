// matchPapers: a batch of new papers against every distinct topic at once. Each paper is
// tokenised and tagged once; scores need the batch (a topic's rarity), so they come after.
import type { MatchablePaper, TopicMatch } from '../types';
import { analyzePaper, PaperInputError, type AnalyzedPaper } from './analyze-paper';
import { DEFAULT_BM25, idf, type BatchStats, type Bm25Options } from './bm25';
import { buildReason } from './reason';
import { batchStats } from './score-match';
import { findPhrases, tagPaper } from './tag-paper';
import { relevanceOf } from './evidence-weights';
import type { TopicEvidence } from './topic-evidence';
import type { IndexedTopic, TopicIndex } from './topic-index';

export interface MatchOptions {
  bm25?: Partial<Bm25Options>;
}

interface Tagged {
  doc: AnalyzedPaper;
  topics: Map<number, TopicEvidence>;
}

export function analyzeAll(papers: readonly MatchablePaper[]): AnalyzedPaper[] {
  if (!Array.isArray(papers)) throw new PaperInputError('papers must be an array');
  const ids = new Set<number>();
  return papers.map((paper, i) => {
    const doc = analyzePaper(paper, `papers[${i}]`);
    if (ids.has(paper.id)) throw new PaperInputError(`papers[${i}].id ${paper.id} appears twice`);
    ids.add(paper.id);
    return doc;
  });
}

/**
 * Papers tokenised once, for a caller that matches the same papers against several topic
 * indexes in turn (the live preview matches each newly typed topic, and its suggestions, against
 * the same recent papers): tokenising is most of a match run's cost.
 */
export interface AnalyzedBatch {
  docs: readonly AnalyzedPaper[];
  stats: BatchStats;
}

export function analyzeBatch(papers: readonly MatchablePaper[]): AnalyzedBatch {
  const docs = analyzeAll(papers);
  return { docs, stats: batchStats(docs) };
}

/**
 * Matches every paper against every topic of the index. Returns topic key → its matches,
 * strongest first; topics without a match are absent. The same as matchPapers on the papers
 * of an analyzed batch.
 */
export function matchAnalyzed(
  index: TopicIndex,
  batch: AnalyzedBatch,
  opts: MatchOptions = {},
): Map<string, TopicMatch[]> {
  const bm25 = { ...DEFAULT_BM25, ...opts.bm25 };
  const { docs, stats } = batch;
  const tagged: Tagged[] = docs.map((doc) => ({
    doc,
    topics: tagPaper(index, doc, findPhrases(index, doc), stats, bm25),
  }));
  const df = new Map<number, number>();
  for (const t of tagged) for (const topicIdx of t.topics.keys()) df.set(topicIdx, (df.get(topicIdx) ?? 0) + 1);

  const result = new Map<string, TopicMatch[]>();
  for (const t of tagged) {
    for (const [topicIdx, evidence] of t.topics) {
      const topic = index.topics[topicIdx] as IndexedTopic;
      const score = idf(df.get(topicIdx) ?? 1, stats.docCount) * relevanceOf(evidence.weight);
      const match: TopicMatch = {
        topicKey: topic.key,
        paperId: t.doc.paper.id,
        score,
        reason: buildReason(topic.label, t.doc, evidence.occurrences, evidence.kind),
        paper: t.doc.paper,
      };
      const list = result.get(topic.key) ?? [];
      list.push(match);
      result.set(topic.key, list);
    }
  }
  for (const list of result.values()) list.sort((a, b) => b.score - a.score || a.paperId - b.paperId);
  return result;
}

/**
 * Matches every paper against every topic of the index. Returns topic key → its matches,
 * strongest first; topics without a match are absent.
 */
export function matchPapers(
  index: TopicIndex,
  papers: readonly MatchablePaper[],
  opts: MatchOptions = {},
): Map<string, TopicMatch[]> {
  return matchAnalyzed(index, analyzeBatch(papers), opts);
}
