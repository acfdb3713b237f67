// Runs the public matching API over one labelled split as a single batch, as the worker does
// with a day's papers, and scores every topic against the labels.
import { buildTopicIndex, matchPapers, normalizeTopic } from '../../index';
import type { MatchablePaper, TopicMatch } from '../../types';
import type { ArxivPaper } from './arxiv-data';
import { batchCoverage, type BatchCoverage } from './batch-coverage';
import { readerCoverage, type CoverageResult } from './reader-coverage';
import type { LabelSet } from './labels';

export interface PaperRef {
  id: string;
  title: string;
}

export interface TopicResult {
  topic: string;
  /** The stored key the topic normalises to, or the reader-facing error when it is refused. */
  key: string | null;
  error?: string;
  positives: number;
  matched: number;
  truePositives: number;
  precision: number;
  recall: number;
  falsePositives: PaperRef[];
  missed: PaperRef[];
  /** Papers labelled as a trap for this topic that matched it anyway. */
  trapsMatched: PaperRef[];
  /** Papers labelled as a trap for this topic. */
  traps: number;
}

export interface SplitResult {
  split: string;
  papers: number;
  /** Labelled ids the data set lacks (should be none). */
  missingIds: string[];
  topics: TopicResult[];
  macroPrecision: number;
  macroRecall: number;
  microPrecision: number;
  microRecall: number;
  trapsMatched: number;
  coverage: CoverageResult;
  /** The same coverage over chronological batches of a few dozen papers, each matched alone. */
  dailyCoverage: BatchCoverage;
}

/** The labelled papers with text, numbered 1..n for the matcher (which wants numeric ids). */
function toMatchable(
  labels: LabelSet,
  texts: ReadonlyMap<string, ArxivPaper>,
): { papers: MatchablePaper[]; arxivIds: string[] } {
  const papers: MatchablePaper[] = [];
  const arxivIds: string[] = [];
  for (const ref of labels.papers) {
    const text = texts.get(ref.id);
    if (text === undefined) continue;
    arxivIds.push(ref.id);
    papers.push({
      id: arxivIds.length,
      title: text.title,
      abstract: text.abstract,
      upvotes: 0,
      publishedAt: new Date(`${text.listedOn}T00:00:00Z`),
    });
  }
  return { papers, arxivIds };
}

function safeKey(topic: string): { key: string | null; error?: string } {
  try {
    return { key: normalizeTopic(topic).key };
  } catch (err) {
    return { key: null, error: (err as Error).message };
  }
}

export interface EvaluateOptions {
  /** false: match without the related-concepts vocabulary (buildTopicIndex's `concepts`). */
  concepts?: boolean;
}

/** A topic's precision and recall. Nothing matched for a topic with relevant papers counts as
 * precision 0: the reader got nothing. */
export function precisionRecall(truePositives: number, matched: number, positives: number) {
  return {
    precision: matched === 0 ? (positives === 0 ? 1 : 0) : truePositives / matched,
    recall: positives === 0 ? 1 : truePositives / positives,
  };
}

export function evaluateSplit(
  labels: LabelSet,
  texts: ReadonlyMap<string, ArxivPaper>,
  options: EvaluateOptions = {},
): SplitResult {
  const { papers, arxivIds } = toMatchable(labels, texts);
  const missingIds = labels.papers.filter((p) => !texts.has(p.id)).map((p) => p.id);
  const keys = new Map(labels.topics.map((t) => [t, safeKey(t)]));
  const valid = labels.topics.filter((t) => keys.get(t)?.key !== null);
  const matches = matchPapers(buildTopicIndex(valid, { concepts: options.concepts ?? true }), papers);
  const refOf = (numericId: number): PaperRef => {
    const id = arxivIds[numericId - 1] as string;
    return { id, title: texts.get(id)?.title ?? '' };
  };
  const byArxiv = new Map(labels.papers.map((p) => [p.id, p]));
  const labelOf = (numericId: number) => byArxiv.get(arxivIds[numericId - 1] as string);

  const topics = labels.topics.map((topic): TopicResult => {
    const { key, error } = keys.get(topic) as { key: string | null; error?: string };
    const got = new Set((key === null ? [] : (matches.get(key) ?? [])).map((m: TopicMatch) => m.paperId));
    const want = new Set(papers.filter((p) => labelOf(p.id)?.about.includes(topic)).map((p) => p.id));
    const trapIds = papers.filter((p) => labelOf(p.id)?.trap?.includes(topic)).map((p) => p.id);
    const tp = [...got].filter((id) => want.has(id)).length;
    return {
      topic,
      key,
      ...(error === undefined ? {} : { error }),
      positives: want.size,
      matched: got.size,
      truePositives: tp,
      ...precisionRecall(tp, got.size, want.size),
      falsePositives: [...got].filter((id) => !want.has(id)).map(refOf),
      missed: [...want].filter((id) => !got.has(id)).map(refOf),
      trapsMatched: trapIds.filter((id) => got.has(id)).map(refOf),
      traps: trapIds.length,
    };
  });
  const sum = (f: (t: TopicResult) => number) => topics.reduce((s, t) => s + f(t), 0);
  return {
    split: labels.split,
    papers: papers.length,
    missingIds,
    topics,
    macroPrecision: sum((t) => t.precision) / topics.length,
    macroRecall: sum((t) => t.recall) / topics.length,
    microPrecision:
      sum((t) => t.truePositives) /
      Math.max(
        1,
        sum((t) => t.matched),
      ),
    microRecall:
      sum((t) => t.truePositives) /
      Math.max(
        1,
        sum((t) => t.positives),
      ),
    trapsMatched: sum((t) => t.trapsMatched.length),
    coverage: readerCoverage(labels, matches, keys, labelOf, papers),
    dailyCoverage: batchCoverage(labels, papers, keys, labelOf, undefined, options.concepts ?? true),
  };
}
