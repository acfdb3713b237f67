// Structured JSON logs. Secrets are redacted by path; email addresses are masked wherever a
// caller logs them through maskEmail (info-level logs never carry a full address).
import pino, { type Logger } from 'pino';

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

export function createLogger(options: { level: string; name: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
