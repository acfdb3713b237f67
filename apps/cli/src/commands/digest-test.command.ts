// `digest:test <email> [--force]`: checks the address, opens the configured mail transport, and
// hands over to the test-digest use case (@paperboy/core), which picks, renders and sends.
import { emailProblem, normalizeEmail, sendTestDigest } from '@paperboy/core';
import { createMailTransport, mailTransportOptions } from '@paperboy/email';
import { maskEmail } from '@paperboy/logger';
import { UsageError, type CommandModule } from '../command';

export const digestTestCommand: CommandModule = {
  usage: 'digest:test <email> [--force]',
  details: `Renders and sends one digest through the configured SMTP server (or the dev mailbox),
exactly as the worker would. A subscribed address gets its own ranked papers; any other
address gets the most upvoted recent papers. No Delivery is recorded, so the reader's real
digest is unaffected. Suppressed addresses (bounced, complained, unsubscribed) are refused
unless --force.`,
  flags: ['force'],
  positionals: [1, 1],
  async run(args, ctx) {
    const email = normalizeEmail(args.positionals[0]!);
    const problem = emailProblem(email);
    if (problem) throw new UsageError(`"${args.positionals[0]}" is not a usable address: ${problem}`);
    // One connection, signed like the worker's mail when DKIM is configured.
    const mail = createMailTransport(mailTransportOptions(ctx.config, 1));
    const result = await sendTestDigest({ db: ctx.db, config: ctx.config, mail }, email, {
      force: Boolean(args.flags.force),
    }).finally(() => mail.close());
    if (result.status === 'suppressed') {
      ctx.err(
        `${email} is suppressed (it bounced, complained or unsubscribed); not sending. Use --force to send anyway.`,
      );
      return 1;
    }
    ctx.logger.info({ to: maskEmail(email), messageId: result.messageId }, 'cli: test digest sent');
    ctx.out(
      `Test digest sent to ${email}: ${result.papers} paper(s), ${result.personalised ? "the reader's own ranking" : 'most upvoted recent papers (not a subscriber)'}. Message-ID ${result.messageId}`,
    );
    if (result.papers === 0)
      ctx.err('Note: it had no papers (import some with papers:import, or check MATCH_WINDOW_DAYS).');
    return 0;
  },
};
