import { setSendingPaused } from '@paperboy/core';
import type { CommandModule } from '../command';

export const sendPauseCommand: CommandModule = {
  usage: 'send:pause',
  details: `Pauses the digest-send queue for every worker: emails being sent finish, the rest wait
in the queue. Same switch as the button on /admin. Undo with send:resume.`,
  async run(_args, ctx) {
    const state = await setSendingPaused(ctx.queues, true);
    ctx.out(
      `Sending paused. ${state.counts.waiting ?? 0} digest(s) waiting; resume with: npm run paperboy -- send:resume`,
    );
    return 0;
  },
};
