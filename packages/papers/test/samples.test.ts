import { readFileSync } from 'node:fs';
import { readPaperFile, type NormalizedPaper } from '../src';
import { makeSamplePapers, SAMPLES_PATH, samplesNdjson } from '../scripts/make-samples';
import { DISTRACTORS, TOPICS } from '../scripts/sample-topics.data';

async function readSamples() {
  const papers: NormalizedPaper[] = [];
  const rejected: unknown[] = [];
  for await (const batch of readPaperFile(SAMPLES_PATH, { name: 'sample' })) {
    papers.push(...batch.papers);
    rejected.push(...batch.rejected);
  }
  return { papers, rejected };
}

describe('samples/papers.ndjson', () => {
  it('when the generator runs again, then it reproduces the committed file byte for byte', () => {
    expect(samplesNdjson(makeSamplePapers())).toBe(readFileSync(SAMPLES_PATH, 'utf8'));
  });

  it('when imported, then every record normalises to a distinct paper', async () => {
    const { papers, rejected } = await readSamples();
    expect(rejected).toEqual([]);
    expect(papers.length).toBeGreaterThanOrEqual(150);
    expect(papers.length).toBeLessThanOrEqual(250);
    expect(new Set(papers.map((p) => p.sourceId)).size).toBe(papers.length);
  });

  it('when imported, then every topic and distractor has a handful of papers', async () => {
    const { papers } = await readSamples();
    const counts = [...TOPICS, ...DISTRACTORS].map(
      (t) => [t.topic, papers.filter((p) => p.keywords.some((k) => t.keywords.includes(k))).length] as const,
    );
    expect(counts.filter(([, n]) => n < 5)).toEqual([]);
  });

  it('when a different end date is asked for, then the dates move and ids follow their month', () => {
    const records = makeSamplePapers('2027-01-05');
    expect(records.every((r) => r.publishedAt <= '2027-01-05T23:59:59Z' && r.publishedAt >= '2026-12-22')).toBe(true);
    expect(records.every((r) => r.id.slice(0, 4) === r.publishedAt.slice(2, 4) + r.publishedAt.slice(5, 7))).toBe(true);
  });
});
