// Precision, recall, traps and reader coverage of the matcher on the labelled REAL arXiv papers
// (packages/matching/eval/*.labels.json; texts read by id from the real-paper corpus, docs/architecture.md "Evaluation data").
//   npx tsx packages/matching/scripts/eval-report.ts [--split=heldout|heldout2|heldout3|tuning|tuning2|all] [--json] [--brief] [--data=DIR] [--without-concepts]
// --split=all (or both, its older name) reports every split. --brief leaves out the papers behind each
// error. The held-out splits (heldout, heldout2, heldout3) are reported only, never tuned on: their paper-level
// errors are not printed unless --heldout-errors is given (to audit the labels after a round, not to
// tune the rules).
import { DEFAULT_DATA_DIR, findArxivData, loadArxivPapers, missingDataMessage } from '../src/eval/real/arxiv-data';
import { evaluateSplit, type SplitResult } from '../src/eval/real/evaluate-split';
import { formatSplit } from '../src/eval/real/format-report';
import { isHeldOut, loadLabels, SPLITS, type Split } from '../src/eval/real/labels';

function arg(name: string): string | undefined {
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : (hit.split('=')[1] ?? '');
}

function main(): void {
  const which = arg('split') ?? 'all';
  const splits: Split[] = which === 'all' || which === 'both' ? [...SPLITS] : SPLITS.filter((s) => s === which);
  if (splits.length === 0) {
    console.error(`--split must be ${SPLITS.join(', ')} or all (got "${which}")`);
    process.exit(2);
  }
  const dir = arg('data') || DEFAULT_DATA_DIR;
  const file = findArxivData(dir);
  if (file === null) {
    console.log(missingDataMessage(dir));
    return;
  }
  const sets = splits.map((s) => loadLabels(s));
  const texts = loadArxivPapers(
    file,
    sets.flatMap((s) => s.papers.map((p) => p.id)),
  );
  // --without-concepts: as if nobody had written a related concept for any topic (no terms, no
  // traps) - the figure for topics the vocabulary does not know, on splits whose topics it does.
  const concepts = arg('without-concepts') === undefined;
  const results: SplitResult[] = sets.map((set) => evaluateSplit(set, texts, { concepts }));
  if (!concepts) console.log('(without the related-concepts vocabulary)');
  if (arg('json') !== undefined) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const details = (r: SplitResult) =>
    arg('brief') === undefined && (!isHeldOut(r.split) || arg('heldout-errors') !== undefined);
  console.log(results.map((r) => formatSplit(r, { details: details(r) })).join('\n\n'));
}

main();
