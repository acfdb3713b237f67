// The shared real-paper data set (arXiv listings, CC0) that the evaluation reads texts from.
// It lives outside the repository, in the workspace's shared data folder beside it (docs/architecture.md,
// "Evaluation data"); a fresh clone
// elsewhere has no such folder, and callers then skip with a clear message.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadLabels, SPLITS } from './labels';

export const ARXIV_FILE = 'arxiv-2025h2.ndjson.gz';

export interface ArxivPaper {
  id: string;
  title: string;
  abstract: string;
  listedOn: string;
}

/** Repository root: packages/matching/src/eval/real → five levels up. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

/** The workspace's shared data folder, a sibling of the repository's folder: the one place that names it. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');

/** The data file's path, or null when it is not there. */
export function findArxivData(dir: string = DEFAULT_DATA_DIR): string | null {
  const path = join(dir, ARXIV_FILE);
  return existsSync(path) ? path : null;
}

export function missingDataMessage(dir: string = DEFAULT_DATA_DIR): string {
  return `real-paper evaluation skipped: ${join(dir, ARXIV_FILE)} is absent (the real-paper corpus beside the repository; see docs/architecture.md, "Evaluation data")`;
}

/** The papers with these ids, read from the gzipped NDJSON file; unknown ids are absent. */
export function loadArxivPapers(path: string, ids: Iterable<string>): Map<string, ArxivPaper> {
  const wanted = new Set(ids);
  const out = new Map<string, ArxivPaper>();
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const row = JSON.parse(line) as ArxivPaper;
    if (wanted.has(row.id))
      out.set(row.id, { id: row.id, title: row.title, abstract: row.abstract, listedOn: row.listedOn });
  }
  return out;
}

/** Every paper of the data set but those of the evaluation splits: what shipped statistics (the
 * association table, the frequent tokens) are learned from, so no held-out figure is helped by
 * having seen its own papers. */
export function loadPapersOutsideEvaluation(path: string): ArxivPaper[] {
  const evaluation = new Set(SPLITS.flatMap((split) => loadLabels(split).papers.map((p) => p.id)));
  const out: ArxivPaper[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (line === '') continue;
    const row = JSON.parse(line) as ArxivPaper;
    if (!evaluation.has(row.id))
      out.push({ id: row.id, title: row.title, abstract: row.abstract, listedOn: row.listedOn });
  }
  return out;
}
