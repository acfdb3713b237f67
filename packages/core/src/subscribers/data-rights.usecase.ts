// Data rights: everything stored about a reader as JSON, and a wipe that leaves only an
// unsalted SHA-256 of the address in Suppression, so the address is never mailed again. The
// suppression list holds no plain address, but it is not anonymous: anyone with the table can
// check whether a known address is on it (or try a dictionary of likely ones) — which is
// exactly how subscribe refuses it. The audit events go too: they hold IPs and user agents.
// One detached "wiped" event without personal data records that a wipe happened.
import { readerVotes } from '../feedback/votes.usecase';
import { AppError } from '../errors';
import { hashEmail } from './email-address';
import { loadSubscriber } from './load-subscriber';
import { clock, type ReaderDeps, type RequestContext } from './reader-deps';
import { carriedPapers, deleteReaders, readerExport, recordEvent, suppressWiped } from './store';

export async function exportReaderData(deps: ReaderDeps, subscriberId: number, context: RequestContext = {}) {
  const now = clock(deps);
  await loadSubscriber(deps.db, subscriberId);
  await recordEvent(deps.db, subscriberId, 'exported', undefined, context);
  const subscriber = await readerExport(deps.db, subscriberId);
  const { topics, events, deliveries: deliveryRows, model, ...profile } = subscriber;
  const votes = await readerVotes(deps.db, subscriberId);
  const papersOf = await carriedPapers(
    deps.db,
    deliveryRows.map((d) => d.id),
  );
  const deliveries = deliveryRows.map(({ id, ...delivery }) => ({
    ...delivery,
    papers: papersOf(id).map(({ rank, score, reason, paper: { sourceId, title } }) => ({
      rank,
      score,
      reason,
      paper: { sourceId, title },
    })),
  }));
  return {
    exportedAt: now.toISOString(),
    about: 'Everything paperboy stores about you.',
    profile,
    topics,
    events,
    deliveries,
    /** "More / less like this", newest first; they alone train the model below. */
    votes,
    /** The model fitted on those votes (its packed weights: hashed word and phrase features). */
    model,
  };
}

export type ReaderExport = Awaited<ReturnType<typeof exportReaderData>>;

export async function wipeReader(deps: ReaderDeps, subscriberId: number): Promise<void> {
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  const emailHash = hashEmail(subscriber.email);
  await deps.db.$transaction(async (tx) => {
    // Topics, deliveries and the papers they carried, votes and the model cascade from the
    // subscriber (deleteReaders: a second wipe racing this one finds nothing).
    if ((await deleteReaders(tx, [subscriberId])) === 0)
      throw new AppError('not_found', 'This subscription was already deleted.');
    await suppressWiped(tx, emailHash);
    await recordEvent(tx, null, 'wiped');
  });
}
