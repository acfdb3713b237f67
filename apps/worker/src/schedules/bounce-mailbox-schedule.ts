// The bounce mailbox is polled every BOUNCE_IMAP_EVERY_SECONDS while BOUNCE_IMAP_URL is set; with
// it unset the scheduler is removed, so turning the mailbox off needs no Redis surgery.
// upsertJobScheduler is idempotent: every worker registers it, the watchdog again if Redis lost it.
import type { Config } from '@paperboy/config';
import { QUEUE, type Queues } from '@paperboy/queue';

export const BOUNCE_MAILBOX_SCHEDULER_ID = 'bounce-mailbox-poll';

type MailboxQueues = Pick<Queues, typeof QUEUE.bounceMailbox>;

export async function applyBounceMailboxSchedule(
  queues: MailboxQueues,
  config: Pick<Config, 'BOUNCE_IMAP_URL' | 'BOUNCE_IMAP_EVERY_SECONDS'>,
): Promise<boolean> {
  const queue = queues[QUEUE.bounceMailbox];
  if (!config.BOUNCE_IMAP_URL) {
    await queue.removeJobScheduler(BOUNCE_MAILBOX_SCHEDULER_ID);
    return false;
  }
  await queue.upsertJobScheduler(
    BOUNCE_MAILBOX_SCHEDULER_ID,
    { every: config.BOUNCE_IMAP_EVERY_SECONDS * 1000 },
    // One attempt: the next poll comes soon anyway and reads whatever this one left unseen.
    { name: 'poll', data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
  );
  return true;
}
