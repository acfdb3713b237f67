// "At most one confirmation email per address per N minutes", race-free: the claim is one
// conditional UPDATE, so of two simultaneous requests exactly one wins and enqueues.
import { clock, enqueueTransactional, type ReaderDeps, type TransactionalKind } from './reader-deps';

export interface ClaimedSlot {
  at: Date;
  /** Gives the slot back (the email did not go out), so the reader can retry at once. */
  release(): Promise<void>;
}

/** The throttle slot for this reader; 'throttled' while an email sent in the last N minutes
 * holds it; 'gone' when the reader's row no longer exists (purged or wiped meanwhile), so a
 * caller can start over instead of telling a new sign-up it was throttled. */
export async function claimSlot(deps: ReaderDeps, subscriberId: number): Promise<ClaimedSlot | 'throttled' | 'gone'> {
  const { db } = deps;
  const now = clock(deps);
  const before = await db.subscriber.findUnique({
    where: { id: subscriberId },
    select: { lastConfirmationSentAt: true },
  });
  if (!before) return 'gone';
  const cutoff = new Date(now.getTime() - deps.config.CONFIRM_RESEND_MINUTES * 60_000);
  const { count } = await db.subscriber.updateMany({
    where: { id: subscriberId, OR: [{ lastConfirmationSentAt: null }, { lastConfirmationSentAt: { lte: cutoff } }] },
    data: { lastConfirmationSentAt: now },
  });
  if (count !== 1) return (await db.subscriber.count({ where: { id: subscriberId } })) === 0 ? 'gone' : 'throttled';
  const release = async () => {
    await db.subscriber
      .updateMany({
        where: { id: subscriberId, lastConfirmationSentAt: now },
        data: { lastConfirmationSentAt: before.lastConfirmationSentAt },
      })
      .catch(() => undefined);
  };
  return { at: now, release };
}

/** Enqueues the email for a claimed slot; a Redis failure gives the slot back and rethrows. */
export async function enqueueClaimed(
  deps: ReaderDeps,
  subscriberId: number,
  kind: TransactionalKind,
  slot: ClaimedSlot,
): Promise<void> {
  try {
    await enqueueTransactional(deps, subscriberId, kind, slot.at);
  } catch (error) {
    await slot.release();
    throw error;
  }
}

/** Claims the throttle slot and enqueues the email; false when throttled. */
export async function claimAndEnqueue(
  deps: ReaderDeps,
  subscriberId: number,
  kind: TransactionalKind,
): Promise<boolean> {
  const slot = await claimSlot(deps, subscriberId);
  if (typeof slot === 'string') return false;
  await enqueueClaimed(deps, subscriberId, kind, slot);
  return true;
}
