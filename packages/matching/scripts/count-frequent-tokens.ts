// Writes src/vocab/frequent-tokens.data.json: the canonical tokens that stand in at least
// FREQUENT_SHARE of the real arXiv corpus (docs/architecture.md, "Evaluation data"; evaluation papers left out), a
// derived statistic, never the texts. Such a word is research vocabulary ("evaluation",
// "reasoning", "benchmark"), not a field a reader names: "LLM evaluation" must not make every
// paper that says "evaluation" related to it.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/count-frequent-tokens.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusOrExit, REPO_ROOT, tokenPaperCounts } from './corpus';

/** 8%: "evaluation" (21%), "reasoning" (15%), "alignment" (9%) and "agent" (10%) are in;
 * "video" (6%), "robot" (6%), "safety" (5%) and "medical" (4%), fields readers name, are out. */
const FREQUENT_SHARE = 0.08;

const root = REPO_ROOT;
const corpus = corpusOrExit();
const df = tokenPaperCounts(corpus);
const papers = corpus.length;
const frequent = [...df]
  .filter(([, count]) => count / papers >= FREQUENT_SHARE)
  .map(([token]) => token)
  .sort();
const out = path.join(root, 'packages/matching/src/vocab/frequent-tokens.data.json');
// Two-space JSON, as the formatter writes it.
writeFileSync(out, `${JSON.stringify({ papers, share: FREQUENT_SHARE, tokens: frequent }, null, 2)}\n`);
console.log(`${papers} papers, ${frequent.length} tokens in >= ${FREQUENT_SHARE * 100}% of them -> ${out}`);
