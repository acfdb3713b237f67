// What the scripts that learn shipped statistics share: the real arXiv corpus without any paper of
// the evaluation splits (docs/architecture.md, "Evaluation data"), or a message and a clean exit
// where it is not beside the repository; and how many of its papers use each canonical token.
import path from 'node:path';
import { findArxivData, loadPapersOutsideEvaluation, missingDataMessage } from '../src/eval/real/arxiv-data';
import { tokenize } from '../src/text/tokenize';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export type CorpusPaper = ReturnType<typeof loadPapersOutsideEvaluation>[number];

export function corpusOrExit(): CorpusPaper[] {
  const data = findArxivData();
  if (data === null) {
    console.log(missingDataMessage());
    process.exit(0);
  }
  return loadPapersOutsideEvaluation(data);
}

/** Canonical token → how many papers use it (title and abstract, once per paper). */
export function tokenPaperCounts(corpus: readonly CorpusPaper[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of corpus)
    for (const t of new Set(tokenize(`${p.title}. ${p.abstract}`, 'paper').tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}
