import { scheduleDigests } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import type { CommandModule } from '../command';
import { intFlag } from '../parse-args';
import { type ProgressBar, progressBar } from '../progress-bar';

export const digestRunCommand: CommandModule = {
  usage: 'digest:run [--now] [--batch-size=1000]',
  details: `Does what the every-minute schedule job does, once: finds readers whose digest is due
and queues one build job each; the worker builds and sends them (at SEND_RATE_PER_SECOND).
--now: every active reader gets this period's digest immediately, whatever their hour.
Safe to repeat: a reader's digest for a period exists once (unique key), and no paper is
ever sent to a reader twice. Needs a running worker to actually send.`,
  flags: ['now', 'batch-size'],
  async run(args, ctx) {
    const force = Boolean(args.flags.now);
    const batchSize = intFlag(args, 'batch-size', 1000, 10_000);
    let bar: ProgressBar | undefined;
    const result = await scheduleDigests(
      { db: ctx.db, config: ctx.config, queues: ctx.queues, logger: ctx.logger },
      {
        force,
        batchSize,
        onProgress: ({ queued, total }) => {
          bar ??= progressBar('queueing digests', total);
          bar.update(queued, `${queued.toLocaleString('en-US')} queued`);
        },
      },
    );
    bar?.done();
    ctx.out(
      `${result.readers.toLocaleString('en-US')} reader(s) due; ${result.enqueued.toLocaleString('en-US')} digest build(s) queued${force ? ' (--now: every active reader)' : ''}. The worker builds and sends them.`,
    );
    if (result.alreadyBuilt > 0) {
      ctx.out(
        `${result.alreadyBuilt.toLocaleString('en-US')} of them already had this period's digest (one per reader and period): nothing new goes to them until the next period.`,
      );
    }
    if (await ctx.queues[QUEUE.digestSend].isPaused())
      ctx.err('Note: sending is paused; digests will wait until send:resume.');
    return 0;
  },
};
