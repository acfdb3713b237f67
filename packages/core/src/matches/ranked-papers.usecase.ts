// Each reader's digest candidates, ranked: their topics → the stored matches of those topics on
// recent papers (per-topic lists loaded once for the whole batch, or once per run through a
// MatchWindow) → minus what they already received → rankForReader's top N with reasons.
// Cost per reader is reading the heads of a few lists, never a pass over all papers.
import { type MatchingDeps, positiveInt, validIds } from './matching-deps';
import { prepareBatch } from './batch-ranking';
import type { RankedPapersOptions, ReaderDigest } from './ranked-papers.types';
import { loadReaderTopics, type ReaderTopics } from './store';

export type { RankedPapersOptions, ReaderDigest, ReaderPaper } from './ranked-papers.types';

export const MAX_READERS_PER_CALL = 10_000;

/** Readers given by id (their topics are loaded) or as already loaded batches (readerBatches). */
export async function rankedPapersForReaders(
  deps: MatchingDeps,
  readers: readonly number[] | readonly ReaderTopics[],
  options: RankedPapersOptions = {},
): Promise<ReaderDigest[]> {
  positiveInt(options.cap ?? deps.config?.DIGEST_MAX_PAPERS ?? 10, 'cap', 100); // fail before any query
  const given = readers.length > 0 && typeof readers[0] === 'object';
  const batch = given
    ? (readers as readonly ReaderTopics[])
    : await loadReaderTopics(deps.db, validIds(readers, 'subscriberIds', MAX_READERS_PER_CALL));
  if (batch.length > MAX_READERS_PER_CALL) throw new RangeError(`at most ${MAX_READERS_PER_CALL} readers per call`);
  return (await prepareBatch(deps, batch, options)).rank(batch);
}
