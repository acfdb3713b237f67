// Ranks one reader's digest from the per-topic lists: a reader's score for a paper is the sum of
// its boosted scores over the reader's topics (a paper matching two of your topics ranks higher).
// Only the heads of long lists are read (a threshold algorithm): once the cap-th best paper seen
// beats the most any unseen paper could score, the answer is exact. No pass over all papers.
import type { RankedPaper, ReaderTopic, TopicMatch } from '../types';
import { describePaper, type ReaderList } from './describe-paper';
import { DEFAULT_WEIGHTS, validateWeights, type RankingWeights } from './signals';
import { positionsOf, prepareLists, type PreparedLists, type TopicList } from './topic-lists';
import { TopK } from './top-k.util';

export interface RankingOptions {
  /** Papers per digest (default 10). */
  cap?: number;
  /** The moment recency is measured from (default: when the ranker is created). */
  now?: Date;
  weights?: Partial<RankingWeights>;
}

export const DEFAULT_CAP = 10;


export class DigestRanker {
  readonly cap: number;
  private readonly prepared: PreparedLists;
  private readonly score: Float64Array;
  private readonly seen: Int32Array;
  private readonly excluded: Int32Array;
  private stamp = 0;
  private readonly top: TopK;
  /** Scratch for collect(): the reader's long lists and their position tables. */
  private readonly long: TopicList[] = [];
  private readonly longPositions: Int32Array[] = [];
  private readonly fromShort: Int32Array;
  private readonly cursor: number[] = [];

  constructor(matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>, opts: RankingOptions = {}) {
    this.cap = opts.cap ?? DEFAULT_CAP;
    if (!Number.isInteger(this.cap) || this.cap < 1) throw new RangeError('cap must be an integer >= 1');
    const now = opts.now ?? new Date();
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('now must be a valid Date');
    const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
    validateWeights(weights);
    this.prepared = prepareLists(matchesByTopic, now, weights);
    const n = this.prepared.paperIds.length;
    this.score = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.excluded = new Int32Array(n);
    this.fromShort = new Int32Array(n);
    this.top = new TopK(this.cap, this.prepared.paperIds);
  }

  /** The reader's top papers with reasons, never one of `exclude` (paper ids already sent). */
  rank(readerTopics: readonly ReaderTopic[], exclude: Iterable<number> = []): RankedPaper[] {
    const lists = this.readerLists(readerTopics);
    if (lists.length === 0) return [];
    const excludeStamp = ++this.stamp;
    let excludedCount = 0;
    for (const id of exclude) {
      const idx = this.prepared.paperIndex.get(id);
      if (idx === undefined) continue; // a paper of another batch cannot be a candidate anyway
      this.excluded[idx] = excludeStamp;
      excludedCount += 1;
    }
    this.collect(lists, this.cap + excludedCount, excludeStamp);
    const ranked: RankedPaper[] = [];
    for (let i = 0; i < this.top.size; i += 1) {
      const idx = this.top.item(i);
      ranked.push(describePaper(this.prepared, lists, idx, this.score[idx] as number));
    }
    return ranked;
  }

  private readerLists(readerTopics: readonly ReaderTopic[]): ReaderList[] {
    const out: ReaderList[] = [];
    for (const t of readerTopics) {
      const key = typeof t === 'string' ? t : t.key;
      const list = this.prepared.lists.get(key);
      if (list === undefined || out.some((r) => r.list === list)) continue; // a handful: no Set
      out.push(typeof t === 'string' || t.label === undefined ? { list } : { list, label: t.label });
    }
    return out;
  }

  /**
   * Fills `this.top`. Short lists (no longer than the first depth) are read whole; long lists
   * are read from the top, and each paper met is scored exactly once, by looking it up in
   * every long list. Reading stops when the cap-th best reaches theta, the most an unseen paper
   * can score: the sum of each long list's next unread score.
   */
  private collect(lists: ReaderList[], firstDepth: number, excludeStamp: number): void {
    const stamp = ++this.stamp;
    const { score, seen } = this;
    this.top.reset();
    this.long.length = 0;
    this.longPositions.length = 0;
    const n = this.prepared.paperIds.length;
    const fromShort = this.fromShort;
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
    for (let i = 0; i < shortCount; i += 1) this.complete(fromShort[i] as number, excludeStamp);
    this.readLongLists(stamp, excludeStamp);
  }

  /**
   * Best-first sorted access: always read the long list whose next score is highest, which
   * lowers theta (the sum of the next scores) fastest, so the fewest papers are looked at.
   */
  private readLongLists(stamp: number, excludeStamp: number): void {
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
      const at = cursor[best] as number;
      cursor[best] = at + 1;
      const p = list.papers[at] as number;
      if (seen[p] === stamp) continue;
      seen[p] = stamp;
      score[p] = 0;
      this.complete(p, excludeStamp);
    }
  }

  /** Adds a paper's scores from the long lists and offers it to the top. */
  private complete(p: number, excludeStamp: number): void {
    let total = this.score[p] as number;
    for (let k = 0; k < this.long.length; k += 1) {
      const at = (this.longPositions[k] as Int32Array)[p] as number;
      if (at > 0) total += (this.long[k] as TopicList).scores[at - 1] as number;
    }
    this.score[p] = total;
    if (this.excluded[p] !== excludeStamp && (!this.top.full || total >= this.top.floor)) this.top.offer(p, total);
  }
}
