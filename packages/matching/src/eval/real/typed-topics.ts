// How readers type a topic: the tuning splits scored again with each topic renamed to a spelling
// of the same meaning (packages/matching/eval/typed-topics.json), against the same labels. The
// gap to the topic as the labels spell it is what a reader loses by typing it their own way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArxivPaper } from './arxiv-data';
import { evaluateSplit, precisionRecall, type SplitResult } from './evaluate-split';
import { LABELS_DIR, type LabelSet } from './labels';

export interface TypedLists {
  note: string;
  /** List name → labelled topic → the spelling a reader types. */
  lists: Record<string, Record<string, string>>;
}

export interface TypedRow {
  topic: string;
  typed: string;
  asLabelled: { precision: number; recall: number };
  asTyped: { precision: number; recall: number };
}

export interface TypedResult {
  list: string;
  rows: TypedRow[];
  macro: { asLabelled: { precision: number; recall: number }; asTyped: { precision: number; recall: number } };
}

export function loadTypedLists(dir: string = LABELS_DIR): TypedLists {
  return JSON.parse(readFileSync(join(dir, 'typed-topics.json'), 'utf8')) as TypedLists;
}

function renamed(set: LabelSet, spelling: Readonly<Record<string, string>>): LabelSet {
  const as = (t: string) => spelling[t] ?? t;
  return {
    ...set,
    topics: set.topics.map(as),
    readers: set.readers.map((r) => ({ ...r, topics: r.topics.map(as) })),
    papers: set.papers.map((p) => ({ ...p, about: p.about.map(as), ...(p.trap ? { trap: p.trap.map(as) } : {}) })),
  };
}

interface Counts {
  tp: number;
  matched: number;
  positives: number;
}

const score = (c: Counts) => precisionRecall(c.tp, c.matched, c.positives);

const mean = (rows: readonly { precision: number; recall: number }[]) => ({
  precision: rows.reduce((s, r) => s + r.precision, 0) / Math.max(rows.length, 1),
  recall: rows.reduce((s, r) => s + r.recall, 0) / Math.max(rows.length, 1),
});

/** Each listed topic's figures pooled over the given splits, as labelled and as typed; `plain`,
 * the splits as labelled (in the order of `sets`), is shared when several lists are scored. */
export function evaluateTyped(
  list: string,
  spelling: Readonly<Record<string, string>>,
  sets: readonly LabelSet[],
  texts: ReadonlyMap<string, ArxivPaper>,
  plain: readonly SplitResult[] = sets.map((set) => evaluateSplit(set, texts)),
): TypedResult {
  const pooled = new Map<string, { asLabelled: Counts; asTyped: Counts }>();
  const add = (c: Counts, r: { truePositives: number; matched: number; positives: number }) => {
    c.tp += r.truePositives;
    c.matched += r.matched;
    c.positives += r.positives;
  };
  sets.forEach((set, i) => {
    const typed = evaluateSplit(renamed(set, spelling), texts);
    for (const r of (plain[i] as SplitResult).topics) {
      const as = spelling[r.topic];
      const t = as === undefined ? undefined : typed.topics.find((x) => x.topic === as);
      if (t === undefined) continue;
      const row = pooled.get(r.topic) ?? {
        asLabelled: { tp: 0, matched: 0, positives: 0 },
        asTyped: { tp: 0, matched: 0, positives: 0 },
      };
      add(row.asLabelled, r);
      add(row.asTyped, t);
      pooled.set(r.topic, row);
    }
  });
  const rows = [...pooled].map(([topic, c]) => ({
    topic,
    typed: spelling[topic] as string,
    asLabelled: score(c.asLabelled),
    asTyped: score(c.asTyped),
  }));
  return {
    list,
    rows,
    macro: { asLabelled: mean(rows.map((r) => r.asLabelled)), asTyped: mean(rows.map((r) => r.asTyped)) },
  };
}

/** Precision and recall as the reports print them: "0.82 / 0.83". */
const pr = (x: { precision: number; recall: number }): string => `${x.precision.toFixed(2)} / ${x.recall.toFixed(2)}`;

export function formatTyped(result: TypedResult): string {
  return [
    `## typed spellings: ${result.list} (the tuning splits' papers; precision / recall)`,
    '',
    '| topic as labelled | as typed | labelled | typed |',
    '| --- | --- | --- | --- |',
    ...result.rows.map((r) => `| ${r.topic} | ${r.typed} | ${pr(r.asLabelled)} | ${pr(r.asTyped)} |`),
    `| **macro** | | **${pr(result.macro.asLabelled)}** | **${pr(result.macro.asTyped)}** |`,
  ].join('\n');
}

/** One line per list: how many topics it rewrote, macro P / R as labelled and as rewritten. */
export function formatRewrites(results: readonly TypedResult[]): string {
  return [
    "## topics rewritten (the tuning splits' papers; macro precision / recall)",
    '',
    '| rewrite | topics | as labelled | rewritten |',
    '| --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.list} | ${r.rows.length} | ${pr(r.macro.asLabelled)} | ${pr(r.macro.asTyped)} |`),
  ].join('\n');
}
