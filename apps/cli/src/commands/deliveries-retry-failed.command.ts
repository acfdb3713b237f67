import { retryFailedDeliveries } from '@paperboy/core';
import type { CommandModule } from '../command';
import { intFlag } from '../parse-args';
import { progressBar } from '../progress-bar';

export const deliveriesRetryFailedCommand: CommandModule = {
  usage: 'deliveries:retry-failed [--days=7] [--dry-run]',
  details: `Rebuilds failed digests from the last --days days (default 7): each is queued again for
its reader and period and picks its papers afresh, e.g. after fixing SMTP settings. Digests of readers who are no longer
active (bounced, complained, unsubscribed) stay failed. --dry-run only counts.`,
  flags: ['days', 'dry-run'],
  async run(args, ctx) {
    const sinceDays = intFlag(args, 'days', 7, 365);
    const dryRun = Boolean(args.flags['dry-run']);
    let bar: ReturnType<typeof progressBar> | undefined;
    const result = await retryFailedDeliveries(
      { db: ctx.db, config: ctx.config, queues: ctx.queues },
      {
        sinceDays,
        dryRun,
        onProgress: ({ retried, total }) => {
          bar ??= progressBar('retrying', total);
          bar.update(retried);
        },
      },
    );
    bar?.done();
    const skipped = result.inactiveReaders ? `; ${result.inactiveReaders} left failed (reader no longer active)` : '';
    ctx.out(
      dryRun
        ? `Would retry ${result.eligible} failed digest(s) from the last ${sinceDays} day(s)${skipped}.`
        : `Retried ${result.retried} failed digest(s) from the last ${sinceDays} day(s)${skipped}.`,
    );
    return 0;
  },
};
