// One operator command: its name, help text, the flags it accepts, and what it does. Adding a
// command is one file under commands/ (the CommandModule) plus one entry in commands/index.ts
// (name, summary and how to load it, so only the command being run is loaded).
import type { CliContext } from './cli-context';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. "papers:import <file> [--batch-size=500]" */
  usage: string;
  /** Paragraphs shown by `paperboy <command> --help`. */
  details: string;
  /** Accepted flags (without --); anything else is an input error. */
  flags?: string[];
  /** How many positionals it takes: [min, max]. */
  positionals?: [number, number];
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

/** What a commands/*.command.ts file exports; name and summary live in the registry. */
export type CommandModule = Omit<Command, 'name' | 'summary'>;

/** A registry entry: enough for the command list, the rest loaded only when run or asked for help. */
export interface CommandEntry extends Pick<Command, 'name' | 'summary'> {
  load(): Promise<CommandModule>;
}

/** Exit codes operators can script against. */
export const EXIT = { ok: 0, failed: 1, usage: 64, unavailable: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
