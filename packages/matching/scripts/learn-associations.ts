// Learns the association table shipped with the package (src/vocab/default-associations.data.json)
// from the real arXiv corpus (docs/architecture.md, "Evaluation data"), leaving out every paper of the evaluation
// splits so that the held-out figures stay honest. Only derived statistics are written.
// Run from the repository root: npx tsx packages/matching/scripts/learn-associations.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { learnAssociations } from '../src/vocab/associations';
import type { MatchablePaper } from '../src/types';
import { corpusOrExit, REPO_ROOT } from './corpus';

const root = REPO_ROOT;
const corpus = corpusOrExit();
const papers: MatchablePaper[] = corpus.map((p, i) => ({
  id: i + 1,
  title: p.title,
  abstract: p.abstract,
  upvotes: 0,
  publishedAt: new Date(0),
}));
const started = Date.now();
const table = learnAssociations(papers, undefined, { maxPhrases: 4000 });
const sorted = Object.fromEntries(
  Object.keys(table)
    .sort()
    .map((k) => [k, table[k]]),
);
const out = path.join(root, 'packages/matching/src/vocab/default-associations.data.json');
writeFileSync(out, `${JSON.stringify(sorted, null, 0)}\n`);
console.log(
  `${papers.length} papers (evaluation papers left out), ${Object.keys(sorted).length} phrases, ${Date.now() - started} ms -> ${out}`,
);
