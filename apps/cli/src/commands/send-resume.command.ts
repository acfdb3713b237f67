import { setSendingPaused } from '@paperboy/core';
import type { CommandModule } from '../command';

export const sendResumeCommand: CommandModule = {
  usage: 'send:resume',
  details: `Resumes the digest-send queue (paused by send:pause, the /admin button, or automatically
after repeated SMTP errors). Waiting digests go out at SEND_RATE_PER_SECOND.`,
  async run(_args, ctx) {
    const state = await setSendingPaused(ctx.queues, false);
    ctx.out(`Sending resumed. ${state.counts.waiting ?? 0} digest(s) waiting.`);
    return 0;
  },
};
