// One poll of the bounce mailbox (BOUNCE_IMAP_URL): each unseen message that is a DSN or an
// ARF report is recorded (and suppresses) like a webhook's notice, as provider "mailbox"; other
// messages (auto-replies, mail for a person) are only flagged \Seen. A message that cannot be
// parsed is skipped the same way: left unseen it would be read again at every poll. A database
// failure throws before the message is flagged, so the job's retry reads it again (idempotent).
import { type BounceMailboxOptions, pollBounceMailbox, reportNotices } from '@paperboy/email';
import { type BounceDeps, type RecordedBounces, recordBounceNotices } from './record-bounces.usecase';

export interface MailboxReading extends RecordedBounces {
  unseen: number;
  /** Messages read that were neither a DSN nor an ARF report (or could not be parsed). */
  ignored: number;
  skippedTooLarge: number;
}

export async function readBounceMailbox(deps: BounceDeps, options: BounceMailboxOptions): Promise<MailboxReading> {
  const totals: MailboxReading = {
    unseen: 0,
    ignored: 0,
    skippedTooLarge: 0,
    recorded: 0,
    duplicates: 0,
    suppressed: 0,
  };
  const poll = await pollBounceMailbox(options, async (raw, uid) => {
    const notices = await reportNotices(raw).catch((err: unknown) => {
      deps.logger?.warn({ uid, err: (err as Error).message }, 'bounce mailbox: message could not be parsed');
      return undefined;
    });
    if (!notices) {
      totals.ignored++;
      return;
    }
    const recorded = await recordBounceNotices(deps, notices);
    totals.recorded += recorded.recorded;
    totals.duplicates += recorded.duplicates;
    totals.suppressed += recorded.suppressed;
  });
  return { ...totals, unseen: poll.unseen, skippedTooLarge: poll.skippedTooLarge };
}
