// Each reader's digest as sent: balanced topic sections (composeDigest over the same per-topic
// lists digest ranking reads), near-duplicates left out, never a paper already received, and
// the followed topics that had nothing new. The digest build, the test digest and the
// preferences page all call this, so what a page shows is what the email would carry.
import type { ComposedDigest } from '@paperboy/matching';
import { type MatchingDeps, positiveInt, validIds } from './matching-deps';
import { prepareBatch } from './batch-ranking';
import type { RankedPapersOptions } from './ranked-papers.types';
import { loadReaderTopics, type ReaderTopics } from './reader-topics.queries';
import { MAX_READERS_PER_CALL } from './ranked-papers.usecase';

export interface ComposedReaderDigest {
  subscriberId: number;
  /** The reader's topics as they follow them (key and wording), in their order. */
  topics: ReaderTopics['topics'];
  digest: ComposedDigest;
}

export async function composedDigestsForReaders(
  deps: MatchingDeps,
  subscriberIds: readonly number[],
  options: RankedPapersOptions = {},
): Promise<ComposedReaderDigest[]> {
  positiveInt(options.cap ?? deps.config?.DIGEST_MAX_PAPERS ?? 10, 'cap', 100); // fail before any query
  const batch = await loadReaderTopics(deps.db, validIds(subscriberIds, 'subscriberIds', MAX_READERS_PER_CALL));
  const composed = (await prepareBatch(deps, batch, options)).compose(batch);
  return composed.map((c, i) => ({ ...c, topics: (batch[i] as ReaderTopics).topics }));
}
