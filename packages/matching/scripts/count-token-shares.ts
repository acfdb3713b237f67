// Writes src/vocab/token-shares.data.json: for each canonical token in at least MIN_SHARE of the
// real arXiv corpus (docs/architecture.md, "Evaluation data"; evaluation papers left out), how many
// papers use it - a derived statistic, never the texts. It tells which word of a reader's phrase
// is the telling one: "causal" (2.4% of papers) in causal inference, whose "inference" (12%) a
// paper about it may never write (match/topic-index.ts).
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/count-token-shares.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusOrExit, REPO_ROOT, tokenPaperCounts } from './corpus';

/** Rarer words are all telling alike: the table keeps only those a phrase's common word may be. */
const MIN_SHARE = 0.005;

const root = REPO_ROOT;
const corpus = corpusOrExit();
const df = tokenPaperCounts(corpus);
const papers = corpus.length;
const counts = Object.fromEntries(
  [...df].filter(([, count]) => count / papers >= MIN_SHARE).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
const out = path.join(root, 'packages/matching/src/vocab/token-shares.data.json');
writeFileSync(out, `${JSON.stringify({ papers, minShare: MIN_SHARE, counts })}\n`);
console.log(`${papers} papers, ${Object.keys(counts).length} tokens in >= ${MIN_SHARE * 100}% of them -> ${out}`);
