// Addresses that signed up and never confirmed are not readers: nobody agreed to anything, yet
// the row holds an address, topics and the IP of whoever typed it. After
// UNCONFIRMED_READER_DAYS from the last confirmation email they go, with their audit events;
// one detached event counts them. No suppression is stored: the address may sign up again.
// Only readers who never confirmed: one who confirmed once, unsubscribed and then re-submitted
// the form is pending too, but has a history (and papers already sent) to keep.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';
import { recordEvent } from './subscription-events';

export interface PurgeUnconfirmedDeps {
  db: Db;
  config: Pick<Config, 'UNCONFIRMED_READER_DAYS'>;
  now?: () => Date;
}

export async function purgeUnconfirmedReaders(deps: PurgeUnconfirmedDeps, options: { batchSize?: number } = {}): Promise<number> {
  const days = deps.config.UNCONFIRMED_READER_DAYS;
  if (days === 0) return 0;
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new AppError('invalid_input', 'batchSize must be 1–10000');
  const cutoff = new Date((deps.now?.() ?? new Date()).getTime() - days * 24 * 3600_000);
  let purged = 0;
  for (;;) {
    const deleted = await deps.db.$transaction(async (tx) => {
      // SKIP LOCKED: a reader being confirmed right now is left for the next run (and then no
      // longer matches); one who confirms after this lock waits, then finds the row gone.
      const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "Subscriber"
        WHERE status = 'pending' AND "confirmedAt" IS NULL AND coalesce("lastConfirmationSentAt", "createdAt") < ${cutoff}
        ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx.subscriptionEvent.deleteMany({ where: { subscriberId: { in: ids } } });
      await tx.subscriber.deleteMany({ where: { id: { in: ids } } }); // topics cascade
      await recordEvent(tx, null, 'unconfirmed_purged', { readers: ids.length, olderThanDays: days });
      return ids.length;
    });
    purged += deleted;
    if (deleted < batchSize) return purged;
  }
}
