// Sends a batch of built digests (a send job carries up to SEND_BATCH_SIZE). Per delivery,
// order matters for "exactly once":
//   claim (status → sending, attempts + 1; refuses sent/failed/skipped and inactive or
//   suppressed readers) → render → SMTP → record 'sent' with the Message-ID.
// The whole batch is claimed in one statement; each delivery then succeeds or fails on its
// own: a transient SMTP failure (or a relay's refusal, e.g. 5.7.1) re-queues that delivery
// alone, with backoff; only a hard bounce (5.1.x, see @paperboy/email's smtp-errors.ts) fails it for
// good. The job itself only fails (and is retried whole) when the database or Redis is away,
// and a retried batch skips what was already sent.
// The only duplicate left is SMTP's own window: the server has accepted DATA but we die
// before 'sent' is committed (one loopback UPDATE, about a millisecond). The retry then sends
// the same email with the same Message-ID, which receivers use to drop it.
import { buildRawMail, classifySmtpError, describeSmtpError, type RawMail, type Renderer } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import { AppError } from '../errors';
import { hardBounceWrites } from '../subscribers/store';
import { suggestTopicsForDeliveries, type DigestSuggestion } from '../feedback/related-topics';
import { digestClock, SEND_ATTEMPTS, sendRetryDelayMs, type DigestDeps } from './digest-deps';
import type { RecordSent } from './send-batching';
import type { SendBreaker } from './send-breaker';
import {
  claimDeliveries,
  deliveryState,
  handBackDelivery,
  failDeliveryWrites,
  recordOutcome,
  type ClaimedDelivery,
} from './store';
import { ComposeUnavailable, type DigestComposer } from './compose-threads';
import { composeRawDigest } from './digest-email';
import { composeNotice, loadNoticeData } from './empty-notice';
import { SendRequeue } from './send-requeue';

export interface MailSender {
  sendMail(message: RawMail): Promise<{ messageId?: string }>;
}

export interface SendDeps extends Pick<DigestDeps, 'db' | 'config' | 'now' | 'queues'> {
  mail: MailSender;
  renderer: Pick<Renderer, 'renderDigest' | 'renderNotice'>;
  breaker?: SendBreaker;
  logger?: Logger;
  /** Sends of one batch in flight at once (default 10); the rest wait their turn. */
  concurrency?: number;
  /** A batched version (the worker coalesces the 'sent' writes of concurrent sends); default: one query each. */
  recordSent?: RecordSent;
  /** Composes digests elsewhere (the worker's compose threads), falling back to this thread; default: on this thread. */
  composer?: DigestComposer;
}

export type SendOutcome =
  | { sent: true; deliveryId: number; messageId: string; attempt: number }
  | { skipped: string; deliveryId: number }
  | { failed: 'hard_bounce' | 'rejected' | 'invalid_message' | 'gave_up'; deliveryId: number; detail: string }
  /** Not this time: queued again on its own, to run after `delayMs`. */
  | { retrying: string; deliveryId: number; delayMs: number };

export { DIGEST_LIST } from './digest-email';

export async function sendDigest(deps: SendDeps, deliveryId: number): Promise<SendOutcome> {
  return (await sendDigests(deps, [deliveryId]))[0] as SendOutcome;
}

/** One outcome per id, in order. Throws (retryable) only when the batch could not be claimed. */
export async function sendDigests(deps: SendDeps, deliveryIds: number[]): Promise<SendOutcome[]> {
  const ids = [...new Set(deliveryIds)];
  const claimedAt = digestClock(deps);
  const claimed = await claimDeliveries(deps.db, ids, claimedAt, deps.config.SEND_LEASE_SECONDS);
  const batch: BatchState = {
    claimedAt,
    paused: false,
    requeue: new SendRequeue(),
    jitter: Math.random(),
    suggestions: await suggestions(deps, [...claimed.values()]),
  };
  const outcomes = await mapLimited(ids, deps.concurrency ?? 10, async (id) => {
    const delivery = claimed.get(id);
    return delivery ? sendClaimed(deps, delivery, batch) : notClaimed(deps, id, batch);
  });
  await batch.requeue.flush(deps);
  const byId = new Map(ids.map((id, i) => [id, outcomes[i] as SendOutcome]));
  return deliveryIds.map((id) => byId.get(id) as SendOutcome);
}

/** "Add this topic" for the batch's digests with topic sections (one statement); none if it fails. */
async function suggestions(deps: SendDeps, claimed: ClaimedDelivery[]): Promise<Map<number, DigestSuggestion>> {
  const ids = claimed
    .filter((c) => c.kind === 'digest' && c.digestMode !== 'trending' && c.topicKeys?.length && c.papers.length > 0)
    .map((c) => c.id);
  try {
    return await suggestTopicsForDeliveries(deps.db, ids);
  } catch (error) {
    // A suggestion is a nicety: the digests go without one rather than wait.
    deps.logger?.warn({ err: error }, 'topic suggestions unavailable for this batch');
    return new Map();
  }
}

