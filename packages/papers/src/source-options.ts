// Validation shared by the adapters: a bad option is a programming or configuration
// error, so it throws at once with a message naming the option.
import type { FetchOptions, SourceCursor } from './paper.types';

const DAY_MS = 86_400_000;

export function requireHttpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: not a URL (${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name}: must be http(s), got ${url.protocol}`);
  return value.replace(/\/+$/, '');
}

export function requireInt(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}: expected an integer in ${min}..${max}, got ${value}`);
  return value;
}

/** Checks since/until are real dates in order; returns them (until defaults to `now`). */
export function resolveRange(options: FetchOptions, now: Date): { since?: Date; until: Date } {
  for (const key of ['since', 'until'] as const) {
    const value = options[key];
    if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime())))
      throw new Error(`${key}: not a valid Date`);
  }
  const until = options.until ?? now;
  if (options.since && options.since > until)
    throw new Error(`since (${iso(options.since)}) is after until (${iso(until)})`);
  return options.since ? { since: options.since, until } : { until };
}

/** `YYYY-MM-DD` in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every UTC day from `since` to `until`, inclusive, oldest first. */
export function utcDays(since: Date, until: Date, maxDays: number): string[] {
  const start = Date.parse(utcDay(since));
  const end = Date.parse(utcDay(until));
  const count = Math.round((end - start) / DAY_MS) + 1;
  if (count > maxDays) throw new Error(`date range spans ${count} days; at most ${maxDays} per fetch`);
  return Array.from({ length: count }, (_, i) => utcDay(new Date(start + i * DAY_MS)));
}

/** Reads a field of a resume cursor, refusing cursors from another source or version. */
export function cursorField<T extends 'string' | 'number'>(
  cursor: SourceCursor,
  key: string,
  type: T,
): T extends 'string' ? string : number {
  const value = cursor[key];
  if (typeof value !== type) throw new Error(`cursor.${key}: expected ${type}, got ${JSON.stringify(value)}`);
  return value as T extends 'string' ? string : number;
}

function iso(date: Date): string {
  return date.toISOString();
}
