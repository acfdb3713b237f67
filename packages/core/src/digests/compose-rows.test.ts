// The row bargain between the event loop and a compose thread, both sides without a thread:
// a row goes once, is named by key after, the thread's memory stays bounded, and a side that
// lost track starts over instead of naming rows the thread lacks.
import { RowLedger, RowNotHeld, RowStore, type PaperOnWire } from './compose-rows';
import type { PaperRow } from './paper-cache';
import { frozenRow, paperRow } from '../../test/paper-row.factory';

const row = (title: string, frozen = true): PaperRow => (frozen ? frozenRow(title) : paperRow(title));

/** How each row went: 'row' with its fields, 'key' alone, or 'once' (not kept). */
const shape = (papers: PaperOnWire[]) =>
  papers.map((p) => (typeof p === 'number' ? 'key' : p[0] === -1 ? 'once' : 'row'));

/** What crossed the wire, as the thread gets it (a structured clone). */
const cloned = (wire: ReturnType<RowLedger['wire']>) => structuredClone(wire);

describe('compose rows', () => {
  it('when a row goes to a thread again, then it goes by key and the thread gives back the row it kept', () => {
    const [a, b, c] = [row('A'), row('B'), row('C')];
    const ledger = new RowLedger(10);
    const store = new RowStore();
    const first = ledger.wire([a, b]);
    const second = ledger.wire([b, c, a]);
    expect([shape(first.papers), shape(second.papers)]).toEqual([
      ['row', 'row'],
      ['key', 'row', 'key'],
    ]);
    store.take(cloned(first));
    expect(store.take(cloned(second)).map((r) => r.title)).toEqual(['B', 'C', 'A']);
    expect(store.size).toBe(3);
  });

  it('when the rows held would pass the bound, then the thread is told to forget them all and is sent them again', () => {
    const [a, b, c] = [row('A'), row('B'), row('C')];
    const ledger = new RowLedger(2);
    const store = new RowStore();
    store.take(cloned(ledger.wire([a, b])));
    const over = ledger.wire([c, a]);
    expect([over.forget, shape(over.papers)]).toEqual([true, ['row', 'row']]);
    expect(store.take(cloned(over)).map((r) => r.title)).toEqual(['C', 'A']);
    expect(store.size).toBe(2);
  });

  it('when a row or its authors could still change, then it goes whole every time and the thread does not keep it', () => {
    const loose = row('Loose', false);
    const looseAuthors = Object.freeze({ ...row('Authors'), authors: ['Grace Hopper'] });
    const ledger = new RowLedger(10);
    const store = new RowStore();
    for (let i = 0; i < 2; i++) {
      const wire = ledger.wire([loose, looseAuthors]);
      expect(shape(wire.papers)).toEqual(['once', 'once']);
      store.take(cloned(wire));
    }
    expect(store.size).toBe(0);
  });

  it('when the sending side lost track, then its next request starts over; a key the thread lacks is refused as not held', () => {
    const a = row('A');
    const ledger = new RowLedger(10);
    const store = new RowStore();
    ledger.wire([a]); // never reached the thread
    const byKey = ledger.wire([a]);
    expect(shape(byKey.papers)).toEqual(['key']);
    expect(() => store.take(cloned(byKey))).toThrow(RowNotHeld);
    ledger.lost();
    const again = ledger.wire([a]);
    expect([again.forget, shape(again.papers)]).toEqual([true, ['row']]);
    expect(store.take(cloned(again)).map((r) => r.title)).toEqual(['A']);
  });
});
