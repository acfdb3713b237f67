// The only module that reads process.env. Everything else receives a Config object.
import { createPublicKey } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { developmentSecretKey, DEV_SECRET_FILE } from './dev-secret';
import { DOT_ENV_FILE, withDotEnv } from './dot-env';
import { isLoopbackHost, isLoopbackUrl } from './loopback';
import { envSchema, type Env } from './schema';
import { storageConfig, type StorageConfig } from './storage';

export type { Env };
export { isLoopbackHost, isLoopbackUrl, DEV_SECRET_FILE, DOT_ENV_FILE };

export interface Config extends Env, StorageConfig {
  PUBLIC_URL: string;
  HOST: string;
  SECRET_KEY: string;
  /** Where SECRET_KEY came from: the environment, or the generated key file (development and tests on this machine). */
  secretKeySource: 'environment' | 'development file';
  /** HOST reaches this machine only: the condition for development conveniences (open admin). */
  listensOnLoopbackOnly: boolean;
  isProduction: boolean;
  isDevelopment: boolean;
  /** SMTP_URL unset: the built-in dev mailbox receives every email. */
  useDevMailbox: boolean;
  /** Worker processes the worker command runs (default 1: see the README's "Worker processes"). */
  WORKER_PROCESSES: number;
  /** Compose threads per worker process, "auto" resolved for this machine. */
  SEND_COMPOSE_THREADS: number;
}

/** A compose thread where the worker's event loops leave a core free (see SEND_COMPOSE_THREADS). */
export function composeThreads(setting: Env['SEND_COMPOSE_THREADS'], processes: number, cores: number): number {
  if (setting !== 'auto') return setting;
  return processes < cores ? 1 : 0;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function isPublicKey(text: string): boolean {
  try {
    const t = text.trim();
    if (t.includes('BEGIN PUBLIC KEY')) createPublicKey(t);
    else createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadOptions {
  /** Where development keeps its generated SECRET_KEY (tests point it elsewhere). */
  devSecretFile?: string;
  /**
   * The `.env` file to read under the environment. Default: the repository's `.env`, read only
   * when loading `process.env` itself (an explicit env object, as tests pass, stands alone).
   */
  dotEnvFile?: string;
}

/** Parses and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(given: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const env = options.dotEnvFile !== undefined || given === process.env ? withDotEnv(given, options.dotEnvFile) : given;
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.NODE_ENV === 'production';
  // Production listens everywhere (behind its proxy); development and tests on this machine only.
  const host = e.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const localOnly = isLoopbackHost(host) && isLoopbackUrl(publicUrl);
  if (isProduction && !e.SECRET_KEY) problems.push('SECRET_KEY: required when NODE_ENV=production');
  else if (!e.SECRET_KEY && !localOnly) {
    problems.push(
      `SECRET_KEY: required when PUBLIC_URL is not localhost or HOST listens beyond loopback (PUBLIC_URL=${publicUrl}, HOST=${host}); generate one with: openssl rand -base64 32`,
    );
  }
  if (e.METRICS_PORT && !e.METRICS_TOKEN && !isLoopbackHost(e.METRICS_HOST)) {
    problems.push(
      `METRICS_TOKEN: required when the worker's /metrics listens beyond loopback (METRICS_HOST=${e.METRICS_HOST})`,
    );
  }
  if (isProduction && e.DATABASE_URL === 'embedded')
    problems.push(
      'DATABASE_URL: embedded PostgreSQL (PGlite) is for trying paperboy; use a real PostgreSQL in production',
    );
  if (isProduction && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required when NODE_ENV=production');
  if (isProduction && !e.SMTP_URL)
    problems.push('SMTP_URL: required when NODE_ENV=production (the dev mailbox is for development)');
  // A day's margin: a link is stamped when its email job runs, which may be after the claim.
  if (e.UNCONFIRMED_READER_DAYS > 0 && e.UNCONFIRMED_READER_DAYS * 24 < e.CONFIRM_LINK_HOURS + 24) {
    problems.push(
      'UNCONFIRMED_READER_DAYS: must outlast CONFIRM_LINK_HOURS by a day (a confirmation link must not outlive its reader), or be 0',
    );
  }
  if (Boolean(e.ADMIN_USER) !== Boolean(e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_USER and ADMIN_PASSWORD: set both or neither');
  }
  const dkim = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter(Boolean).length;
  if (dkim !== 0 && dkim !== 3) problems.push('DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY: set all three or none');
  if (Boolean(e.BOUNCE_POSTMARK_USER) !== Boolean(e.BOUNCE_POSTMARK_PASSWORD))
    problems.push('BOUNCE_POSTMARK_USER and BOUNCE_POSTMARK_PASSWORD: set both or neither');
  if (e.BOUNCE_SNS_URL_PATTERN !== undefined) {
    // Widening where SNS certificates may come from would let anyone sign "bounces": tests only.
    if (e.NODE_ENV !== 'test') problems.push('BOUNCE_SNS_URL_PATTERN: only for tests (NODE_ENV=test)');
    else if (!isRegExp(e.BOUNCE_SNS_URL_PATTERN)) problems.push('BOUNCE_SNS_URL_PATTERN: not a regular expression');
  }
  if (e.BOUNCE_SENDGRID_PUBLIC_KEY && !isPublicKey(e.BOUNCE_SENDGRID_PUBLIC_KEY))
    problems.push('BOUNCE_SENDGRID_PUBLIC_KEY: not a public key (paste the verification key SendGrid shows)');
  if (problems.length) throw new ConfigError(problems);
  let secret: Pick<Config, 'SECRET_KEY' | 'secretKeySource'>;
  try {
    secret = e.SECRET_KEY
      ? { SECRET_KEY: e.SECRET_KEY, secretKeySource: 'environment' }
      : { SECRET_KEY: developmentSecretKey(options.devSecretFile), secretKeySource: 'development file' };
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  return {
    ...e,
    ...storageConfig(e, raw),
    // Development serves the dev mailbox (live confirm/manage links) and, without credentials,
    // an open admin: reachable from this machine only, unless HOST says otherwise.
    HOST: host,
    PUBLIC_URL: publicUrl,
    ...secret,
    listensOnLoopbackOnly: isLoopbackHost(host),
    isProduction,
    isDevelopment: e.NODE_ENV === 'development',
    useDevMailbox: !e.SMTP_URL,
    WORKER_PROCESSES: e.WORKER_PROCESSES,
    SEND_COMPOSE_THREADS: composeThreads(e.SEND_COMPOSE_THREADS, e.WORKER_PROCESSES, availableParallelism()),
  };
}
