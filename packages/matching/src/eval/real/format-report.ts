// The evaluation as Markdown: a summary line per split, the per-topic table, then the papers
// behind every error (false positives, missed, traps matched) so a reader of the report can
// judge them, and the reader-coverage figures.
import type { SplitResult, PaperRef, TopicResult } from './evaluate-split';

const f2 = (x: number) => x.toFixed(2);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${n}/${d} (${Math.round((100 * n) / d)}%)`);
const refs = (list: PaperRef[]) => list.map((p) => `${p.id} "${p.title}"`);

export function summaryLine(r: SplitResult): string {
  const c = r.coverage;
  return (
    `${r.split}: ${r.papers} papers, ${r.topics.length} topics — macro P ${f2(r.macroPrecision)} R ${f2(r.macroRecall)}` +
    ` (micro P ${f2(r.microPrecision)} R ${f2(r.microRecall)}), traps matched ${r.trapsMatched},` +
    ` topic coverage ${pct(c.topicsCovered, c.topicsWithRelevantMatch)}, readers served ${pct(c.readersServed, c.readersWithRelevantMatch)};` +
    ` day by day: topic coverage ${pct(r.dailyCoverage.topicsCovered, r.dailyCoverage.topicsWithRelevantMatch)}, readers served ${pct(r.dailyCoverage.readersServed, r.dailyCoverage.readersWithRelevantMatch)}` +
    ` (stricter: ${pct(r.dailyCoverage.topicsWithRelevantPaperCovered, r.dailyCoverage.topicsWithRelevantPaper)} topics, ${pct(r.dailyCoverage.readersWithRelevantPaperServed, r.dailyCoverage.readersWithRelevantPaper)} readers)`
  );
}

function topicRow(t: TopicResult): string {
  const traps = `${t.trapsMatched.length}/${t.traps}`;
  return `| ${t.topic} | ${t.positives} | ${t.matched} | ${f2(t.precision)} | ${f2(t.recall)} | ${t.falsePositives.length} | ${t.missed.length} | ${traps} |`;
}

function errorLines(t: TopicResult): string[] {
  const out: string[] = [];
  if (t.error) out.push(`- ${t.topic}: refused by normalizeTopic: ${t.error}`);
  for (const [what, list] of [
    ['false positive', t.falsePositives],
    ['missed', t.missed],
    ['TRAP matched', t.trapsMatched],
  ] as const) {
    for (const line of refs(list)) out.push(`- ${t.topic} — ${what}: ${line}`);
  }
  return out;
}

export function formatSplit(r: SplitResult, opts: { details: boolean }): string {
  const c = r.coverage;
  const d = r.dailyCoverage;
  const lines = [
    `## ${r.split} split`,
    '',
    summaryLine(r),
    '',
    '| topic | positives | matched | precision | recall | false pos. | missed | traps matched |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.topics.map(topicRow),
    `| **macro** | ${r.topics.reduce((s, t) => s + t.positives, 0)} | ${r.topics.reduce((s, t) => s + t.matched, 0)} | **${f2(r.macroPrecision)}** | **${f2(r.macroRecall)}** | | | ${r.trapsMatched} |`,
    '',
    `Reader coverage (${r.coverage.readers.length} reader profiles, digest cap 10, built with ${c.composer}):`,
    `- followed topics with a relevant matching paper that got >= 1 card: ${pct(c.topicsCovered, c.topicsWithRelevantMatch)};` +
      ` with a relevant card: ${pct(c.topicsCoveredRelevant, c.topicsWithRelevantMatch)}`,
    `- readers with a relevant matching paper who get a non-empty digest: ${pct(c.readersServed, c.readersWithRelevantMatch)}`,
    `- stricter, counting every relevant paper (matched or not): followed topics with one that got a relevant card ${pct(c.topicsWithRelevantPaperCovered, c.topicsWithRelevantPaper)};` +
      ` readers with one who get a digest ${pct(c.readersWithRelevantPaperServed, c.readersWithRelevantPaper)}`,
    `- day by day (${d.batches} chronological batches of ${d.batchSize} papers, each matched alone): topics covered ${pct(d.topicsCovered, d.topicsWithRelevantMatch)},` +
      ` by a relevant card ${pct(d.topicsCoveredRelevant, d.topicsWithRelevantMatch)}; readers served ${pct(d.readersServed, d.readersWithRelevantMatch)};` +
      ` stricter: topics ${pct(d.topicsWithRelevantPaperCovered, d.topicsWithRelevantPaper)}, readers ${pct(d.readersWithRelevantPaperServed, d.readersWithRelevantPaper)}`,
  ];
  const uncovered = c.readers.flatMap((rd) =>
    rd.topics.filter((t) => t.hadRelevantMatch && !t.gotCard).map((t) => `${rd.name}: ${t.topic}`),
  );
  if (uncovered.length > 0) lines.push(`- topics with a relevant match but no card: ${uncovered.join('; ')}`);
  if (r.missingIds.length > 0) lines.push('', `Labelled ids absent from the data set: ${r.missingIds.join(', ')}`);
  if (opts.details) {
    const errors = r.topics.flatMap(errorLines);
    lines.push('', `### ${r.split}: papers behind the errors`, '', ...(errors.length > 0 ? errors : ['(none)']));
  }
  return lines.join('\n');
}
