// The threshold algorithm behind a digest: which `cap` papers have the highest summed score
// over a reader's topic lists, reading only the heads of long lists. Short lists (no longer
// than the first depth) are read whole. Papers in two or more long lists are found from the
// lists' bit sets and scored at once, each looked up in every long list; every other paper
// of a long list is in that list alone and scores just its entry there. So the long lists are
// then read best-first as one merged list, and reading stops when the cap-th best reaches
// theta, the highest next score. Why: a reader's topics share few papers, so theta as the sum
// of the lists' next scores (as before) stayed high and made readers of 2 / 3 / 4 long lists
// read 57 / 91 / 139 entries, each looked up in every other list; now they score 16 / 41 / 70
// shared papers and read a handful of entries (1 M readers of the matching benchmark).
// The result is exact (a test compares it with checking every paper against every topic).
import type { ReaderList } from './describe-paper';
import {
  memberWords,
  membersOf,
  positionsOf,
  type PositionTable,
  type PreparedLists,
  type TopicList,
} from './topic-lists';
import { TopK } from './top-k';

/** Scratch space sized to the batch's papers, reused for every reader (no per-reader maps). */
export class HeadReader {
  readonly top: TopK;
  /** Summed score per dense paper index, valid for papers seen in the current reading. */
  readonly score: Float64Array;
  private readonly seen: Int32Array;
  private readonly excluded: Int32Array;
  private readonly fromShort: Int32Array;
  /** Bit set of the papers in two or more of the reader's long lists; `once`: in one or more. */
  private readonly multi: Int32Array;
  private readonly once: Int32Array;
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
    this.multi = new Int32Array(memberWords(n));
    this.once = new Int32Array(memberWords(n));
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
    for (let i = 0; i < shortCount; i += 1) this.complete(fromShort[i] as number);
    this.completeShared(stamp, n);
    this.readLongLists(stamp);
  }

  /**
   * Scores every paper in two or more long lists not met yet (papers of short lists are), found
   * from the lists' bit sets: after this, a paper met in a long list is in that list alone.
   */
  private completeShared(stamp: number, n: number): void {
    const { long, multi, once, seen, score } = this;
    if (long.length < 2) return;
    multi.fill(0);
    once.set(membersOf(long[0] as TopicList, n));
    for (let k = 1; k < long.length; k += 1) {
      const members = membersOf(long[k] as TopicList, n);
      for (let w = 0; w < members.length; w += 1) {
        const bits = members[w] as number;
        multi[w] = (multi[w] as number) | ((once[w] as number) & bits);
        once[w] = (once[w] as number) | bits;
      }
    }
    for (let w = 0; w < multi.length; w += 1) {
      for (let bits = multi[w] as number; bits !== 0; bits &= bits - 1) {
        const p = (w << 5) | (31 - Math.clz32(bits & -bits));
        if (seen[p] === stamp) continue;
        seen[p] = stamp;
        score[p] = 0;
        this.complete(p);
      }
    }
  }

  /**
   * Best-first sorted access over papers of one list each: what a paper scores is its entry's
   * score, so the most a paper not met yet can score is the highest next score of any list.
   */
  private readLongLists(stamp: number): void {
    const { long, cursor, seen, score } = this;
    for (let k = 0; k < long.length; k += 1) cursor[k] = 0;
    for (;;) {
      let best = -1;
      let theta = -1;
      for (let k = 0; k < long.length; k += 1) {
        const list = long[k] as TopicList;
        const at = cursor[k] as number;
        if (at < list.length && (list.scores[at] as number) > theta) {
          best = k;
          theta = list.scores[at] as number;
        }
      }
      if (best < 0 || (this.top.full && this.top.floor >= theta)) return;
      const list = long[best] as TopicList;
      const at = cursor[best] as number;
      cursor[best] = at + 1;
      const p = list.papers[at] as number;
      if (seen[p] === stamp) continue;
      seen[p] = stamp;
      // What complete would sum for a paper of this list alone: 0 + its score, the same bits.
      score[p] = theta;
      this.offer(p, theta);
    }
  }

  /** Adds a paper's scores from the long lists (in their order, so the sum is the same to the
   * bit however the paper was met) and offers it to the top. */
  private complete(p: number): void {
    let total = this.score[p] as number;
    for (let k = 0; k < this.long.length; k += 1) {
      const at = (this.longPositions[k] as PositionTable)[p] as number;
      if (at > 0) total += (this.long[k] as TopicList).scores[at - 1] as number;
    }
    this.score[p] = total;
    this.offer(p, total);
  }

  /** Offers a scored paper to the top unless the reader already received it. */
  private offer(p: number, total: number): void {
    if (this.excluded[p] !== this.excludeStamp && (!this.top.full || total >= this.top.floor)) this.top.offer(p, total);
  }
}
