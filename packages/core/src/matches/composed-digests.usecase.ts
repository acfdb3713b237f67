// Each reader's digest as sent: balanced topic sections (composeDigest over the same per-topic
// lists digest ranking reads), near-duplicates left out, never a paper already received, and
// the followed topics that had nothing new. The digest build, the test digest and the
// preferences page all call this, so what a page shows is what the email would carry.
import type { ComposedDigest } from '@paperboy/matching';
import { loadPersonalizations } from '../feedback/reader-models';
import { DAY_MS, type MatchingDeps, nowOf, positiveInt, validIds, windowDaysOf } from './matching-deps';
import { prepareBatch } from './batch-ranking';
import type { RankedPapersOptions } from './ranked-papers.types';
import { loadReaderTopics, type ReaderTopics } from './store';
import { MAX_READERS_PER_CALL } from './ranked-papers.usecase';

export interface ComposedReaderDigest {
  subscriberId: number;
  /** The reader's topics as they follow them (key and wording), in their order. */
  topics: ReaderTopics['topics'];
  digest: ComposedDigest;
}

export interface ComposeOptions extends RankedPapersOptions {
  /** Apply readers' votes (their models): off for what a page previews without them. Default on. */
  learning?: boolean;
  /** Papers beyond a reader's topics at most (LEARNED_EXTRA_PAPERS, default 3). */
  learnedExtras?: number;
}

export async function composedDigestsForReaders(
  deps: MatchingDeps,
  subscriberIds: readonly number[],
  options: ComposeOptions = {},
): Promise<ComposedReaderDigest[]> {
  positiveInt(options.cap ?? deps.config?.DIGEST_MAX_PAPERS ?? 10, 'cap', 100); // fail before any query
  const batch = await loadReaderTopics(deps.db, validIds(subscriberIds, 'subscriberIds', MAX_READERS_PER_CALL));
  const prepared = await prepareBatch(deps, batch, options);
  const now = nowOf(deps);
  const byId = new Map(batch.map((r) => [r.subscriberId, r]));
  const learned =
    options.learning === false
      ? undefined
      : (
          await loadPersonalizations(
            deps.db,
            batch.filter((r) => r.topics.length > 0).map((r) => r.subscriberId),
            {
              now,
              since: new Date(now.getTime() - windowDaysOf(deps, options.windowDays) * DAY_MS),
              maxExtras: options.learnedExtras ?? 3,
              candidatesOf: (ids) => prepared.candidateIds(ids.map((id) => byId.get(id) as ReaderTopics)),
            },
          )
        ).byReader;
  const composed = prepared.compose(batch, learned);
  return composed.map((c, i) => ({
    subscriberId: c.subscriberId,
    digest: c.digest,
    topics: (batch[i] as ReaderTopics).topics,
  }));
}
