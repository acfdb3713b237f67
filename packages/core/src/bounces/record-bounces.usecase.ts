// Records bounces and complaints that relays report after accepting an email (webhooks, or
// DSN / ARF reports from the bounce mailbox) and suppresses through the same path as a
// synchronous 5.1.x (suppressionWrites in subscribers/store): the address's hash with its reason, the
// reader stopped (bounced / complained), an audit event.
//   - Idempotent: each (provider, event id, address hash) is inserted once, in the same
//     transaction as its suppression; a notification delivered again finds the row and does
//     nothing (relays retry webhooks, a mailbox may be read twice).
//   - Who: when the notice quotes our Message-ID and it names a digest, that digest's reader
//     (complaint reports often redact the address); otherwise the addresses it names.
//   - Only hard bounces and complaints suppress; soft bounces are recorded, for the overview,
//     unless one address gathers `softBounceLimit` of them within the window (then: hard).
import type { Db } from '@paperboy/db';
import type { BounceNotice } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import { hashEmail, MAX_EMAIL_LENGTH, normalizeEmail } from '../subscribers/email-address';
import { suppressionWrites } from '../subscribers/store';
import {
  type BounceTarget,
  countSoftBounces,
  insertBounceEvent,
  markEventSuppressed,
  readerByMessageId,
  readersByEmail,
} from './bounces.store';

export interface BounceDeps {
  db: Db;
  logger?: Logger;
  /**
   * Soft bounces of one address that suppress it as a hard bounce when they are this many within
   * `softBounceWindowDays` (BOUNCE_SOFT_LIMIT; absent or 0: soft bounces never suppress).
   */
  softBounceLimit?: number;
  softBounceWindowDays?: number;
  /** Called once per new event (not for duplicates): the callers count them in their metrics. */
  onRecorded?: (event: { provider: string; reason: ReturnType<typeof reasonOf> }) => void;
}

export interface RecordedBounces {
  /** New events stored (one per notice and address). */
  recorded: number;
  /** Events already stored: the same notification again. */
  duplicates: number;
  /** Of the new events, those that suppressed their address. */
  suppressed: number;
}

export function reasonOf(
  notice: Pick<BounceNotice, 'kind' | 'permanent'>,
): 'hard_bounce' | 'soft_bounce' | 'complaint' {
  return notice.kind === 'complaint' ? 'complaint' : notice.permanent ? 'hard_bounce' : 'soft_bounce';
}

async function targetsOf(db: Db, notice: BounceNotice): Promise<BounceTarget[]> {
  const ours = notice.messageId ? await readerByMessageId(db, notice.messageId) : undefined;
  if (ours) return [ours];
  const emails = [...new Set(notice.recipients.map(normalizeEmail))].filter(
    (e) => e.includes('@') && e.length <= MAX_EMAIL_LENGTH,
  );
  return emails.length ? readersByEmail(db, emails) : [];
}

export async function recordBounceNotices(deps: BounceDeps, notices: BounceNotice[]): Promise<RecordedBounces> {
  const result: RecordedBounces = { recorded: 0, duplicates: 0, suppressed: 0 };
  for (const notice of notices) {
    const reason = reasonOf(notice);
    const suppress = reason !== 'soft_bounce';
    for (const target of await targetsOf(deps.db, notice)) {
      const outcome = await deps.db.$transaction(async (tx) => {
        const inserted = await insertBounceEvent(tx, {
          provider: notice.provider,
          eventId: notice.eventId.slice(0, 500),
          emailHash: hashEmail(target.email),
          kind: notice.kind,
          reason,
          suppressed: suppress,
          detail: notice.detail.slice(0, 300),
          subscriberId: target.subscriberId,
          occurredAt: notice.occurredAt ?? null,
        });
        if (!inserted) return { inserted: false, suppressed: false };
        if (suppress) {
          for (const write of suppressionWrites(tx, target, reason, notice.detail, {
            provider: notice.provider,
            async: true,
          }))
            await write;
          return { inserted: true, suppressed: true };
        }
        const limit = deps.softBounceLimit ?? 0;
        if (limit <= 0) return { inserted: true, suppressed: false };
        // Soft bounces piling up: the address is abandoned in all but name.
        const days = deps.softBounceWindowDays ?? 30;
        const emailHash = hashEmail(target.email);
        const recent = await countSoftBounces(tx, emailHash, new Date(Date.now() - days * 24 * 3600_000));
        if (recent < limit) return { inserted: true, suppressed: false };
        const detail = `${recent} soft bounces in ${days} days (last: ${notice.detail})`.slice(0, 300);
        for (const write of suppressionWrites(tx, target, 'hard_bounce', detail, {
          provider: notice.provider,
          async: true,
          softBounces: recent,
        }))
          await write;
        await markEventSuppressed(tx, { provider: notice.provider, eventId: notice.eventId.slice(0, 500), emailHash });
        return { inserted: true, suppressed: true };
      });
      if (outcome.inserted) {
        deps.onRecorded?.({ provider: notice.provider, reason });
        result.recorded++;
        if (outcome.suppressed) result.suppressed++;
      } else result.duplicates++;
    }
  }
  if (result.recorded)
    deps.logger?.info({ bounces: result, provider: notices[0]?.provider }, 'asynchronous bounces recorded');
  return result;
}
