// Writes src/vocab/frequent-tokens.data.json: the canonical tokens that stand in at least
// FREQUENT_SHARE of the real arXiv papers in ../shared/data (evaluation papers left out), a
// derived statistic, never the texts. Such a word is research vocabulary ("evaluation",
// "reasoning", "benchmark"), not a field a reader names: "LLM evaluation" must not make every
// paper that says "evaluation" related to it.
// Run from the repository root: npx tsx --conditions=source packages/matching/scripts/count-frequent-tokens.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../src/text/tokenize.util';

/** 8%: "evaluation" (21%), "reasoning" (15%), "alignment" (9%) and "agent" (10%) are in;
 * "video" (6%), "robot" (6%), "safety" (5%) and "medical" (4%), fields readers name, are out. */
const FREQUENT_SHARE = 0.08;

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
const df = new Map<string, number>();
let papers = 0;
for (const line of gunzipSync(readFileSync(data)).toString('utf8').split('\n')) {
  if (line === '') continue;
  const p = JSON.parse(line);
  if (evalIds.has(p.id)) continue;
  papers += 1;
  for (const t of new Set(tokenize(`${p.title}. ${p.abstract}`, 'paper').tokens)) df.set(t, (df.get(t) ?? 0) + 1);
}
const frequent = [...df]
  .filter(([, count]) => count / papers >= FREQUENT_SHARE)
  .map(([token]) => token)
  .sort();
const out = path.join(root, 'packages/matching/src/vocab/frequent-tokens.data.json');
// Two-space JSON, as the formatter writes it.
writeFileSync(out, `${JSON.stringify({ papers, share: FREQUENT_SHARE, tokens: frequent }, null, 2)}\n`);
console.log(`${papers} papers, ${frequent.length} tokens in >= ${FREQUENT_SHARE * 100}% of them -> ${out}`);
