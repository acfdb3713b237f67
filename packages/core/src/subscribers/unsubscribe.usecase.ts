// Unsubscribe, "just fewer emails" and resubscribe. Unsubscribing is immediate and idempotent
// and creates no Suppression row: the status alone stops every email (the scheduler reads
// active readers only; transactional emails re-check the status), so a reader who changes
// their mind can come back. Suppressions are for wipes, bounces and complaints.
import { AppError } from '../errors';
import { loadSubscriber } from './load-subscriber';
import { clock, enqueueTopicBackfill, enqueueTransactional, type ReaderDeps, type RequestContext } from './reader-deps';
import { scheduleFor } from './schedule';
import { claimAndEnqueue } from './send-claim';
import { isSuppressed, recordEvent, updateReader, updateReaderIf } from './store';

/** How the reader left; 'admin': an operator did it for them (from /admin/readers). */
export type UnsubscribeVia = 'one-click' | 'page' | 'admin';

export async function unsubscribe(
  deps: ReaderDeps,
  subscriberId: number,
  via: UnsubscribeVia,
  context: RequestContext = {},
): Promise<'unsubscribed' | 'already'> {
  const now = clock(deps);
  const done = await deps.db.$transaction(async (tx) => {
    const left = await updateReaderIf(tx, subscriberId, ['pending', 'active', 'paused'], {
      status: 'unsubscribed',
      unsubscribedAt: now,
      nextDigestAt: null,
    });
    if (left) await recordEvent(tx, subscriberId, 'unsubscribed', { via }, context);
    return left;
  });
  if (!done) {
    await loadSubscriber(deps.db, subscriberId); // a wiped reader's link says so; otherwise a no-op
    return 'already';
  }
  if (deps.config.GOODBYE_EMAIL) await enqueueTransactional(deps, subscriberId, 'goodbye', now);
  return 'unsubscribed';
}

/** "Just fewer emails": weekly instead of daily, staying subscribed. */
export async function switchToWeekly(
  deps: ReaderDeps,
  subscriberId: number,
  context: RequestContext = {},
): Promise<void> {
  const now = clock(deps);
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  if (subscriber.frequency === 'weekly') return;
  await deps.db.$transaction(async (tx) => {
    await updateReader(tx, subscriberId, {
      frequency: 'weekly',
      nextDigestAt: scheduleFor({ ...subscriber, frequency: 'weekly' }, now),
    });
    await recordEvent(
      tx,
      subscriberId,
      'preferences_changed',
      { before: { frequency: subscriber.frequency }, after: { frequency: 'weekly' } },
      context,
    );
  });
}

/**
 * Back after an ordinary unsubscribe. A reader who once confirmed is active again at once (the
 * click on their own signed link is the new consent); one who never confirmed gets a new
 * confirmation email.
 */
export async function resubscribe(
  deps: ReaderDeps,
  subscriberId: number,
  context: RequestContext = {},
): Promise<'active' | 'confirmation_sent'> {
  const now = clock(deps);
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  if (subscriber.status === 'active' || subscriber.status === 'paused') return 'active';
  if (
    (await isSuppressed(deps.db, subscriber.email)) ||
    subscriber.status === 'bounced' ||
    subscriber.status === 'complained'
  ) {
    throw new AppError(
      'conflict',
      'We cannot send email to this address any more. Please write to the operator of this site if that is a mistake.',
    );
  }
  const status = subscriber.confirmedAt ? 'active' : 'pending';
  await deps.db.$transaction(async (tx) => {
    await updateReader(tx, subscriberId, {
      status,
      unsubscribedAt: null,
      nextDigestAt: scheduleFor({ ...subscriber, status }, now),
      ...(status === 'active'
        ? {
            consentAt: now,
            consentIp: context.ip ?? null,
            consentUserAgent: context.userAgent?.slice(0, 512) ?? null,
          }
        : {}),
    });
    await recordEvent(tx, subscriberId, 'resubscribed', { status }, context);
  });
  if (status === 'active') {
    // Topics changed while unsubscribed were not backfilled (no digest was due): do it now.
    await enqueueTopicBackfill(
      deps,
      subscriber.topics.map((t) => t.key),
    );
    return 'active';
  }
  await claimAndEnqueue(deps, subscriberId, 'confirm');
  return 'confirmation_sent';
}
