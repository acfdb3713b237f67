// How paper rows reach a compose thread. Rows are shared, frozen objects (the paper cache gives
// one per paper and reason), and the renderer keeps each card's view by the row's identity. A
// row cloned into every request would be a new object each time and rendered afresh (the
// thread's CPU per digest about doubled), so a row goes to a thread once, under a key, and is
// named by its key after. Both sides of that bargain live here: the sender's ledger of what the
// thread holds, and the thread's store.
import type { PaperRow } from './store';

/** A row on the wire: its key alone once the thread holds it, else the key and the row (key -1: use once, do not keep). */
export type PaperOnWire = number | [key: number, row: PaperRow];

export interface RowsOnWire {
  papers: PaperOnWire[];
  /** The thread forgets every row it holds before taking these. */
  forget: boolean;
}

/** The row named by a key the thread does not hold: the two sides disagree, not the delivery's fault. */
export class RowNotHeld extends Error {}

const rowKeys = new WeakMap<PaperRow, number>();
let nextRowKey = 0;

/** One key per row object, the same for every thread. */
function keyOf(row: PaperRow): number {
  let key = rowKeys.get(row);
  if (key === undefined) {
    key = nextRowKey++;
    rowKeys.set(row, key);
  }
  return key;
}

/** The sending side's account of the rows one thread holds. */
export class RowLedger {
  private readonly held = new Set<number>();
  private startOver = false;

  /** Past `kept` rows the thread is told to forget them all, so its memory stays bounded. */
  constructor(private readonly kept: number) {}

  wire(rows: PaperRow[]): RowsOnWire {
    const adding = rows.filter((row) => !this.held.has(rowKeys.get(row) ?? -1)).length;
    const forget = this.startOver || this.held.size + adding > this.kept;
    if (forget) {
      this.held.clear();
      this.startOver = false;
    }
    return { papers: rows.map((row) => this.onWire(row)), forget };
  }

  /** The thread may not hold what was counted (a request was not delivered, or it named a row it lacked): the next request starts over. */
  lost(): void {
    this.startOver = true;
  }

  private onWire(row: PaperRow): PaperOnWire {
    // Only a row that cannot change (its authors neither) may be named by key.
    if (!Object.isFrozen(row) || !Object.isFrozen(row.authors)) return [-1, row];
    const key = keyOf(row);
    if (this.held.has(key)) return key;
    this.held.add(key);
    return [key, row];
  }
}

/** The thread's side: the rows it was sent, frozen as they were on the sending side. */
export class RowStore {
  private readonly rows = new Map<number, PaperRow>();

  /**
   * The request's rows, in order. Those it brings are kept first, all of them and before
   * anything can fail: the sending side counts them as held from now on.
   */
  take({ papers, forget }: RowsOnWire): PaperRow[] {
    if (forget) this.rows.clear();
    for (const paper of papers) {
      if (typeof paper === 'number') continue;
      const [key, row] = paper;
      if (key === -1) continue;
      Object.freeze(row.authors);
      this.rows.set(key, Object.freeze(row));
    }
    return papers.map((paper) => {
      if (typeof paper !== 'number') return paper[1];
      const row = this.rows.get(paper);
      if (!row) throw new RowNotHeld(`paper row ${paper} was never sent to this thread`);
      return row;
    });
  }

  get size(): number {
    return this.rows.size;
  }
}
