// QUEUE.bounceMailbox: one poll of the bounce mailbox (BOUNCE_IMAP_URL) for DSN and ARF
// reports, every BOUNCE_IMAP_EVERY_SECONDS. Reading is idempotent (reports are recorded once by
// their Message-ID, and flagged \Seen after), so a retry or an overlapping poll does no harm;
// one at a time per process keeps the IMAP server's connection count low.
import { readBounceMailbox } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { defineProcessor } from './processor';

export const bounceMailboxProcessor = defineProcessor({
  queue: QUEUE.bounceMailbox,
  options: () => ({ concurrency: 1 }),
  async handle(_payload, _job, deps) {
    const url = deps.config.BOUNCE_IMAP_URL;
    if (!url) return { skipped: 'BOUNCE_IMAP_URL is not set' };
    const reading = await readBounceMailbox(
      {
        db: deps.db,
        logger: deps.logger,
        onRecorded: (event) => deps.metrics?.bouncesReported.inc(event),
        softBounceLimit: deps.config.BOUNCE_SOFT_LIMIT,
        softBounceWindowDays: deps.config.BOUNCE_SOFT_WINDOW_DAYS,
      },
      { url },
    );
    if (reading.unseen) deps.logger.info({ bounceMailbox: reading }, 'bounce mailbox read');
    return reading;
  },
});
