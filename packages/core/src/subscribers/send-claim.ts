// "At most one confirmation email per address per N minutes", race-free: the claim is one
// conditional UPDATE, so of two simultaneous requests exactly one wins and enqueues.
import type { Db } from '@paperboy/db';
import { clock, enqueueTransactional, type ReaderDeps, type TransactionalKind } from './reader-deps';

async function claim(db: Db, subscriberId: number, now: Date, minutes: number): Promise<Date | null | false> {
  const before = await db.subscriber.findUnique({ where: { id: subscriberId }, select: { lastConfirmationSentAt: true } });
  if (!before) return false;
  const cutoff = new Date(now.getTime() - minutes * 60_000);
  const { count } = await db.subscriber.updateMany({
    where: { id: subscriberId, OR: [{ lastConfirmationSentAt: null }, { lastConfirmationSentAt: { lte: cutoff } }] },
    data: { lastConfirmationSentAt: now },
  });
  return count === 1 ? before.lastConfirmationSentAt : false;
}

/** Claims the throttle slot and enqueues the email; false when throttled. */
export async function claimAndEnqueue(deps: ReaderDeps, subscriberId: number, kind: TransactionalKind): Promise<boolean> {
  const now = clock(deps);
  const previous = await claim(deps.db, subscriberId, now, deps.config.CONFIRM_RESEND_MINUTES);
  if (previous === false) return false;
  try {
    await enqueueTransactional(deps, subscriberId, kind, now);
    return true;
  } catch (error) {
    // Redis failed: give the slot back so the reader can retry at once instead of waiting N minutes.
    await deps.db.subscriber
      .updateMany({ where: { id: subscriberId, lastConfirmationSentAt: now }, data: { lastConfirmationSentAt: previous } })
      .catch(() => undefined);
    throw error;
  }
}
