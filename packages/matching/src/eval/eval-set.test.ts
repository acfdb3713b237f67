// Quality check: precision and recall per topic on a labelled set of synthetic papers; the
// test fails when either drops below 0.9 for any topic.
import { buildTopicIndex } from '../match/topic-index';
import { matchPapers } from '../match/match-papers';
import { makePaper } from '../testing/paper.factory';
import { normalizeTopic } from '../topic/normalize-topic';
import { EVAL_PAPERS_A, type LabelledPaper } from './eval-papers-a.data';
import { EVAL_PAPERS_B } from './eval-papers-b.data';

const EVAL_TOPICS = [
  'reward models', 'diffusion models', 'recommender systems', 'RAG', 'mixture of experts', 'RLHF',
  'LLM agents', 'vision transformers', 'graph neural networks', 'knowledge distillation',
  'chain-of-thought', 'speech recognition',
];
const THRESHOLD = 0.9;

const labelled: LabelledPaper[] = [...EVAL_PAPERS_A, ...EVAL_PAPERS_B];
const papers = labelled.map((l) => makePaper({ title: l.title, abstract: l.abstract }));
const matches = matchPapers(buildTopicIndex(EVAL_TOPICS), papers);

function quality(topic: string) {
  const got = new Set((matches.get(normalizeTopic(topic).key) ?? []).map((m) => m.paperId));
  const want = new Set(papers.filter((_, i) => labelled[i]!.about.includes(topic)).map((p) => p.id));
  const truePositives = [...got].filter((id) => want.has(id)).length;
  const title = (id: number) => papers.find((p) => p.id === id)!.title;
  return {
    precision: got.size === 0 ? 0 : truePositives / got.size,
    recall: want.size === 0 ? 1 : truePositives / want.size,
    falsePositives: [...got].filter((id) => !want.has(id)).map(title),
    missed: [...want].filter((id) => !got.has(id)).map(title),
  };
}

describe('evaluation set', () => {
  it('when labelled, then every paper is labelled only with evaluation topics', () => {
    for (const l of labelled) for (const t of l.about) expect(EVAL_TOPICS).toContain(t);
  });

  it.each(EVAL_TOPICS)('when matching "%s", then precision and recall are at least 0.9', (topic) => {
    const q = quality(topic);
    // The lists make a failure say which papers went wrong.
    expect({ topic, ...q, precisionOk: q.precision >= THRESHOLD, recallOk: q.recall >= THRESHOLD }).toEqual(
      expect.objectContaining({ precisionOk: true, recallOk: true }),
    );
  });
});
