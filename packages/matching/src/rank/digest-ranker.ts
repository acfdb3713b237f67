// Ranks one reader's digest from the per-topic lists: a reader's score for a paper is the sum of
// its boosted scores over the reader's topics (a paper matching two of your topics ranks higher).
// Only the heads of long lists are read (see head-reader.ts): no pass over all papers.
import { composeDigest, type ComposedDigest, type ComposeTopic } from '../compose/compose-digest';
import { composePersonalDigest, type Personalization } from '../learn/personalize';
import type { RankedPaper, ReaderTopic, TopicMatch } from '../types';
import { PaperDescriber, type ReaderList } from './describe-paper';
import { DEFAULT_WEIGHTS, validateWeights, type RankingWeights } from './signals';
import { HeadReader } from './head-reader';
import { findInList, prepareLists, type PreparedLists, type TopicList } from './topic-lists';

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
  private readonly reader: HeadReader;
  private readonly describer: PaperDescriber;

  constructor(matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>, opts: RankingOptions = {}) {
    this.cap = opts.cap ?? DEFAULT_CAP;
    if (!Number.isInteger(this.cap) || this.cap < 1) throw new RangeError('cap must be an integer >= 1');
    const now = opts.now ?? new Date();
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('now must be a valid Date');
    const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
    validateWeights(weights);
    this.prepared = prepareLists(matchesByTopic, now, weights);
    this.reader = new HeadReader(this.prepared, this.cap);
    this.describer = new PaperDescriber(this.prepared, this.prepared.lists.size);
  }

  /** The reader's top papers with reasons, never one of `exclude` (paper ids already sent). */
  rank(readerTopics: readonly ReaderTopic[], exclude: Iterable<number> = []): RankedPaper[] {
    const lists = this.readerLists(readerTopics);
    if (lists.length === 0) return [];
    const excludedHere = this.reader.exclude(exclude);
    this.reader.read(lists, this.cap + excludedHere);
    const { top, score } = this.reader;
    const ranked: RankedPaper[] = [];
    for (let i = 0; i < top.size; i += 1) {
      const idx = top.item(i);
      ranked.push(this.describer.describe(lists, idx, score[idx] as number));
    }
    return ranked;
  }

  /**
   * The reader's digest in balanced topic sections (composeDigest over the same lists): each
   * topic's candidates are its list, already best first, so only their heads are read.
   */
  compose(
    topics: readonly ComposeTopic[],
    exclude: readonly number[] = [],
    personalization?: Personalization,
  ): ComposedDigest {
    const input = { topics, candidates: this.prepared.candidates, cap: this.cap, exclude, matches: this.matches };
    // Readers without a model (no votes) get exactly the unpersonalised digest.
    return personalization ? composePersonalDigest(input, personalization) : composeDigest(input);
  }

  /** Whether a paper is in a topic's list: a position table or a short scan, no allocation. */
  private readonly matches = (topicKey: string, paperId: number): boolean => {
    const list = this.prepared.lists.get(topicKey);
    const idx = this.prepared.paperIndex.get(paperId);
    return list !== undefined && idx !== undefined && findInList(list, idx, this.prepared.paperIds.length) >= 0;
  };

  private readerLists(readerTopics: readonly ReaderTopic[]): ReaderList[] {
    const out: ReaderList[] = [];
    for (const t of readerTopics) {
      const key = typeof t === 'string' ? t : t.key;
      const list = this.prepared.lists.get(key);
      if (list === undefined || listed(out, list)) continue;
      out.push(typeof t === 'string' || t.label === undefined ? list.unlabelled : { list, label: t.label });
    }
    return out;
  }
}

/** A reader has a handful of topics: a loop beats a Set (and allocates nothing). */
function listed(out: readonly ReaderList[], list: TopicList): boolean {
  for (const r of out) if (r.list === list) return true;
  return false;
}
