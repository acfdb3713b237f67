// Prints precision and recall per topic on the labelled evaluation set.
// Run from packages/matching: npx tsx scripts/eval-report.ts
import { LABELLED, evaluate } from '../src/eval/evaluate';

const rows = evaluate();
console.log(`${LABELLED.length} labelled papers, ${rows.length} topics`);
console.log('| topic | precision | recall | false positives | missed |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.topic} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} | ${r.falsePositives.length} | ${r.missed.length} |`);
}
