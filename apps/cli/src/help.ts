import type { Command } from './command';

const PROGRAM = 'npm run paperboy --';

export function generalHelp(commands: Pick<Command, 'name' | 'summary'>[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `paperboy operator CLI

Usage: ${PROGRAM} <command> [arguments] [--options]
       ${PROGRAM} <command> --help     details of one command

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Configuration comes from the environment (DATABASE_URL, REDIS_URL, SMTP_URL, ...; see
.env.example). Results go to stdout, progress and problems to stderr.
Exit codes: 0 done, 1 failed, 2 not available in this version, 64 bad usage.
`;
}

export function commandHelp(command: Command): string {
  return `Usage: ${PROGRAM} ${command.usage}

${command.summary}.

${command.details}
`;
}
