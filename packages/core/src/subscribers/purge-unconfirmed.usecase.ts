// Addresses that signed up and never confirmed are not readers: nobody agreed to anything, yet
// the row holds an address, topics and the IP of whoever typed it. UNCONFIRMED_READER_DAYS
// after the last confirmation email (and the last change: a re-submitted form starts over)
// they go, with their audit events; one detached event counts them. Pending ones, and those
// whose confirmation email bounced or was reported (their Suppression row, keyed by a hash,
// stays and keeps refusing the address). No suppression is added: the address may sign up
// again. Only readers who never confirmed: one who confirmed once, unsubscribed and then
// re-submitted the form is pending too, but has a history (and papers already sent) to keep.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { deleteReaders, lockUnconfirmedReaders, recordEvent } from './store';

export interface PurgeUnconfirmedDeps {
  db: Db;
  config: Pick<Config, 'UNCONFIRMED_READER_DAYS'>;
  now?: () => Date;
}

export interface PurgeUnconfirmedOptions {
  batchSize?: number;
  /** Batches per call: a backlog (first deploy, a worker down for days) is spread over runs. */
  maxBatches?: number;
}

export async function purgeUnconfirmedReaders(
  deps: PurgeUnconfirmedDeps,
  options: PurgeUnconfirmedOptions = {},
): Promise<number> {
  const days = deps.config.UNCONFIRMED_READER_DAYS;
  if (days === 0) return 0;
  const { batchSize = 500, maxBatches = 10 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new AppError('invalid_input', 'batchSize must be 1–10000');
  if (!Number.isInteger(maxBatches) || maxBatches < 1)
    throw new AppError('invalid_input', 'maxBatches must be a positive integer');
  const cutoff = new Date((deps.now?.() ?? new Date()).getTime() - days * 24 * 3600_000);
  let purged = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted = await deps.db.$transaction(async (tx) => {
      // A confirm or a form that comes after this lock waits, then finds the row gone (confirm
      // answers "no subscription", the form starts a new one).
      const ids = await lockUnconfirmedReaders(tx, cutoff, batchSize);
      if (ids.length === 0) return 0;
      await deleteReaders(tx, ids); // topics cascade
      await recordEvent(tx, null, 'unconfirmed_purged', { readers: ids.length, olderThanDays: days });
      return ids.length;
    });
    purged += deleted;
    if (deleted < batchSize) break;
  }
  return purged;
}
