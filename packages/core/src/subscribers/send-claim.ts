// "At most one confirmation email per address per N minutes", race-free: the claim is one
// conditional UPDATE, so of two simultaneous requests exactly one wins and enqueues.
import { clock, enqueueTransactional, type ReaderDeps, type TransactionalKind } from './reader-deps';
import { claimConfirmationSlot, confirmationState, readerExists, releaseConfirmationSlot } from './store';

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
  const before = await confirmationState(db, subscriberId);
  if (!before) return 'gone';
  const cutoff = new Date(now.getTime() - deps.config.CONFIRM_RESEND_MINUTES * 60_000);
  if (!(await claimConfirmationSlot(db, subscriberId, now, cutoff)))
    return (await readerExists(db, subscriberId)) ? 'throttled' : 'gone';
  const release = async () => {
    await releaseConfirmationSlot(db, subscriberId, now, before.lastConfirmationSentAt).catch(() => undefined);
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
