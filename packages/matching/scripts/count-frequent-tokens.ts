// Writes src/vocab/frequent-tokens.data.json: the canonical tokens that stand in at least
// FREQUENT_SHARE of the real arXiv corpus (docs/architecture.md, "Evaluation data"; evaluation papers left out), a
// derived statistic, never the texts. Such a word is research vocabulary ("evaluation",
// "reasoning", "benchmark"), not a field a reader names: "LLM evaluation" must not make every
// paper that says "evaluation" related to it.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/count-frequent-tokens.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findArxivData, loadPapersOutsideEvaluation, missingDataMessage } from '../src/eval/real/arxiv-data';
import { tokenize } from '../src/text/tokenize';

/** 8%: "evaluation" (21%), "reasoning" (15%), "alignment" (9%) and "agent" (10%) are in;
 * "video" (6%), "robot" (6%), "safety" (5%) and "medical" (4%), fields readers name, are out. */
const FREQUENT_SHARE = 0.08;

const root = path.resolve(__dirname, '../../..');
const data = findArxivData();
if (data === null) {
  console.log(missingDataMessage());
  process.exit(0);
}
const corpus = loadPapersOutsideEvaluation(data);
const df = new Map<string, number>();
for (const p of corpus)
  for (const t of new Set(tokenize(`${p.title}. ${p.abstract}`, 'paper').tokens)) df.set(t, (df.get(t) ?? 0) + 1);
const papers = corpus.length;
const frequent = [...df]
  .filter(([, count]) => count / papers >= FREQUENT_SHARE)
  .map(([token]) => token)
  .sort();
const out = path.join(root, 'packages/matching/src/vocab/frequent-tokens.data.json');
// Two-space JSON, as the formatter writes it.
writeFileSync(out, `${JSON.stringify({ papers, share: FREQUENT_SHARE, tokens: frequent }, null, 2)}\n`);
console.log(`${papers} papers, ${frequent.length} tokens in >= ${FREQUENT_SHARE * 100}% of them -> ${out}`);
