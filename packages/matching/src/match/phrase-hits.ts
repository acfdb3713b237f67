// The phrases found in one paper, by the index's phrase ids, and where each occurs; and which of
// the index's tokens each field holds.
import type { FieldIndex } from './analyze-paper';
import type { Occurrence } from './phrase-search';

/** A field's bit in the token marks: 1 the title, 2 the abstract. */
export const FIELD_BIT: Readonly<Record<FieldIndex, number>> = [1, 2];
/** Both fields: what a check without token marks has to assume. */
const BOTH_FIELDS = 3;

/**
 * Judging a topic asks "is this phrase in the paper?" of its alternatives, related terms, traps
 * and anchors, some ten times for each of the ~540,000 paper × topic pairs judged for the matching
 * benchmark's thousand papers: a byte per phrase of the index answers, and the occurrences of the
 * few phrases present stay in a map. The token marks let judging tell, without looking a word up,
 * whether a field holds all of a topic's words together (words-together.ts, holdsSet): that was
 * what made the matching faster; the phrase bytes alone measured no faster than the map they
 * replace.
 */
export class PhraseHits {
  private readonly found = new Map<number, Occurrence[]>();
  private readonly marks: Uint8Array;

  /**
   * For an index of `phraseCount` phrases (ids 0 .. phraseCount - 1). `tokens`: the FIELD_BITs of
   * each of the index's tokens (`tokenIds`) the paper holds; without them every token may be
   * anywhere.
   */
  constructor(
    phraseCount: number,
    private readonly tokens?: Uint8Array,
  ) {
    this.marks = new Uint8Array(phraseCount);
  }

  /** The same paper's hits with other occurrences (traps taken out): the same token marks. */
  emptyCopy(): PhraseHits {
    return new PhraseHits(this.marks.length, this.tokens);
  }

  /**
   * The FIELD_BITs of the fields holding every one of the tokens (`tokenIds`), among `within`
   * (both by default; one field's bit stops at the first token that field lacks).
   */
  fieldsHolding(tokenIds: readonly number[], within = BOTH_FIELDS): number {
    const tokens = this.tokens;
    if (tokens === undefined) return within;
    let fields = within;
    for (let j = 0; j < tokenIds.length && fields !== 0; j += 1) fields &= tokens[tokenIds[j] as number] as number;
    return fields;
  }

  has(id: number): boolean {
    return this.marks[id] === 1;
  }

  /** Whether every phrase of `ids` is here. */
  hasAll(ids: readonly number[]): boolean {
    for (let j = 0; j < ids.length; j += 1) if (this.marks[ids[j] as number] !== 1) return false;
    return true;
  }

  get(id: number): Occurrence[] | undefined {
    return this.marks[id] === 1 ? this.found.get(id) : undefined;
  }

  set(id: number, occurrences: Occurrence[]): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.marks.length)
      throw new RangeError(`phrase id ${id} is outside the index's ${this.marks.length} phrases`);
    this.marks[id] = 1;
    this.found.set(id, occurrences);
  }

  /** The ids of the phrases present, in the order they were first found. */
  ids(): IterableIterator<number> {
    return this.found.keys();
  }

  entries(): IterableIterator<[number, Occurrence[]]> {
    return this.found.entries();
  }
}
