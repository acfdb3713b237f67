// The root a word shares with its derivations, on canonical tokens (already stemmed by stem.ts):
// "explainability" and "explainable", "efficiency" and "efficient", "estimator" and "estimation",
// "adversarially" and "adversarial" and "adversary", "embodiment" and "embodied", "retrieval" and
// "retrieve". Never a topic key (keys stay made of stems); the index uses it to let a topic's
// phrase also stand written with a sibling of one of its words (`vocab/word-families.ts`).

/** Ending of a canonical token → what the root keeps instead (longest endings first). */
const ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/ability$/, 'abl'],
  [/ibility$/, 'ibl'],
  [/ness$/, ''],
  [/ity$/, ''],
  [/ment$/, ''],
  [/ency$/, 'ent'],
  [/ancy$/, 'ant'],
  [/acy$/, 'at'],
  [/ally$/, 'al'],
  [/ively$/, 'iv'],
  [/ously$/, 'ous'],
  [/arial$/, 'ary'],
  [/ial$/, ''],
  [/al$/, ''],
  [/ic$/, ''],
  [/ous$/, ''],
  [/iv$/, ''],
  [/mentat$/, 'ment'],
  [/izat$/, 'iz'],
  [/isat$/, 'iz'],
  // "recognition" / "recognizing", "classification" / "classifying": the verb's root.
  [/nition$/, 'niz'],
  [/ificat$/, 'if'],
  [/or$/, ''],
  [/er$/, ''],
  [/y$/, ''],
];

/** Shortest root kept: "seg(ment)", "us(er)" are other words. */
const MIN_ROOT = 4;

function strip(token: string): string | undefined {
  for (const [ending, keep] of ENDINGS) {
    const m = ending.exec(token);
    if (m === null) continue;
    const base = token.slice(0, m.index);
    if (base.length < MIN_ROOT - keep.length || base.length + keep.length < MIN_ROOT) return undefined;
    const root = base + keep;
    // As stem.ts ends a word: "aware(ness)" meets "aware" → "awar", "education(al)" "educat".
    if (/(at|ct)ion$/.test(root)) return root.slice(0, -3);
    return root.endsWith('e') && !root.endsWith('ee') ? root.slice(0, -1) : root;
  }
  return undefined;
}

/** The word's derivational root: endings stripped while they can be (at most three). Words with
 * digits or capitals (acronyms) are their own root. */
export function wordRoot(token: string): string {
  if (/[\dA-Z]/.test(token)) return token;
  let root = token;
  for (let step = 0; step < 3; step += 1) {
    const next = strip(root);
    if (next === undefined || next === root) break;
    root = next;
  }
  return root;
}
