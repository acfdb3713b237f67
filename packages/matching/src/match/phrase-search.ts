// Finds a phrase variant in a token stream: its tokens in order, at most `maxGap` extra words in
// total between them, never across a clause break. This keeps "diffusion models" off "diffusion
// tensor imaging" and "recommender systems" off "action recommendations", while a one-word
// insertion ("reward process models" for "reward models") still counts, with less weight.
import type { TokenStream } from '../text/tokenize.util';
import type { FieldIndex } from './analyze-paper';

export interface Occurrence {
  field: FieldIndex;
  /** Character offsets in the field's text, to quote the paper's own words. */
  start: number;
  end: number;
  /** Words skipped inside the phrase; gapped occurrences weigh less. */
  gaps: number;
}

/** Tries the variant at token `i` (whose token must equal variant[0]); -1 when absent. */
export function matchAt(s: TokenStream, variant: readonly string[], maxGap: number, i: number): number {
  let pos = i;
  let gaps = 0;
  const clause = s.clauses[i];
  for (let j = 1; j < variant.length; j += 1) {
    let found = -1;
    const limit = Math.min(pos + 1 + (maxGap - gaps), s.tokens.length - 1);
    for (let k = pos + 1; k <= limit && s.clauses[k] === clause; k += 1) {
      if (s.tokens[k] === variant[j]) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    gaps += found - pos - 1;
    pos = found;
  }
  return pos;
}

export function occurrenceAt(
  s: TokenStream,
  field: FieldIndex,
  i: number,
  last: number,
  length: number,
): Occurrence {
  return { field, start: s.starts[i] as number, end: s.ends[last] as number, gaps: last - i + 1 - length };
}

/** Overlapping occurrences of one phrase are one mention ("process reward models" already
 * covers "reward models"): counting both would inflate the score and repeat the quote. */
export function addOccurrence(list: Occurrence[], occ: Occurrence): void {
  const prev = list[list.length - 1];
  if (prev !== undefined && prev.field === occ.field && occ.start < prev.end) {
    if (occ.end > prev.end) list[list.length - 1] = { ...prev, end: occ.end };
    return;
  }
  list.push(occ);
}

/** Every occurrence of any variant, scanning the whole stream (the index avoids this scan). */
export function scanPhrase(
  s: TokenStream,
  field: FieldIndex,
  variants: readonly (readonly string[])[],
  maxGap: number,
  found: Occurrence[] = [],
): Occurrence[] {
  for (let i = 0; i < s.tokens.length; i += 1) {
    for (const variant of variants) {
      if (s.tokens[i] !== variant[0]) continue;
      const last = matchAt(s, variant, maxGap, i);
      if (last >= 0) {
        addOccurrence(found, occurrenceAt(s, field, i, last, variant.length));
        break; // one occurrence per start position, whichever variant found it
      }
    }
  }
  return found;
}
