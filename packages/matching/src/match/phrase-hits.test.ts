import { FIELD_BIT, PhraseHits } from './phrase-hits';
import type { Occurrence } from './phrase-search';

const occ = (field: 0 | 1): Occurrence => ({ field, start: 0, end: 4, gaps: 0, near: false, sentence: 0 });

describe('PhraseHits', () => {
  it('when a phrase is found, then the hits have it with its occurrences, and no other phrase', () => {
    const hits = new PhraseHits(5);
    const found = [occ(0), occ(1)];
    hits.set(3, found);
    expect(hits.has(3)).toBe(true);
    expect(hits.get(3)).toBe(found);
    expect([hits.has(0), hits.has(4), hits.get(4)]).toEqual([false, false, undefined]);
    expect([hits.hasAll([3]), hits.hasAll([3, 4]), hits.hasAll([])]).toEqual([true, false, true]);
    expect([...hits.ids()]).toEqual([3]);
    expect([...hits.entries()]).toEqual([[3, found]]);
  });

  it('when an id is outside the index, then setting it is refused and asking for it says no', () => {
    const hits = new PhraseHits(2);
    expect(() => hits.set(2, [occ(0)])).toThrow(RangeError);
    expect(() => hits.set(-1, [occ(0)])).toThrow(RangeError);
    expect([hits.has(2), hits.has(-1)]).toEqual([false, false]);
  });

  it('when tokens are marked per field, then only the fields holding every one of them are named', () => {
    // Tokens 0 and 1 in the title, 1 and 2 in the abstract, 3 nowhere.
    const tokens = Uint8Array.from([FIELD_BIT[0], FIELD_BIT[0] | FIELD_BIT[1], FIELD_BIT[1], 0]);
    const hits = new PhraseHits(1, tokens);
    expect(hits.fieldsHolding([1])).toBe(FIELD_BIT[0] | FIELD_BIT[1]);
    expect(hits.fieldsHolding([0, 1])).toBe(FIELD_BIT[0]);
    expect(hits.fieldsHolding([1, 2])).toBe(FIELD_BIT[1]);
    // Each in some field, but never all in one: no field holds the set.
    expect(hits.fieldsHolding([0, 2])).toBe(0);
    expect(hits.fieldsHolding([1, 3])).toBe(0);
    // Asked of one field only: whether that field holds them all.
    expect([hits.fieldsHolding([0, 1], FIELD_BIT[0]), hits.fieldsHolding([0, 1], FIELD_BIT[1])]).toEqual([
      FIELD_BIT[0],
      0,
    ]);
  });

  it('when no tokens were marked, then every field may hold them, and a copy keeps the marks but not the phrases', () => {
    expect(new PhraseHits(1).fieldsHolding([0, 7])).toBe(FIELD_BIT[0] | FIELD_BIT[1]);
    expect(new PhraseHits(1).fieldsHolding([0, 7], FIELD_BIT[1])).toBe(FIELD_BIT[1]);
    const marked = new PhraseHits(2, Uint8Array.from([FIELD_BIT[1]]));
    marked.set(1, [occ(1)]);
    const copy = marked.emptyCopy();
    expect(copy.has(1)).toBe(false);
    expect(copy.fieldsHolding([0])).toBe(FIELD_BIT[1]);
  });
});
