// Precision and recall per topic of the matcher on the labelled evaluation set.
import { buildTopicIndex } from '../match/topic-index';
import { matchPapers } from '../match/match-papers';
import { normalizeTopic } from '../topic/normalize-topic';
import type { MatchablePaper } from '../types';
import { EVAL_PAPERS_A, type LabelledPaper } from './eval-papers-a.data';
import { EVAL_PAPERS_B } from './eval-papers-b.data';
import { EVAL_PAPERS_C } from './eval-papers-c.data';

export const EVAL_TOPICS = [
  'reward models',
  'diffusion models',
  'recommender systems',
  'RAG',
  'mixture of experts',
  'RLHF',
  'LLM agents',
  'vision transformers',
  'graph neural networks',
  'knowledge distillation',
  'chain-of-thought',
  'speech recognition',
  'GRPO OR PPO',
  '"diffusion models" -survey',
  'LoRA',
];

export const LABELLED: readonly LabelledPaper[] = [...EVAL_PAPERS_A, ...EVAL_PAPERS_B, ...EVAL_PAPERS_C];

export interface TopicQuality {
  topic: string;
  precision: number;
  recall: number;
  /** Titles, so a failure says which papers went wrong. */
  falsePositives: string[];
  missed: string[];
}

export function evaluate(): TopicQuality[] {
  const papers: MatchablePaper[] = LABELLED.map((l, i) => ({
    id: i + 1,
    title: l.title,
    abstract: l.abstract,
    upvotes: 0,
    publishedAt: new Date(0),
  }));
  const matches = matchPapers(buildTopicIndex(EVAL_TOPICS), papers);
  const title = (id: number): string => LABELLED[id - 1]!.title;
  return EVAL_TOPICS.map((topic) => {
    const got = new Set((matches.get(normalizeTopic(topic).key) ?? []).map((m) => m.paperId));
    const want = new Set(papers.filter((_, i) => LABELLED[i]!.about.includes(topic)).map((p) => p.id));
    const hits = [...got].filter((id) => want.has(id)).length;
    return {
      topic,
      precision: got.size === 0 ? 0 : hits / got.size,
      recall: want.size === 0 ? 1 : hits / want.size,
      falsePositives: [...got].filter((id) => !want.has(id)).map(title),
      missed: [...want].filter((id) => !got.has(id)).map(title),
    };
  });
}