/** Runs `work` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<I, O>(items: I[], limit: number, work: (item: I) => Promise<O>): Promise<O[]> {
  const results: O[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as I);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

interface BatchState {
  /** When the batch was claimed: its deliveries' lease runs from here. */
  claimedAt: Date;
  /** The breaker paused sending during this batch: the rest is handed back. */
  paused: boolean;
  /** Deliveries going round again, queued together when the batch ends. */
  requeue: SendRequeue;
  /** One jitter for the batch: its retries of one attempt share a delay, hence a job. */
  jitter: number;
  /** The related topic each digest suggests adding, by delivery id. */
  suggestions: Map<number, DigestSuggestion>;
}

async function sendClaimed(deps: SendDeps, claimed: ClaimedDelivery, batch: BatchState): Promise<SendOutcome> {
  const deliveryId = claimed.id;
  try {
    const now = digestClock(deps);
    if (claimed.kind !== 'notice' && claimed.papers.length === 0 && deps.config.DIGEST_SKIP_EMPTY) {
      await recordOutcome(deps.db, deliveryId, 'skipped', now, { lastError: 'nothing new matched' });
      return { skipped: 'nothing new matched', deliveryId };
    }
    if (batch.paused) return await handBack(deps, claimed, batch, 'sending was paused');
    // A notice's counts are read here, outside the try below: a database error is retried, not "invalid".
    const notice =
      claimed.kind === 'notice'
        ? await loadNoticeData(deps.db, claimed, deps.config.EMPTY_PERIODS_NOTICE ?? 1, now)
        : undefined;
    // Only the wire form waits for SMTP: the rendered HTML and text (~60 KB of strings per
    // email) are never held through the wait. Held, with every send of the batch in flight,
    // each young-generation GC had to copy them (send bench: worker 1.57-1.70 -> 1.51-1.59 ms
    // CPU per digest, scavenges 2.3-2.7 -> 0.7-1.5 s per 5,000 digests; BENCHMARKS.md).
    let raw: RawMail;
    try {
      const suggestion = batch.suggestions.get(deliveryId);
      raw = notice
        ? buildRawMail(composeNotice(deps, claimed, notice, now), now)
        : await composeDigestMail(deps, claimed, now, suggestion);
    } catch (error) {
      // Bad stored data (e.g. a malformed paper URL) fails the same way every time: no retry.
      const detail = `cannot build the email: ${(error as Error).message}`.slice(0, 500);
      await recordOutcome(deps.db, deliveryId, 'failed', now, { lastError: detail });
      return { failed: 'invalid_message', deliveryId, detail };
    }
    const messageId = raw.messageId;
    try {
      await deps.mail.sendMail(raw);
    } catch (error) {
      return await handleSmtpFailure(deps, claimed, error, batch);
    }
    await recordSentAfterAccept(deps, deliveryId, messageId);
    await deps.breaker?.success();
    return { sent: true, deliveryId, messageId, attempt: claimed.attempts };
  } catch (error) {
    // Not SMTP's doing (the database or Redis went away): the delivery keeps its claim, so
    // it is tried again once the lease is over; nothing is sent twice before that.
    deps.logger?.error({ deliveryId, err: error }, 'digest send interrupted; retrying after the lease');
    return retryAfterLease(deps, deliveryId, batch.claimedAt, (error as Error).message, batch);
  }
}

/** In a compose thread when one can take it (see compose-threads.ts), else on this thread. */
async function composeDigestMail(
  deps: SendDeps,
  claimed: ClaimedDelivery,
  now: Date,
  suggestion?: DigestSuggestion,
): Promise<RawMail> {
  if (deps.composer) {
    try {
      return await deps.composer.compose(claimed, now, suggestion);
    } catch (error) {
      // No thread could take it (the composer says why, once): nothing is wrong with the digest.
      if (!(error instanceof ComposeUnavailable)) throw error;
    }
  }
  return composeRawDigest(deps, claimed, now, suggestion);
}

const RECORD_SENT_RETRY_MS = [0, 100, 500];

/**
 * The server has the email: a database error now is not an SMTP failure (no breaker, no
 * 'pending', which would send it again). Retry the write briefly; if it still fails, the row
 * stays 'sending', so the lease keeps any retry from sending while the database recovers.
 */
async function recordSentAfterAccept(deps: SendDeps, deliveryId: number, messageId: string): Promise<void> {
  let lastError: unknown;
  for (const wait of RECORD_SENT_RETRY_MS) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      const sentAt = digestClock(deps);
      await (deps.recordSent
        ? deps.recordSent(deliveryId, messageId, sentAt)
        : recordOutcome(deps.db, deliveryId, 'sent', sentAt, { messageId }));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  deps.logger?.error(
    { deliveryId, messageId, err: lastError },
    'digest accepted by SMTP but recording it as sent failed',
  );
  throw new AppError('unavailable', `delivery ${deliveryId} was accepted by SMTP but could not be recorded as sent`, {
    retryable: true,
    cause: lastError,
  });
}

