// `--name=value`, `--name value` is NOT supported (ambiguous with positionals): flags are
// `--flag` (true) or `--flag=value`. `--` ends flags.
import { UsageError, type Command, type ParsedArgs } from './command';

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  let onlyPositionals = false;
  for (const arg of argv) {
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
    } else if (arg === '--') {
      onlyPositionals = true;
    } else if (arg === '-h') {
      flags.help = true;
    } else {
      const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
      if (!match) throw new UsageError(`Unrecognised option "${arg}" (options look like --name or --name=value).`);
      flags[match[1]!] = match[2] ?? true;
    }
  }
  return { positionals, flags };
}

export function validateArgs(command: Command, args: ParsedArgs): void {
  const allowed = new Set([...(command.flags ?? []), 'help']);
  for (const flag of Object.keys(args.flags)) {
    if (!allowed.has(flag)) throw new UsageError(`${command.name} does not take --${flag}.`);
  }
  const [min, max] = command.positionals ?? [0, 0];
  if (args.positionals.length < min)
    throw new UsageError(`${command.name} needs ${min === 1 ? 'an argument' : `${min} arguments`}.`);
  if (args.positionals.length > max)
    throw new UsageError(
      `${command.name} takes at most ${max} argument${max === 1 ? '' : 's'}; got "${args.positionals.join(' ')}".`,
    );
}

/** A positive integer flag, validated. */
export function intFlag(args: ParsedArgs, name: string, fallback: number, max: number): number {
  const raw = args.flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return value;
}
