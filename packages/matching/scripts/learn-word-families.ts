// Writes src/vocab/word-families.data.json: the canonical tokens of the real arXiv corpus
// (docs/architecture.md, "Evaluation data"; evaluation papers left out) grouped by their
// derivational root (src/text/word-family.ts), each group a family of words papers write for one
// another ("explainable" / "explainability", "estimator" / "estimation"). A derived statistic:
// the words and how many papers use them, never the texts. Only words in MIN_PAPERS papers or
// more, only families of two words or more.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/learn-word-families.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { wordRoot } from '../src/text/word-family';
import { corpusOrExit, REPO_ROOT, tokenPaperCounts } from './corpus';

/** A word fewer papers use is a typo or a name, not a way to write a topic. */
const MIN_PAPERS = 5;

const root = REPO_ROOT;
const corpus = corpusOrExit();
const df = tokenPaperCounts(corpus);
const families = new Map<string, string[]>();
for (const [token, count] of df) {
  if (count < MIN_PAPERS || !/^[a-z]+$/.test(token)) continue;
  const r = wordRoot(token);
  families.set(r, [...(families.get(r) ?? []), token]);
}
const kept = [...families.values()]
  .filter((words) => words.length >= 2)
  .map((words) => words.sort())
  .sort((a, b) => (a.join(' ') < b.join(' ') ? -1 : 1));
const out = path.join(root, 'packages/matching/src/vocab/word-families.data.json');
writeFileSync(out, `${JSON.stringify({ papers: corpus.length, minPapers: MIN_PAPERS, families: kept })}\n`);
console.log(`${corpus.length} papers, ${kept.length} families of ${kept.flat().length} words -> ${out}`);
