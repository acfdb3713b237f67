// Sends one built digest. Order matters for "exactly once":
//   claim (status → sending, attempts + 1; refuses sent/failed/skipped and inactive or
//   suppressed readers) → render → SMTP → record 'sent' with the Message-ID.
// The only duplicate left is SMTP's own window: the server has accepted DATA but we die
// before 'sent' is committed (one loopback UPDATE, about a millisecond). The retry then sends
// the same email with the same Message-ID, which receivers use to drop it.
import { buildMessage, type DigestPaper, type MatchReason, type Renderer } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import { AppError } from '../errors';
import { hardBounceWrites } from '../subscribers/hard-bounce';
import { buildReaderLinks } from '../tokens/reader-links';
import { digestClock, type DigestDeps } from './digest-deps';
import type { SendBreaker } from './send-breaker';
import { buildRawMail, type RawMail } from './raw-message';
import { claimDelivery, deliveryState, recordOutcome, type ClaimedDelivery, type PaperRow } from './send-digest.queries';
import { classifySmtpError, describeSmtpError } from './smtp-error.classifier';

export interface MailSender {
  sendMail(message: RawMail): Promise<{ messageId?: string }>;
}

export interface SendDeps extends Pick<DigestDeps, 'db' | 'config' | 'now'> {
  mail: MailSender;
  renderer: Pick<Renderer, 'renderDigest'>;
  breaker?: SendBreaker;
  logger?: Logger;
  /** Batched versions (the worker coalesces concurrent sends); default: one query each. */
  claim?: (deliveryId: number, now: Date) => Promise<ClaimedDelivery | undefined>;
  recordSent?: (deliveryId: number, messageId: string, now: Date) => Promise<void>;
}

export type SendOutcome =
  | { sent: true; deliveryId: number; messageId: string; attempt: number }
  | { skipped: string; deliveryId: number }
  | { failed: 'hard_bounce' | 'rejected' | 'invalid_message'; deliveryId: number; detail: string };

export const DIGEST_LIST = { name: 'Paperboy digest', id: 'digest' };

export async function sendDigest(deps: SendDeps, deliveryId: number, options: { finalAttempt: boolean }): Promise<SendOutcome> {
  const now = digestClock(deps);
  const claimed = await (deps.claim ? deps.claim(deliveryId, now) : claimDelivery(deps.db, deliveryId, now, deps.config.SEND_LEASE_SECONDS));
  if (!claimed) return { skipped: await whyNot(deps, deliveryId, now), deliveryId };
  if (claimed.papers.length === 0 && deps.config.DIGEST_SKIP_EMPTY) {
    await recordOutcome(deps.db, deliveryId, 'skipped', now, { lastError: 'nothing new matched' });
    return { skipped: 'nothing new matched', deliveryId };
  }
  let message: ReturnType<typeof buildMessage>;
  try {
    message = composeDigest(deps, claimed, now);
  } catch (error) {
    // Bad stored data (e.g. a malformed paper URL) fails the same way every time: no retry.
    const detail = `cannot build the email: ${(error as Error).message}`.slice(0, 500);
    await recordOutcome(deps.db, deliveryId, 'failed', now, { lastError: detail });
    return { failed: 'invalid_message', deliveryId, detail };
  }
  try {
    await deps.mail.sendMail(buildRawMail(message, now));
  } catch (error) {
    return handleSmtpFailure(deps, claimed, error, options.finalAttempt);
  }
  await recordSentAfterAccept(deps, deliveryId, message.messageId);
  await deps.breaker?.success();
  return { sent: true, deliveryId, messageId: message.messageId, attempt: claimed.attempts };
}

const RECORD_SENT_RETRY_MS = [0, 100, 500];

/**
 * The server has the email: a database error now is not an SMTP failure (no breaker, no
 * 'pending', which would send it again). Retry the write briefly; if it still fails, the row
 * stays 'sending', so the lease keeps the job's retry from sending while the database recovers.
 */
async function recordSentAfterAccept(deps: SendDeps, deliveryId: number, messageId: string): Promise<void> {
  let lastError: unknown;
  for (const wait of RECORD_SENT_RETRY_MS) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      const sentAt = digestClock(deps);
      await (deps.recordSent ? deps.recordSent(deliveryId, messageId, sentAt) : recordOutcome(deps.db, deliveryId, 'sent', sentAt, { messageId }));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  deps.logger?.error({ deliveryId, messageId, err: lastError }, 'digest accepted by SMTP but recording it as sent failed');
  throw new AppError('unavailable', `delivery ${deliveryId} was accepted by SMTP but could not be recorded as sent`, { retryable: true, cause: lastError });
}

