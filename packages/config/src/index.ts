// The only module that reads process.env. Everything else receives a Config object.
import { envSchema, type Env } from './schema';

export type { Env };

export interface Config extends Env {
  PUBLIC_URL: string;
  HOST: string;
  SECRET_KEY: string;
  isProduction: boolean;
  isDevelopment: boolean;
  /** SMTP_URL unset: the built-in dev mailbox receives every email. */
  useDevMailbox: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_SECRET = 'paperboy-development-secret-do-not-use-in-production';

/** Parses and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.SECRET_KEY) problems.push('SECRET_KEY: required when NODE_ENV=production');
  if (isProduction && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required when NODE_ENV=production');
  if (isProduction && !e.SMTP_URL) problems.push('SMTP_URL: required when NODE_ENV=production (the dev mailbox is for development)');
  // A day's margin: a link is stamped when its email job runs, which may be after the claim.
  if (e.UNCONFIRMED_READER_DAYS > 0 && e.UNCONFIRMED_READER_DAYS * 24 < e.CONFIRM_LINK_HOURS + 24) {
    problems.push('UNCONFIRMED_READER_DAYS: must outlast CONFIRM_LINK_HOURS by a day (a confirmation link must not outlive its reader), or be 0');
  }
  if (Boolean(e.ADMIN_USER) !== Boolean(e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_USER and ADMIN_PASSWORD: set both or neither');
  }
  const dkim = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter(Boolean).length;
  if (dkim !== 0 && dkim !== 3) problems.push('DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY: set all three or none');
  if (problems.length) throw new ConfigError(problems);
  return {
    ...e,
    // Development serves an open admin and the dev mailbox (live confirm/manage links):
    // reachable from this machine only, unless HOST says otherwise.
    HOST: e.HOST ?? (e.NODE_ENV === 'development' ? '127.0.0.1' : '0.0.0.0'),
    PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    SECRET_KEY: e.SECRET_KEY ?? DEV_SECRET,
    isProduction,
    isDevelopment: e.NODE_ENV === 'development',
    useDevMailbox: !e.SMTP_URL,
  };
}
