// Records bounces and complaints that relays report after accepting an email (webhooks, or
// DSN / ARF reports from the bounce mailbox) and suppresses through the same path as a
// synchronous 5.1.x (subscribers/hard-bounce.ts): the address's hash with its reason, the
// reader stopped (bounced / complained), an audit event.
//   - Idempotent: each (provider, event id, address hash) is inserted once, in the same
//     transaction as its suppression; a notification delivered again finds the row and does
//     nothing (relays retry webhooks, a mailbox may be read twice).
//   - Who: when the notice quotes our Message-ID and it names a digest, that digest's reader
//     (complaint reports often redact the address); otherwise the addresses it names.
//   - Only hard bounces and complaints suppress; soft bounces are recorded, for the overview.
import type { Db } from '@paperboy/db';
import type { BounceNotice } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import { hashEmail, MAX_EMAIL_LENGTH, normalizeEmail } from '../subscribers/email-address';
import { suppressionWrites } from '../subscribers/hard-bounce';
import { type BounceTarget, readerByMessageId, readersByEmail } from './bounce-events.queries';

export interface BounceDeps {
  db: Db;
  logger?: Logger;
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
      const inserted = await deps.db.$transaction(async (tx) => {
        const { count } = await tx.bounceEvent.createMany({
          data: [
            {
              provider: notice.provider,
              eventId: notice.eventId.slice(0, 500),
              emailHash: hashEmail(target.email),
              kind: notice.kind,
              reason,
              suppressed: suppress,
              detail: notice.detail.slice(0, 300),
              subscriberId: target.subscriberId,
              occurredAt: notice.occurredAt ?? null,
            },
          ],
          skipDuplicates: true,
        });
        if (count === 0 || !suppress) return count;
        for (const write of suppressionWrites(tx, target, reason, notice.detail, {
          provider: notice.provider,
          async: true,
        }))
          await write;
        return count;
      });
      if (inserted) {
        deps.onRecorded?.({ provider: notice.provider, reason });
        result.recorded++;
        if (suppress) result.suppressed++;
      } else result.duplicates++;
    }
  }
  if (result.recorded)
    deps.logger?.info({ bounces: result, provider: notices[0]?.provider }, 'asynchronous bounces recorded');
  return result;
}