async function whyNot(deps: SendDeps, deliveryId: number, now: Date): Promise<string> {
  const state = await deliveryState(deps.db, deliveryId);
  if (!state) return 'delivery no longer exists';
  if (!['pending', 'sending'].includes(state.status)) return `already ${state.status}`;
  if (state.status === 'sending' && state.readerStatus === 'active' && !state.suppressed) {
    // Claimed by another attempt within the lease: back off; after the lease it is ours.
    throw new AppError('unavailable', `delivery ${deliveryId} is being sent by another worker (claimed ${state.updatedAt.toISOString()})`, { retryable: true });
  }
  const reason = state.suppressed ? 'address is suppressed' : `reader is ${state.readerStatus}`;
  await recordOutcome(deps.db, deliveryId, 'skipped', now, { lastError: reason });
  return reason;
}

async function handleSmtpFailure(deps: SendDeps, claimed: ClaimedDelivery, error: unknown, finalAttempt: boolean): Promise<SendOutcome> {
  const kind = classifySmtpError(error);
  const detail = describeSmtpError(error);
  const now = digestClock(deps);
  deps.logger?.warn({ deliveryId: claimed.id, attempt: claimed.attempts, kind, detail }, 'digest send failed');
  if (kind === 'recipient') {
    await hardBounce(deps, claimed, detail, now);
    return { failed: 'hard_bounce', deliveryId: claimed.id, detail };
  }
  await deps.breaker?.failure(detail);
  if (kind === 'permanent') {
    await recordOutcome(deps.db, claimed.id, 'failed', now, { lastError: detail });
    return { failed: 'rejected', deliveryId: claimed.id, detail };
  }
  await recordOutcome(deps.db, claimed.id, finalAttempt ? 'failed' : 'pending', now, { lastError: detail });
  throw new AppError('unavailable', `SMTP temporarily failed: ${detail}`, { retryable: true, cause: error });
}

/** 5xx to RCPT TO: the address is gone for good. Fail the delivery, suppress, mark bounced. */
async function hardBounce(deps: SendDeps, claimed: ClaimedDelivery, detail: string, now: Date): Promise<void> {
  await deps.db.$transaction([
    deps.db.delivery.updateMany({ where: { id: claimed.id }, data: { status: 'failed', lastError: detail, updatedAt: now } }),
    deps.db.deliveryPaper.deleteMany({ where: { deliveryId: claimed.id } }), // papers go back (see recordOutcome)
    ...hardBounceWrites(deps.db, claimed, detail, { deliveryId: claimed.id }),
  ]);
}

export function composeDigest(deps: Pick<SendDeps, 'config' | 'renderer'>, claimed: ClaimedDelivery, now: Date): ReturnType<typeof buildMessage> {
  const links = buildReaderLinks(deps.config, claimed.subscriberId, now);
  const content = deps.renderer.renderDigest({
    reader: { email: claimed.email },
    topics: claimed.topics,
    frequency: claimed.frequency,
    papers: claimed.papers.map(toDigestPaper),
    date: now,
    timeZone: claimed.timezone,
    links: { manageUrl: links.manageUrl, unsubscribeUrl: links.unsubscribeUrl },
  });
  return buildMessage({
    from: deps.config.MAIL_FROM,
    to: claimed.email,
    content,
    // The delivery id: every attempt of this digest carries the same Message-ID.
    idempotencyKey: `delivery-${claimed.id}`,
    list: DIGEST_LIST,
    unsubscribe: { url: links.oneClickUrl },
  });
}

export function toDigestPaper(p: PaperRow): DigestPaper {
  const arxiv = p.arxivUrl ?? `https://arxiv.org/abs/${p.sourceId}`;
  const code = p.githubRepo ? (/^https?:\/\//.test(p.githubRepo) ? p.githubRepo : `https://github.com/${p.githubRepo}`) : undefined;
  return {
    title: p.title,
    url: p.hfUrl ?? arxiv,
    authors: p.authors,
    summary: p.abstract,
    upvotes: p.upvotes,
    reason: decodeReason(p.reason),
    pdfUrl: p.pdfUrl ?? undefined,
    codeUrl: code,
  };
}

/** DeliveryPaper.reason holds the structured reason as JSON (see encodeReason) or plain text. */
export function decodeReason(stored: string): MatchReason | string {
  if (!stored.startsWith('{')) return stored;
  try {
    const r = JSON.parse(stored) as { topic: string; matched?: string[]; field?: string; text?: string };
    const field = r.field === 'title' || r.field === 'abstract' || r.field === 'keywords' ? r.field : undefined;
    return { topic: r.topic, matched: r.matched, ...(field ? { field } : {}) };
  } catch {
    return stored;
  }
}
