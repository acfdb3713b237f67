// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
// swaps of two neighbouring letters, each costing 1), bounded: the spelling check only cares
// whether two words are within 1 or 2 edits, so it stops as soon as every path is past the bound.
// It runs over thousands of vocabulary words per keystroke, hence the reused rows.

const MAX_WORD = 64;
let rows: Int32Array[] = [new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1)];

/** The distance between a and b, or `max + 1` as soon as it is certain to exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (a.length > MAX_WORD || b.length > MAX_WORD) return max + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let d = (previous[j - 1] as number) + (ai === bj ? 0 : 1);
      const del = (previous[j] as number) + 1;
      const ins = (current[j - 1] as number) + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = (before[j - 2] as number) + 1;
        if (swap < d) d = swap;
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  rows = [before, previous, current];
  const distance = previous[b.length] as number;
  return distance > max ? max + 1 : distance;
}

/** Edits a word of this length may be away from a suggestion: none below 4 letters (too many
 * short words are one letter apart), 1 up to 7, 2 from 8 ("reinforcment" → "reinforcement"). */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}
