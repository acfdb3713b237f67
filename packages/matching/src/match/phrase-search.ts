// Finds a phrase variant in a token stream: its tokens in order, never across a clause break,
// with at most `maxGap` extra words in total between them, and only words that read as
// modifiers: "diffusion probabilistic models" is a kind of diffusion model, but "speech emotion
// recognition" is not speech recognition, nor is "diffusion tensor imaging" about diffusion
// models, nor "action recommendations" about recommender systems.
import type { TokenStream } from '../text/tokenize';
import type { PhraseVariant } from '../vocab/alias-index';
import type { FieldIndex } from './analyze-paper';

export interface Occurrence {
  field: FieldIndex;
  /** Character offsets in the field's text, to quote the paper's own words. */
  start: number;
  end: number;
  /** Words skipped inside the phrase; gapped occurrences weigh less. */
  gaps: number;
  /** Found by proximity (any words inside, brackets stepped over): weighs less again. */
  near: boolean;
  /** Sentence of the field it starts in: what an abstract is about comes first. */
  sentence: number;
}

/** Adjective-like endings: an inserted adjective narrows the same thing, a noun makes another. */
const MODIFIER = /(?:al|ic|ive|ous|ful|less|able|ible|ary|ed|ing)$/i;

function isModifier(s: TokenStream, k: number): boolean {
  const word = s.source.slice(s.starts[k], s.ends[k]);
  return word.length > 3 && MODIFIER.test(word);
}

/** Checks the words between two matched tokens (at `from` and `to`) for junction `j`. */
function junctionOk(s: TokenStream, variant: PhraseVariant, j: number, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k += 1) if (!isModifier(s, k)) return false;
  if (variant.free[j]) return true;
  for (let k = from + 1; k <= to; k += 1) if ((s.stops[k] as number) > 0) return false;
  return true;
}

/** Tries the variant at token `i` (whose token must equal its first); -1 when absent. */
export function matchAt(s: TokenStream, variant: PhraseVariant, maxGap: number, i: number): number {
  const tokens = variant.tokens;
  let pos = i;
  let gaps = 0;
  const clause = s.clauses[i];
  for (let j = 1; j < tokens.length; j += 1) {
    let found = -1;
    const limit = Math.min(pos + 1 + (maxGap - gaps), s.tokens.length - 1);
    for (let k = pos + 1; k <= limit && s.clauses[k] === clause; k += 1) {
      if (s.tokens[k] === tokens[j]) {
        found = k;
        break;
      }
    }
    if (found < 0 || !junctionOk(s, variant, j, pos, found)) return -1;
    gaps += found - pos - 1;
    pos = found;
  }
  return pos;
}

/** Tries the variant at token `i` allowing up to `window` words of any kind inside, but only
 * between the reader's own words (never inside an alias expansion) and within one span. */
export function matchNear(s: TokenStream, variant: PhraseVariant, window: number, i: number): number {
  const tokens = variant.tokens;
  let pos = i;
  let gaps = 0;
  const span = s.spans[i];
  for (let j = 1; j < tokens.length; j += 1) {
    const limit = variant.open[j] ? Math.min(pos + 1 + (window - gaps), s.tokens.length - 1) : pos + 1;
    let found = -1;
    for (let k = pos + 1; k <= limit && s.spans[k] === span; k += 1) {
      if (s.tokens[k] === tokens[j]) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    if (!variant.open[j] && !junctionOk(s, variant, j, pos, found)) return -1;
    gaps += found - pos - 1;
    pos = found;
  }
  return pos;
}

/** Added to a match's last index when it was found by proximity (token counts stay far below). */
export const NEAR = 1 << 24;

/** Between the words of a fixed compound topic: hyphens or spaces; a small word only
 * hyphenated ("text-to-video", "pick-and-place") or a spaced "to" ("text to video"), never a
 * spaced "and" ("text and video" is two things, not a compound). */
export const COMPOUND_JOIN = /^(?:[\s\-‐‑]*|\s*[-‐‑]\s*(?:to|of|and|the|a|in|for)\s*[-‐‑]\s*|\s+to\s+)$/i;

/** The join a compound written with its small word needs ("speech-to-text": a "to"). */
export const joinWith = (word: string): RegExp => new RegExp(`^\\s*[-‐‑]?\\s*${word}\\s*[-‐‑]?\\s*$`, 'i');

function joinedAsCompound(s: TokenStream, i: number, last: number, join: RegExp): boolean {
  for (let k = i; k < last; k += 1) if (!join.test(s.source.slice(s.ends[k], s.starts[k + 1]))) return false;
  return true;
}

/** The strict match at `i`, else (with a window) the proximity one flagged with NEAR, else -1.
 * A compound (`join` given) must stand joined as one; `acrossBrackets`: the words side by side
 * across a bracket count as strict (a trap's, see CompiledPhrase). */
export function findAt(
  s: TokenStream,
  variant: PhraseVariant,
  maxGap: number,
  window: number,
  i: number,
  join?: RegExp,
  acrossBrackets = false,
): number {
  const last = matchAt(s, variant, maxGap, i);
  if (join !== undefined) return last >= 0 && joinedAsCompound(s, i, last, join) ? last : -1;
  if (last >= 0) return variant.derived ? last + NEAR : last;
  // A window of no words, within a span (brackets do not end one): adjacent words only.
  if (acrossBrackets) return variant.tokens.length < 2 ? -1 : matchNear(s, variant, 0, i);
  // A sibling word already weighs as a proximity match: with words inside too it says little
  // ("diffusion transformers have empowered video generation models" is not "diffusion generative
  // models").
  if (window === 0 || variant.tokens.length < 2 || variant.derived) return last;
  const near = matchNear(s, variant, window, i);
  return near >= 0 ? near + NEAR : -1;
}

export function occurrenceAt(s: TokenStream, field: FieldIndex, i: number, found: number, length: number): Occurrence {
  const near = found >= NEAR;
  const last = near ? found - NEAR : found;
  return {
    field,
    start: s.starts[i] as number,
    end: s.ends[last] as number,
    gaps: last - i + 1 - length,
    near,
    sentence: s.sentences[i] as number,
  };
}

/** Whether an occurrence shares any text with the span `start`..`end` of a field. */
export const overlapsSpan = (a: Occurrence, field: number, start: number, end: number): boolean =>
  a.field === field && a.start < end && start < a.end;

/** Whether two occurrences share any text (same field, intersecting character ranges). */
export const overlaps = (a: Occurrence, b: Occurrence): boolean => overlapsSpan(a, b.field, b.start, b.end);

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
  phrase: {
    variants: readonly PhraseVariant[];
    maxGap: number;
    window: number;
    join?: RegExp;
    acrossBrackets?: boolean;
  },
  found: Occurrence[] = [],
): Occurrence[] {
  for (let i = 0; i < s.tokens.length; i += 1) {
    for (const variant of phrase.variants) {
      if (s.tokens[i] !== variant.tokens[0]) continue;
      const last = findAt(s, variant, phrase.maxGap, phrase.window, i, phrase.join, phrase.acrossBrackets);
      if (last >= 0) {
        addOccurrence(found, occurrenceAt(s, field, i, last, variant.tokens.length));
        break; // one occurrence per start position, whichever variant found it
      }
    }
  }
  return found;
}
