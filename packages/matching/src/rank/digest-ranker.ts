// Ranks one reader's digest from the per-topic lists: a reader's score for a paper is the sum of
// its boosted scores over the reader's topics (a paper matching two of your topics ranks higher).
// Only the head of each list is read: with M entries taken from each long list, any paper not
// yet seen scores at most the sum of those lists' M-th scores (theta), so once the cap-th best
// candidate beats theta the answer is exact; otherwise M doubles. No pass over all papers.
import type { MatchReason, RankedPaper, ReaderTopic, TopicMatch } from '../types';
import { relabelReason } from '../match/reason';
import { DEFAULT_WEIGHTS, validateWeights, type RankingWeights } from './signals';
import { findInList, positionsOf, prepareLists, type PreparedLists, type TopicList } from './topic-lists';
import { TopK } from './top-k.util';

export interface RankingOptions {
  /** Papers per digest (default 10). */
  cap?: number;
  /** The moment recency is measured from (default: when the ranker is created). */
  now?: Date;
  weights?: Partial<RankingWeights>;
}

export const DEFAULT_CAP = 10;

interface ReaderList {
  list: TopicList;
  label?: string;
}

export class DigestRanker {
  readonly cap: number;
  private readonly prepared: PreparedLists;
  private readonly score: Float64Array;
  private readonly seen: Int32Array;
  private readonly excluded: Int32Array;
  private stamp = 0;
  private readonly top: TopK;

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
    this.top = new TopK(this.cap, (idx) => this.prepared.paperIds[idx] as number);
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
    let depth = this.cap + excludedCount;
    for (;;) {
      const exhausted = this.collect(lists, depth, excludeStamp);
      if (exhausted) break;
      depth *= 2;
    }
    return this.top.items.map((idx) => this.describe(idx, lists));
  }

  private readerLists(readerTopics: readonly ReaderTopic[]): ReaderList[] {
    const out: ReaderList[] = [];
    const keys = new Set<string>();
    for (const t of readerTopics) {
      const key = typeof t === 'string' ? t : t.key;
      const list = this.prepared.lists.get(key);
      if (list === undefined || keys.has(key)) continue;
      keys.add(key);
      out.push(typeof t === 'string' || t.label === undefined ? { list } : { list, label: t.label });
    }
    return out;
  }

  /** One round at a given depth; true when the top is final. */
  private collect(lists: ReaderList[], depth: number, excludeStamp: number): boolean {
    const stamp = ++this.stamp;
    const candidates: number[] = [];
    let theta = 0;
    const long: TopicList[] = [];
    for (const { list } of lists) {
      const take = Math.min(depth, list.length);
      const isLong = list.length > depth;
      if (isLong) {
        long.push(list);
        theta += list.scores[depth] as number;
      }
      for (let i = 0; i < take; i += 1) {
        const p = list.papers[i] as number;
        if (this.seen[p] !== stamp) {
          this.seen[p] = stamp;
          this.score[p] = 0;
          candidates.push(p);
        }
        if (!isLong) this.score[p] = (this.score[p] as number) + (list.scores[i] as number);
      }
    }
    // Short lists were read whole; a long list's score for a candidate is looked up instead.
    const n = this.prepared.paperIds.length;
    for (const list of long) {
      const positions = positionsOf(list, n);
      for (const p of candidates) {
        const at = positions[p] as number;
        if (at > 0) this.score[p] = (this.score[p] as number) + (list.scores[at - 1] as number);
      }
    }
    this.top.reset();
    for (const p of candidates) if (this.excluded[p] !== excludeStamp) this.top.offer(p, this.score[p] as number);
    return long.length === 0 || (this.top.full && this.top.floor >= theta);
  }

  private describe(idx: number, lists: ReaderList[]): RankedPaper {
    const found: { score: number; reason: MatchReason; relevance: number }[] = [];
    const n = this.prepared.paperIds.length;
    for (const { list, label } of lists) {
      const at = findInList(list, idx, n);
      if (at < 0) continue;
      const reason = list.reasons[at] as MatchReason;
      const relevance = list.relevances[at] as number;
      found.push({ score: list.scores[at] as number, relevance, reason: label ? relabelReason(reason, label) : reason });
    }
    found.sort((a, b) => b.score - a.score);
    return {
      paperId: this.prepared.paperIds[idx] as number,
      score: this.score[idx] as number,
      relevance: found.reduce((sum, f) => sum + f.relevance, 0),
      reasons: found.map((f) => f.reason),
    };
  }
}
