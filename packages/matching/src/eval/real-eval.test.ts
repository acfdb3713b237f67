// Quality gate on REAL papers: the matcher over the labelled tuning splits (arXiv papers read by
// id from the real-paper corpus, docs/architecture.md "Evaluation data") must keep macro precision
// and recall above each split's gate. Only the tuning splits are gated; the held-out splits are
// reported by scripts/eval-report.ts and never tuned on.
// When the shared data set is absent (a clone elsewhere) the gate is skipped, saying why.
import { findArxivData, loadArxivPapers, missingDataMessage } from './real/arxiv-data';
import { evaluateSplit, type SplitResult } from './real/evaluate-split';
import { checkLabels, isHeldOut, loadLabels, SPLITS } from './real/labels';
import { rewrittenLists } from './real/topic-rewrites';
import { evaluateTyped, loadTypedLists } from './real/typed-topics';

/** Just below each tuning split's figures when its gate was last set (session 6: tuning 0.87 /
 * 0.88, tuning2 0.83 / 0.81, tuning3 0.84 / 0.76; the round started tuning at 0.72 / 0.64;
 * tuning4, first run 0.83 / 0.44, at 0.90 / 0.60 after session 7's word families and telling
 * words, 0.86 / 0.91 after session 10 gave its topics related concepts; tuning5, the first 30
 * topics on 460 new papers, first run 0.78 / 0.74, gated at 0.79 / 0.75 after session 10's traps
 * and synonyms; session 16's field terms took tuning to 0.86 / 0.88, tuning2 0.84 / 0.84, tuning3
 * 0.87 / 0.79, tuning4 0.87 / 0.92, tuning5 0.80 / 0.78; session 17's one-sign rule traded
 * recall for precision: 0.88 / 0.86, 0.86 / 0.83, 0.90 / 0.78, 0.90 / 0.92, 0.84 / 0.77). Raise
 * them as the matcher improves; trading one for the other moves both, on purpose. */
const GATES = {
  tuning: { macroPrecision: 0.87, macroRecall: 0.85 },
  tuning2: { macroPrecision: 0.85, macroRecall: 0.82 },
  tuning3: { macroPrecision: 0.89, macroRecall: 0.77 },
  tuning4: { macroPrecision: 0.89, macroRecall: 0.91 },
  tuning5: { macroPrecision: 0.83, macroRecall: 0.76 },
} as const;
/** The same splits matched without the related-concepts vocabulary (evaluateSplit's `concepts:
 * false`): how topics nobody wrote a concept for fare, which only the generic rules serve (session
 * 7: tuning2 0.86 / 0.51, tuning3 0.90 / 0.56, from 0.86 / 0.48 and 0.89 / 0.53). */
const GATES_WITHOUT_CONCEPTS = {
  tuning2: { macroPrecision: 0.84, macroRecall: 0.49 },
  tuning3: { macroPrecision: 0.87, macroRecall: 0.54 },
} as const;
/** The tuning splits with the main topics typed another way (eval/typed-topics.json): a reader
 * who types "sparse mixture of experts" or "LoRA adapters" should not lose what one typing the
 * labels' spelling gets (session 11: tuning1 0.80 / 0.17 -> 0.81 / 0.81, tuning2 0.64 / 0.46 ->
 * 0.79 / 0.81, against 0.81 / 0.83 as labelled; session 12: seen 0.64 / 0.47 -> 0.78 / 0.77,
 * tuning3 0.74 / 0.61 -> 0.78 / 0.74). The held-out lists are never gated. */
const TYPED_GATES = {
  tuning1: { precision: 0.78, recall: 0.78 },
  tuning2: { precision: 0.76, recall: 0.78 },
  seen: { precision: 0.75, recall: 0.74 },
  tuning3: { precision: 0.75, recall: 0.71 },
} as const;
/** Relevant papers every topic has in each split, so that a per-topic figure means something. */
const MIN_POSITIVES = 4;

describe('real-paper labels', () => {
  const sets = SPLITS.map((s) => loadLabels(s));

  it('when the splits are loaded, then their labels are consistent and no paper is in two splits', () => {
    for (const set of sets) expect(checkLabels(set)).toEqual([]);
    const ids = sets.map((s) => new Set(s.papers.map((p) => p.id)));
    const shared = ids.flatMap((a, i) => ids.slice(i + 1).flatMap((b) => [...a].filter((id) => b.has(id))));
    expect(shared).toEqual([]);
  });

  it.each(SPLITS)('when the %s split is loaded, then every topic has enough relevant papers', (split) => {
    const set = sets[SPLITS.indexOf(split)]!;
    const short = set.topics.filter((t) => set.papers.filter((p) => p.about.includes(t)).length < MIN_POSITIVES);
    expect(short).toEqual([]);
  });
});

const dataFile = findArxivData();
if (dataFile === null) console.warn(missingDataMessage());
const describeWithData = dataFile === null ? describe.skip : describe;

