// Every operator command, in the order `paperboy --help` lists them.
import type { Command } from '../command';
import { deliveriesRetryFailedCommand } from './deliveries-retry-failed.command';
import { digestRunCommand } from './digest-run.command';
import { digestTestCommand } from './digest-test.command';
import { papersImportCommand } from './papers-import.command';
import { sendPauseCommand } from './send-pause.command';
import { sendResumeCommand } from './send-resume.command';
import { statsCommand } from './stats.command';

export const commands: Command[] = [
  papersImportCommand,
  digestRunCommand,
  digestTestCommand,
  statsCommand,
  deliveriesRetryFailedCommand,
  sendPauseCommand,
  sendResumeCommand,
];
