// Confirm: the signed link's reader becomes active and their consent is recorded (when, from
// where, and exactly what they agreed to). Idempotent: a second click changes nothing.
import { AppError } from '../errors';
import { followsTopics, type DigestMode } from './digest-mode';
import { loadSubscriber } from './load-subscriber';
import { clock, enqueueTopicBackfill, type ReaderDeps, type RequestContext } from './reader-deps';
import { scheduleFor } from './schedule';
import { claimAndEnqueue } from './send-claim';
import { asksToReturn } from './transactional-email.usecase';
import { confirmationState, recordEvent, updateReaderIf } from './store';

export type ConfirmOutcome = 'confirmed' | 'already_confirmed';

export const CONSENT_TEXT =
  'Email me a digest of trending research papers on these topics, at this frequency, until I unsubscribe.';

/** Exactly what the reader agrees to, in the words of their digest mode. */
export const CONSENT_TEXTS: Record<DigestMode, string> = {
  topics: CONSENT_TEXT,
  trending: 'Email me a digest of the top trending research papers, at this frequency, until I unsubscribe.',
  topics_trending:
    'Email me a digest of trending research papers on these topics and of the top trending ones, at this frequency, until I unsubscribe.',
};

/**
 * `linkIssuedAt` (when the confirmation link was made) lets an unsubscribed reader come back
 * through a confirmation they asked for after leaving; a link from before they left cannot.
 */
export async function confirmSubscription(
  deps: ReaderDeps,
  subscriberId: number,
  context: RequestContext = {},
  linkIssuedAt?: Date,
): Promise<ConfirmOutcome> {
  const now = clock(deps);
  const subscriber = await loadSubscriber(deps.db, subscriberId);
  if (subscriber.status === 'active' || subscriber.status === 'paused') return 'already_confirmed';
  const returning =
    asksToReturn(subscriber) &&
    !!linkIssuedAt &&
    linkIssuedAt.getTime() + 1000 > (subscriber.unsubscribedAt as Date).getTime(); // links carry whole seconds
  if (subscriber.status !== 'pending' && !returning) {
    throw new AppError(
      'conflict',
      'This subscription was cancelled after the link was sent. To get papers again, subscribe from the start page.',
    );
  }
  const mode = subscriber.digestMode;
  const topics = followsTopics(mode) ? subscriber.topics.map((t) => t.raw) : [];
  const scope = {
    digestMode: mode,
    topics,
    frequency: subscriber.frequency,
    timezone: subscriber.timezone,
    text: CONSENT_TEXTS[mode],
  };
  const confirmed = await deps.db.$transaction(async (tx) => {
    // Conditional on still pending: two clicks at once confirm (and record) once.
    const confirmed = await updateReaderIf(tx, subscriberId, subscriber.status, {
      status: 'active',
      unsubscribedAt: null,
      confirmedAt: subscriber.confirmedAt ?? now,
      consentAt: now,
      consentIp: context.ip ?? null,
      consentUserAgent: context.userAgent?.slice(0, 512) ?? null,
      consentScope: scope,
      nextDigestAt: scheduleFor({ ...subscriber, status: 'active' }, now),
    });
    if (confirmed) await recordEvent(tx, subscriberId, returning ? 'resubscribed' : 'confirmed', scope, context);
    return confirmed;
  });
  if (!confirmed) {
    // Confirmed by another click, or deleted in between (an expired unconfirmed sign-up): the
    // second must say so, not "already confirmed".
    await loadSubscriber(deps.db, subscriberId);
    return 'already_confirmed';
  }
  // Backfill only now: an unconfirmed sign-up is anonymous input and costs no matching pass.
  await enqueueTopicBackfill(
    deps,
    subscriber.topics.map((t) => t.key),
  );
  return 'confirmed';
}

/** "Send me a new link" from an expired-link page; neutral whatever the reader's state. */
export async function resendConfirmation(deps: ReaderDeps, subscriberId: number): Promise<void> {
  const subscriber = await confirmationState(deps.db, subscriberId);
  if (subscriber && (subscriber.status === 'pending' || asksToReturn(subscriber)))
    await claimAndEnqueue(deps, subscriberId, 'confirm');
}