describeWithData.each(Object.keys(GATES) as (keyof typeof GATES)[])('real-paper evaluation (%s split)', (split) => {
  // Loaded in beforeAll: a skipped describe still runs its body, and then there is no file to read.
  let result: SplitResult;
  beforeAll(() => {
    const labels = loadLabels(split);
    result = evaluateSplit(
      labels,
      loadArxivPapers(
        dataFile as string,
        labels.papers.map((p) => p.id),
      ),
    );
  });

  it('when the matcher runs over the split, then macro precision and recall stay above its gate', () => {
    expect(result.missingIds).toEqual([]);
    // The whole table on failure says which topics dropped.
    const table = result.topics.map((t) => `${t.topic}: P ${t.precision.toFixed(2)} R ${t.recall.toFixed(2)}`);
    expect({
      macroPrecision: result.macroPrecision >= GATES[split].macroPrecision,
      macroRecall: result.macroRecall >= GATES[split].macroRecall,
      table,
    }).toEqual({
      macroPrecision: true,
      macroRecall: true,
      table,
    });
  });

  it('when readers follow topics with relevant matching papers, then each of them gets a non-empty digest', () => {
    const c = result.coverage;
    expect(c.readersWithRelevantMatch).toBeGreaterThan(0);
    expect(c.readersServed).toBe(c.readersWithRelevantMatch);
  });
});

describeWithData.each(Object.keys(GATES_WITHOUT_CONCEPTS) as (keyof typeof GATES_WITHOUT_CONCEPTS)[])(
  'real-paper evaluation without the concepts vocabulary (%s split)',
  (split) => {
    it('when the matcher runs without concepts, then macro precision and recall stay above its gate', () => {
      const labels = loadLabels(split);
      const texts = loadArxivPapers(
        dataFile as string,
        labels.papers.map((p) => p.id),
      );
      const result = evaluateSplit(labels, texts, { concepts: false });
      const gate = GATES_WITHOUT_CONCEPTS[split];
      const table = result.topics.map((t) => `${t.topic}: P ${t.precision.toFixed(2)} R ${t.recall.toFixed(2)}`);
      expect({
        macroPrecision: result.macroPrecision >= gate.macroPrecision,
        macroRecall: result.macroRecall >= gate.macroRecall,
        table,
      }).toEqual({ macroPrecision: true, macroRecall: true, table });
    });
  },
);

describeWithData.each(Object.keys(TYPED_GATES) as (keyof typeof TYPED_GATES)[])(
  'real-paper evaluation with the topics typed another way (%s list)',
  (list) => {
    it('when readers type the main topics their own way, then macro precision and recall stay above its gate', () => {
      const sets = SPLITS.filter((s) => !isHeldOut(s)).map((s) => loadLabels(s));
      const texts = loadArxivPapers(
        dataFile as string,
        sets.flatMap((s) => s.papers.map((p) => p.id)),
      );
      const spelling = loadTypedLists().lists[list] as Record<string, string>;
      const result = evaluateTyped(list, spelling, sets, texts);
      const table = result.rows.map(
        (r) => `${r.typed}: P ${r.asTyped.precision.toFixed(2)} R ${r.asTyped.recall.toFixed(2)}`,
      );
      expect({
        precision: result.macro.asTyped.precision >= TYPED_GATES[list].precision,
        recall: result.macro.asTyped.recall >= TYPED_GATES[list].recall,
        table,
      }).toEqual({ precision: true, recall: true, table });
    });
  },
);

/** How far a mechanical rewrite of every topic may fall below the topics as labelled (macro
 * precision and recall, tuning splits). Session 12 started at "papers on X" 0.69 / 0.19 and
 * "latest X papers" 0.00 / 0.00 against 0.85 / 0.82; all are now within 0.04. */
const REWRITE_SLACK = 0.06;

describeWithData('real-paper evaluation with every topic rewritten', () => {
  it('when every topic is rewritten one mechanical way ("papers on X", "X models"), then precision and recall stay near the labelled ones', () => {
    const sets = SPLITS.filter((s) => !isHeldOut(s)).map((s) => loadLabels(s));
    const texts = loadArxivPapers(
      dataFile as string,
      sets.flatMap((s) => s.papers.map((p) => p.id)),
    );
    const plain = sets.map((set) => evaluateSplit(set, texts));
    const lists = rewrittenLists([...new Set(sets.flatMap((s) => s.topics))]);
    const short = Object.entries(lists).flatMap(([name, spelling]) => {
      const { asLabelled, asTyped } = evaluateTyped(name, spelling, sets, texts, plain).macro;
      const fell =
        asLabelled.precision - asTyped.precision > REWRITE_SLACK || asLabelled.recall - asTyped.recall > REWRITE_SLACK;
      return fell ? [`${name}: ${asTyped.precision.toFixed(2)} / ${asTyped.recall.toFixed(2)}`] : [];
    });
    expect(short).toEqual([]);
  });
});