/**
 * The queue was paused during this batch: give the delivery back, to go when sending resumes,
 * with the attempt its claim counted (it was not tried).
 */
async function handBack(
  deps: SendDeps,
  claimed: ClaimedDelivery,
  batch: BatchState,
  reason: string,
): Promise<SendOutcome> {
  const now = digestClock(deps);
  await handBackDelivery(deps.db, claimed.id, now, reason, batch.claimedAt);
  batch.requeue.add(`resume-${batch.claimedAt.getTime()}`, claimed.id, 0);
  return { retrying: reason, deliveryId: claimed.id, delayMs: 0 };
}

/** A claimed delivery is retried once its lease is over (its own job; the id names that claim). */
async function retryAfterLease(
  deps: SendDeps,
  deliveryId: number,
  claimedAt: Date,
  reason: string,
  batch: BatchState,
): Promise<SendOutcome> {
  const leaseEnds = claimedAt.getTime() + deps.config.SEND_LEASE_SECONDS * 1000;
  const delayMs = Math.max(0, leaseEnds - digestClock(deps).getTime()) + 1000;
  batch.requeue.add(`lease-${claimedAt.getTime()}`, deliveryId, delayMs);
  return { retrying: reason, deliveryId, delayMs };
}

/** Why a claim found nothing to do, and what happens to the delivery now. */
async function notClaimed(deps: SendDeps, deliveryId: number, batch: BatchState): Promise<SendOutcome> {
  const now = digestClock(deps);
  const state = await deliveryState(deps.db, deliveryId);
  if (!state) return { skipped: 'delivery no longer exists', deliveryId };
  if (!['pending', 'sending'].includes(state.status)) return { skipped: `already ${state.status}`, deliveryId };
  if (state.status === 'sending' && state.readerStatus === 'active' && !state.suppressed) {
    // Claimed by another attempt within the lease (a worker that died, or one still at it):
    // look again when the lease is over; then it is ours if nobody finished it.
    return retryAfterLease(
      deps,
      deliveryId,
      state.updatedAt,
      `being sent by another worker (claimed ${state.updatedAt.toISOString()})`,
      batch,
    );
  }
  const reason = state.suppressed ? 'address is suppressed' : `reader is ${state.readerStatus}`;
  await recordOutcome(deps.db, deliveryId, 'skipped', now, { lastError: reason });
  return { skipped: reason, deliveryId };
}

async function handleSmtpFailure(
  deps: SendDeps,
  claimed: ClaimedDelivery,
  error: unknown,
  batch: BatchState,
): Promise<SendOutcome> {
  const kind = classifySmtpError(error);
  const detail = describeSmtpError(error);
  const now = digestClock(deps);
  deps.logger?.warn({ deliveryId: claimed.id, attempt: claimed.attempts, kind, detail }, 'digest send failed');
  if (kind === 'recipient') await hardBounce(deps, claimed, detail, now);
  // Every kind counts, hard bounces too: a relay that calls each address unknown is the
  // sender's problem; it pauses after the threshold instead of bouncing the whole list.
  if ((await deps.breaker?.failure(detail))?.paused) batch.paused = true;
  if (kind === 'recipient') return { failed: 'hard_bounce', deliveryId: claimed.id, detail };
  if (kind === 'permanent') {
    await recordOutcome(deps.db, claimed.id, 'failed', now, { lastError: detail });
    return { failed: 'rejected', deliveryId: claimed.id, detail };
  }
  if (claimed.attempts >= SEND_ATTEMPTS) {
    await recordOutcome(deps.db, claimed.id, 'failed', now, {
      lastError: `gave up after ${claimed.attempts} attempts: ${detail}`.slice(0, 500),
    });
    return { failed: 'gave_up', deliveryId: claimed.id, detail };
  }
  // 'pending' first, then the job (when the batch ends): if queueing fails, the stale-delivery sweep finds it.
  await recordOutcome(deps.db, claimed.id, 'pending', now, { lastError: detail });
  const delayMs = sendRetryDelayMs(deps.config, claimed.attempts, () => batch.jitter);
  batch.requeue.add(`attempt-${claimed.attempts + 1}`, claimed.id, delayMs);
  return { retrying: detail, deliveryId: claimed.id, delayMs };
}

/** 5.1.x: the address is gone for good. Fail the delivery, suppress, mark bounced. */
async function hardBounce(deps: SendDeps, claimed: ClaimedDelivery, detail: string, now: Date): Promise<void> {
  await deps.db.$transaction([
    ...failDeliveryWrites(deps.db, claimed.id, detail, now), // papers go back (see recordOutcome)
    ...hardBounceWrites(deps.db, claimed, detail, { deliveryId: claimed.id }),
  ]);
}

export { composeDigest } from './digest-email';
export { toDigestPaper, decodeReason } from './digest-card';
