// Quality check: precision and recall per topic on a labelled set of synthetic papers; the
// test fails when either drops below 0.9 for any topic. Report: npx tsx scripts/eval-report.ts
import { EVAL_TOPICS, LABELLED, evaluate } from './evaluate';

const THRESHOLD = 0.9;
const results = evaluate();

describe('evaluation set', () => {
  it('when labelled, then every paper is labelled only with evaluation topics', () => {
    for (const l of LABELLED) for (const t of l.about) expect(EVAL_TOPICS).toContain(t);
  });

  it('when labelled, then every topic has at least three papers that should match it', () => {
    for (const topic of EVAL_TOPICS)
      expect(LABELLED.filter((l) => l.about.includes(topic)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(EVAL_TOPICS)('when matching "%s", then precision and recall are at least 0.9', (topic) => {
    const q = results.find((r) => r.topic === topic)!;
    // Comparing whole objects makes a failure show the papers that went wrong.
    expect({ ...q, precisionOk: q.precision >= THRESHOLD, recallOk: q.recall >= THRESHOLD }).toEqual(
      expect.objectContaining({ precisionOk: true, recallOk: true }),
    );
  });
});
