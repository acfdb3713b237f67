// The one-call entry point. Preparing the per-topic lists costs a pass over all matches, so the
// prepared ranker is cached per matches map and options: streaming readers in batches through
// rankForReader with the same map pays that cost once per batch of papers, not per reader.
import type { RankedPaper, ReaderTopic, TopicMatch } from '../types';
import { DigestRanker, type RankingOptions } from './digest-ranker';

export interface RankForReaderOptions extends RankingOptions {
  /** Paper ids the reader already received. */
  exclude?: Iterable<number>;
}

interface Cached {
  fingerprint: string;
  ranker: DigestRanker;
  /** The options object last seen: the same object again skips the fingerprint. */
  lastOpts?: RankForReaderOptions;
}

const cache = new WeakMap<ReadonlyMap<string, readonly TopicMatch[]>, Cached>();

function fingerprint(opts: RankingOptions): string {
  return JSON.stringify([opts.cap ?? null, opts.now?.getTime() ?? null, opts.weights ?? null]);
}

/** Whether `opts` ranks as `last` did, told without the fingerprint (a JSON string a call):
 * readers with papers to exclude come with options objects of their own, and the reader after
 * one comes back to the shared one. Weights given are left to the fingerprint. */
function sameRanking(opts: RankingOptions, last: RankingOptions | undefined): boolean {
  return (
    last !== undefined &&
    opts.cap === last.cap &&
    opts.weights === undefined &&
    last.weights === undefined &&
    opts.now?.getTime() === last.now?.getTime()
  );
}

/** Builds (or reuses) the ranker for this matches map; use it directly to rank many readers. */
export function createDigestRanker(
  matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>,
  opts: RankingOptions = {},
): DigestRanker {
  const fp = fingerprint(opts);
  const cached = cache.get(matchesByTopic);
  if (cached && cached.fingerprint === fp) return cached.ranker;
  const ranker = new DigestRanker(matchesByTopic, opts);
  cache.set(matchesByTopic, { fingerprint: fp, ranker });
  return ranker;
}

/**
 * One reader's digest: their matched papers ranked by relevance × trending × recency, at most
 * `cap` (default 10), none of `exclude`. The prepared ranker is cached on the matches map, so
 * neither the map nor an options object passed again may be mutated between calls.
 */
export function rankForReader(
  readerTopics: readonly ReaderTopic[],
  matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>,
  opts: RankForReaderOptions = {},
): RankedPaper[] {
  if (!Array.isArray(readerTopics)) throw new TypeError('readerTopics must be an array of topic keys');
  const cached = cache.get(matchesByTopic);
  if (cached !== undefined && (cached.lastOpts === opts || sameRanking(opts, cached.lastOpts))) {
    cached.lastOpts = opts;
    return cached.ranker.rank(readerTopics, opts.exclude);
  }
  const { exclude, ...rankingOpts } = opts;
  const ranker = createDigestRanker(matchesByTopic, rankingOpts);
  (cache.get(matchesByTopic) as Cached).lastOpts = opts;
  return ranker.rank(readerTopics, exclude);
}
