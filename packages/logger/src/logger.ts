// Structured JSON logs. Secrets are redacted by path; email addresses are masked wherever a
// caller logs them through maskEmail (info-level logs never carry a full address).
// In development on a terminal the same events print as readable lines (pino-pretty); anywhere
// else (production, a pipe, a file, a log collector) they stay one JSON object per line.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

const REDACT_PATHS = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'config.SECRET_KEY',
  'config.SECRET_KEY_PREVIOUS',
  'config.ADMIN_PASSWORD',
  'config.SMTP_URL',
  'config.DKIM_PRIVATE_KEY',
  'config.DATABASE_URL',
  'config.REDIS_URL',
];

/** Readable lines only for a person watching: development, with standard output a terminal. */
export function wantsPrettyLogs(isDevelopment: boolean, stream: { isTTY?: boolean } = process.stdout): boolean {
  return isDevelopment && stream.isTTY === true;
}

/** "12:04:15 ERROR api: redis: unreachable … {"source":"api"}": one line per event, stack traces only for errors. */
export function prettyStream(
  destination: NodeJS.WritableStream = process.stdout,
  colorize = true,
): pino.DestinationStream {
  return pretty({
    destination,
    sync: true, // a line is out before the process exits (shutdown's last lines)
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,name',
    messageFormat: '{if name}{name}: {end}{msg}',
  });
}

export function createLogger(options: {
  level: string;
  name: string;
  destination?: pino.DestinationStream;
  /** Readable lines instead of JSON (see wantsPrettyLogs); ignored when a destination is given. */
  pretty?: boolean;
}): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? (options.pretty ? prettyStream() : undefined),
  );
}
