// Learns the association table shipped with the package (src/vocab/associations.default.json)
// from the real arXiv papers in ../shared/data, leaving out every paper of the evaluation
// splits so that the held-out figures stay honest. Only derived statistics are written.
// Run from the repository root: npx tsx packages/matching/scripts/learn-associations.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { learnAssociations } from '../src/vocab/associations';
import type { MatchablePaper } from '../src/types';

const root = path.resolve(__dirname, '../../..');
const data = path.join(root, '../shared/data/arxiv-2025h2.ndjson.gz');
if (!existsSync(data)) {
  console.log(`skipped: ${data} is absent (the real-paper corpus lives beside the repository, not in it)`);
  process.exit(0);
}
const evalDir = path.join(root, 'packages/matching/eval');
const evalIds = new Set<string>();
for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.labels.json'))) {
  for (const p of JSON.parse(readFileSync(path.join(evalDir, file), 'utf8')).papers) evalIds.add(p.id);
}
const papers: MatchablePaper[] = [];
for (const line of gunzipSync(readFileSync(data)).toString('utf8').split('\n')) {
  if (line === '') continue;
  const p = JSON.parse(line);
  if (evalIds.has(p.id)) continue;
  papers.push({ id: papers.length + 1, title: p.title, abstract: p.abstract, upvotes: 0, publishedAt: new Date(0) });
}
const started = Date.now();
const table = learnAssociations(papers, undefined, { maxPhrases: 4000 });
const sorted = Object.fromEntries(
  Object.keys(table)
    .sort()
    .map((k) => [k, table[k]]),
);
const out = path.join(root, 'packages/matching/src/vocab/associations.default.json');
writeFileSync(out, `${JSON.stringify(sorted, null, 0)}\n`);
console.log(
  `${papers.length} papers (${evalIds.size} evaluation papers left out), ${Object.keys(sorted).length} phrases, ${Date.now() - started} ms -> ${out}`,
);
