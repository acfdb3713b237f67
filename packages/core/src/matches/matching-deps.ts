// What the matching use cases receive: the database, the settings they read, and a clock.
// WorkerDeps and the API's deps satisfy this as they are; tests pass a fixed clock.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { AppError } from '../errors';

export interface MatchingDeps {
  db: Db;
  config?: Partial<Pick<Config, 'DIGEST_MAX_PAPERS' | 'MATCH_WINDOW_DAYS' | 'ASSOCIATION_WINDOW_DAYS'>>;
  now?: () => Date;
}

export const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 14;

export const nowOf = (deps: Pick<MatchingDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());

export const windowDaysOf = (deps: MatchingDeps, override?: number): number =>
  positiveInt(override ?? deps.config?.MATCH_WINDOW_DAYS ?? DEFAULT_WINDOW_DAYS, 'windowDays', 3650);

/** Validates a count given by a caller: a bad one is the caller's bug, never retryable. */
export function positiveInt(value: unknown, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError('invalid_input', `${name} must be an integer between 1 and ${max}`);
  }
  return value;
}

/** Distinct positive integer ids, at most `max`: the shape every id list here must have. */
export function validIds(ids: unknown, name: string, max: number): number[] {
  if (!Array.isArray(ids)) throw new AppError('invalid_input', `${name} must be an array of ids`);
  if (ids.length > max) throw new AppError('invalid_input', `${name} has ${ids.length} ids (at most ${max})`);
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || (id as number) < 1)
      throw new AppError('invalid_input', `${name} must hold positive integers`);
  }
  return [...new Set(ids as number[])];
}
