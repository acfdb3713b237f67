// The threshold algorithm behind a digest: which `cap` papers have the highest summed score
// over a reader's topic lists, reading only the heads of long lists. Short lists (no longer
// than the first depth) are read whole; long lists are read best-first, and each paper met is
// scored exactly once, by looking it up in every long list. Reading stops when the cap-th best
// reaches theta, the most an unseen paper can score: the sum of the long lists' next scores.
// The result is exact (a test compares it with checking every paper against every topic).
import type { ReaderList } from './describe-paper';
import { positionsOf, type PositionTable, type PreparedLists, type TopicList } from './topic-lists';
import { TopK } from './top-k';

/** Entries read from the chosen list before choosing again: choosing costs a pass over the
 * reader's long lists, reading an entry costs less, so a few at a time is cheapest overall. */
const CHUNK = 4;

/** Scratch space sized to the batch's papers, reused for every reader (no per-reader maps). */
export class HeadReader {
  readonly top: TopK;
  /** Summed score per dense paper index, valid for papers seen in the current reading. */
  readonly score: Float64Array;
  private readonly seen: Int32Array;
  private readonly excluded: Int32Array;
  private readonly fromShort: Int32Array;
  private stamp = 0;
  private excludeStamp = 0;
  private readonly long: TopicList[] = [];
  private readonly longPositions: PositionTable[] = [];
  private readonly cursor: number[] = [];

  constructor(
    private readonly prepared: PreparedLists,
    cap: number,
  ) {
    const n = prepared.paperIds.length;
    this.score = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.excluded = new Int32Array(n);
    this.fromShort = new Int32Array(n);
    this.top = new TopK(cap, prepared.paperIds);
  }

  /** Marks the papers a reader must not get; returns how many of them are in this batch. */
  exclude(paperIds: Iterable<number>): number {
    this.excludeStamp = ++this.stamp;
    if (Array.isArray(paperIds) && paperIds.length === 0) return 0; // the usual case: no iterator
    let count = 0;
    for (const id of paperIds) {
      const idx = this.prepared.paperIndex.get(id);
      if (idx === undefined) continue; // a paper of another batch cannot be a candidate anyway
      this.excluded[idx] = this.excludeStamp;
      count += 1;
    }
    return count;
  }

  /** Fills `top` with the reader's best papers, lists longer than `firstDepth` read by their heads. */
  read(lists: readonly ReaderList[], firstDepth: number): void {
    const stamp = ++this.stamp;
    const { score, seen, fromShort } = this;
    this.top.reset();
    this.long.length = 0;
    this.longPositions.length = 0;
    const n = this.prepared.paperIds.length;
    let shortCount = 0;
    for (const { list } of lists) {
      if (list.length > firstDepth) {
        this.long.push(list);
        this.longPositions.push(positionsOf(list, n));
        continue;
      }
      for (let i = 0; i < list.length; i += 1) {
        const p = list.papers[i] as number;
        if (seen[p] !== stamp) {
          seen[p] = stamp;
          score[p] = 0;
          fromShort[shortCount++] = p;
        }
        score[p] = (score[p] as number) + (list.scores[i] as number);
      }
    }
    for (let i = 0; i < shortCount; i += 1) this.complete(fromShort[i] as number, -1, 0);
    this.readLongLists(stamp);
  }

  /**
   * Best-first sorted access: read a few entries of the long list whose next score is highest,
   * which lowers theta (the sum of the next scores) fastest, so few papers are looked at.
   */
  private readLongLists(stamp: number): void {
    const { long, cursor, seen, score } = this;
    for (let k = 0; k < long.length; k += 1) cursor[k] = 0;
    for (;;) {
      let best = -1;
      let bestScore = -1;
      let theta = 0; // summed afresh each time: no drift from incremental updates
      for (let k = 0; k < long.length; k += 1) {
        const list = long[k] as TopicList;
        const at = cursor[k] as number;
        if (at >= list.length) continue;
        const next = list.scores[at] as number;
        theta += next;
        if (next > bestScore) {
          best = k;
          bestScore = next;
        }
      }
      if (best < 0 || (this.top.full && this.top.floor >= theta)) return;
      const list = long[best] as TopicList;
      const from = cursor[best] as number;
      const to = Math.min(from + CHUNK, list.length);
      cursor[best] = to;
      for (let at = from; at < to; at += 1) {
        const p = list.papers[at] as number;
        if (seen[p] === stamp) continue;
        seen[p] = stamp;
        score[p] = 0;
        this.complete(p, best, list.scores[at] as number);
      }
    }
  }

  /**
   * Adds a paper's scores from the long lists and offers it to the top. `from`: the long list
   * the paper was just read from (-1: none), whose score for it (`fromScore`) is known without a
   * lookup; the sum still runs over the lists in the same order, so it is the same to the bit.
   */
  private complete(p: number, from: number, fromScore: number): void {
    let total = this.score[p] as number;
    for (let k = 0; k < this.long.length; k += 1) {
      if (k === from) {
        total += fromScore;
        continue;
      }
      const at = (this.longPositions[k] as PositionTable)[p] as number;
      if (at > 0) total += (this.long[k] as TopicList).scores[at - 1] as number;
    }
    this.score[p] = total;
    if (this.excluded[p] !== this.excludeStamp && (!this.top.full || total >= this.top.floor)) this.top.offer(p, total);
  }
}
