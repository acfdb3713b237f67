// `npm run paperboy -- <command>`: the operator CLI. Parses and validates the command line
// before touching any service, runs one command, closes every connection, and exits with a
// code scripts can rely on (see help.ts). Only the command being run is loaded (commands/index.ts).
import { ConfigError } from '@paperboy/config';
// The error module alone (a subpath of the package), not @paperboy/core's index, which would
// load every use case.
import { isAppError } from '@paperboy/core/errors';
import { createCliContext } from './cli-context';
import { EXIT, UsageError } from './command';
import { commands, loadCommand } from './commands';
import { commandHelp, generalHelp } from './help';
import { parseArgs, validateArgs } from './parse-args';

function describe(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (isAppError(error)) return `${error.message} (${error.code})`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED')
    return `cannot connect: ${(error as Error).message}. Are Postgres and Redis running (DATABASE_URL, REDIS_URL)?`;
  return error instanceof Error ? error.message : String(error);
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: help on stdout, exit 0. No command at all: help on stderr, usage error.
    (name ? process.stdout : process.stderr).write(generalHelp(commands));
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const close = commands.filter((c) => c.name.split(':')[0] === name.split(':')[0]).map((c) => c.name);
    process.stderr.write(
      `Unknown command "${name}".${close.length ? ` Did you mean ${close.join(' or ')}?` : ''} See: npm run paperboy -- --help\n`,
    );
    return EXIT.usage;
  }
  const command = await loadCommand(entry);
  const context = createCliContext();
  try {
    const args = parseArgs(rest);
    if (args.flags.help) {
      process.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    validateArgs(command, args);
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: npm run paperboy -- ${command.usage}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`${command.name} failed: ${describe(error)}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT.failed;
  } finally {
    await context.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`paperboy: ${describe(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
