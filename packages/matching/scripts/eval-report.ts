// Precision, recall, traps and reader coverage of the matcher on the labelled REAL arXiv papers
// (packages/matching/eval/*.labels.json; texts read by id from the real-paper corpus, docs/architecture.md "Evaluation data").
// Options: USAGE below (what --help prints). The held-out splits (HELD_OUT_SPLITS in
// src/eval/real/labels.ts) are reported only, never tuned on: their paper-level errors are not
// printed unless --heldout-errors is given (to audit the labels after a round, not to tune the rules).
import { DEFAULT_DATA_DIR, findArxivData, loadArxivPapers, missingDataMessage } from '../src/eval/real/arxiv-data';
import { evaluateSplit, type SplitResult } from '../src/eval/real/evaluate-split';
import { formatSplit } from '../src/eval/real/format-report';
import { isHeldOut, loadLabels, SPLITS, type Split } from '../src/eval/real/labels';
import { rewrittenLists } from '../src/eval/real/topic-rewrites';
import { evaluateTyped, formatRewrites, formatTyped, loadTypedLists } from '../src/eval/real/typed-topics';

const USAGE = `Precision, recall, traps and reader coverage of the matcher on the labelled real arXiv papers.
  npm run eval:report -- [--split=${[...SPLITS, 'all'].join('|')}] [--json] [--brief]
                         [--data=DIR] [--without-concepts] [--heldout-errors] [--typed[=LIST]] [--rewrites]
--split      one split, or all (the default; "both" is its older name)
--brief      leave out the papers behind each error
--json       the results as JSON
--data=DIR   where the real-paper corpus is (default: ${DEFAULT_DATA_DIR})
--without-concepts  as if the related-concepts vocabulary were empty
--heldout-errors    also give the held-out splits' paper-level errors, in text or JSON (to audit labels, never to tune)
--typed[=LIST]      the tuning splits scored with each main topic typed another way (eval/typed-topics.json):
                    every list but the held-out ones, or LIST alone (--typed=heldout: report, never tune)
--rewrites          the tuning splits scored with every topic rewritten one mechanical way ("papers on X", "X models")`;
const FLAGS = new Set([
  'split',
  'json',
  'brief',
  'data',
  'without-concepts',
  'heldout-errors',
  'typed',
  'rewrites',
  'help',
]);

function arg(name: string): string | undefined {
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : (hit.split('=')[1] ?? '');
}

function main(): void {
  // Usage only, before anything is evaluated: asking how to call the report must not print a
  // held-out split's figures to someone about to tune on the tuning splits.
  const unknown = process.argv.slice(2).filter((a) => !FLAGS.has(a.replace(/^--/, '').split('=')[0] ?? ''));
  if (arg('help') !== undefined || unknown.length > 0) {
    if (unknown.length > 0) console.error(`unknown option ${unknown.join(' ')}`);
    console.log(USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  if (arg('typed') !== undefined || arg('rewrites') !== undefined) {
    typedReport(arg('typed'), arg('data') || DEFAULT_DATA_DIR);
    return;
  }
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
  const heldOutErrors = arg('heldout-errors') !== undefined;
  if (arg('json') !== undefined) {
    console.log(
      JSON.stringify(
        results.map((r) => (isHeldOut(r.split) && !heldOutErrors ? figuresOnly(r) : r)),
        null,
        2,
      ),
    );
    return;
  }
  const details = (r: SplitResult) => arg('brief') === undefined && (!isHeldOut(r.split) || heldOutErrors);
  console.log(results.map((r) => formatSplit(r, { details: details(r) })).join('\n\n'));
}

/** A held-out split as JSON without the papers behind its errors, only how many (as the text
 * report leaves them out): the JSON used to carry them, titles and all. */
function figuresOnly(r: SplitResult) {
  return {
    ...r,
    topics: r.topics.map(({ falsePositives, missed, trapsMatched, ...figures }) => ({
      ...figures,
      falsePositives: falsePositives.length,
      missed: missed.length,
      trapsMatched: trapsMatched.length,
    })),
  };
}

/** --typed: the typed-spelling lists over the tuning splits' papers; --rewrites: every topic of
 * theirs rewritten one mechanical way, one summary line per rewrite. */
function typedReport(only: string | undefined, dir: string): void {
  const file = findArxivData(dir);
  if (file === null) {
    console.log(missingDataMessage(dir));
    return;
  }
  const sets = SPLITS.filter((s) => !isHeldOut(s)).map((s) => loadLabels(s));
  const lists =
    only === undefined ? rewrittenLists([...new Set(sets.flatMap((s) => s.topics))]) : loadTypedLists().lists;
  const names = only === undefined || only === '' ? Object.keys(lists).filter((n) => !n.startsWith('heldout')) : [only];
  const unknown = names.filter((n) => !(n in lists));
  if (unknown.length > 0) {
    console.error(`--typed must name one of ${Object.keys(lists).join(', ')} (got "${unknown.join(', ')}")`);
    process.exit(2);
  }
  const texts = loadArxivPapers(
    file,
    sets.flatMap((s) => s.papers.map((p) => p.id)),
  );
  const plain = sets.map((set) => evaluateSplit(set, texts)); // the labels' own spelling, once for every list
  const results = names.map((n) => evaluateTyped(n, lists[n] as Record<string, string>, sets, texts, plain));
  if (arg('json') !== undefined) console.log(JSON.stringify(results, null, 2));
  else if (only !== undefined) console.log(results.map(formatTyped).join('\n\n'));
  else console.log(formatRewrites(results));
}

main();
