// Every operator command, in the order `paperboy --help` lists them. Each is loaded only when
// it runs (or its --help is asked for): @paperboy/core as a whole, with email and matching,
// takes memory that papers:import has no use for (its target: 100k papers < 300 MB peak).
import type { Command, CommandEntry } from '../command';

export const commands: CommandEntry[] = [
  {
    name: 'papers:import',
    summary: 'Import papers from a JSON list or NDJSON file',
    load: () => import('./papers-import.command.js').then((m) => m.papersImportCommand),
  },
  {
    name: 'digest:run',
    summary: "Queue the digests that are due now (or, with --now, every active reader's)",
    load: () => import('./digest-run.command.js').then((m) => m.digestRunCommand),
  },
  {
    name: 'digest:test',
    summary: 'Send one test digest to an address (records nothing)',
    load: () => import('./digest-test.command.js').then((m) => m.digestTestCommand),
  },
  {
    name: 'stats',
    summary: 'Show readers, papers, digests, sending state and top topics',
    load: () => import('./stats.command.js').then((m) => m.statsCommand),
  },
  {
    name: 'deliveries:retry-failed',
    summary: 'Send failed digests again (active readers only)',
    load: () => import('./deliveries-retry-failed.command.js').then((m) => m.deliveriesRetryFailedCommand),
  },
  {
    name: 'associations:rebuild',
    summary: 'Learn term associations from the stored papers now (what the daily job does)',
    load: () => import('./associations-rebuild.command.js').then((m) => m.associationsRebuildCommand),
  },
  {
    name: 'matches:refresh',
    summary: "Re-key stored topics and match the window's papers again with this version's matcher (after upgrading)",
    load: () => import('./matches-refresh.command.js').then((m) => m.matchesRefreshCommand),
  },
  {
    name: 'send:pause',
    summary: 'Stop sending digests (queued ones wait; nothing is lost)',
    load: () => import('./send-pause.command.js').then((m) => m.sendPauseCommand),
  },
  {
    name: 'send:resume',
    summary: 'Resume sending digests',
    load: () => import('./send-resume.command.js').then((m) => m.sendResumeCommand),
  },
];

export async function loadCommand(entry: CommandEntry): Promise<Command> {
  return { ...(await entry.load()), name: entry.name, summary: entry.summary };
}
