// Small readers for loosely typed input fields. Each returns a value or a problem string
// naming the field, so normalizePaper can report every problem of a record at once.
import { cleanText, collapseWhitespace } from './clean-text';

export type Read<T> = { value: T } | { problem: string };

/** Counts are PostgreSQL integers. */
const MAX_COUNT = 2 ** 31 - 1;
/** Beyond this a paper's author list is "et al." in every view; the stored list is capped. */
export const MAX_AUTHORS = 100;
export const MAX_NAME_LENGTH = 300;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate is no character at all: such a record is refused, not cleaned up silently. */
export function unstorable(value: string, field: string): { problem: string } | undefined {
  return UNSTORABLE.test(value)
    ? { problem: `${field}: contains a NUL character or invalid Unicode (a lone surrogate)` }
    : undefined;
}

const EARLIEST = Date.UTC(1990, 0, 1); // before arXiv; anything older is a parsing accident
const LATEST = Date.UTC(2100, 0, 1);

export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A required text field, cleaned of markup; blank after cleaning counts as missing. */
export function readText(value: unknown, field: string, maxLength: number): Read<string> {
  if (isMissing(value)) return { problem: `${field}: missing` };
  if (typeof value !== 'string') return { problem: `${field}: expected text, got ${typeOf(value)}` };
  const bad = unstorable(value, field);
  if (bad) return bad;
  const text = cleanText(value);
  if (!text) return { problem: `${field}: empty after cleaning` };
  if (text.length > maxLength) return { problem: `${field}: longer than ${maxLength} characters` };
  return { value: text };
}

export function readDate(value: unknown, field: string): Read<Date> {
  if (isMissing(value)) return { problem: `${field}: missing` };
  const date =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return { problem: `${field}: not a date (${preview(value)})` };
  if (date.getTime() < EARLIEST || date.getTime() >= LATEST)
    return { problem: `${field}: out of range (${date.toISOString()})` };
  return { value: date };
}

export function readOptionalDate(value: unknown, field: string): Read<Date | null> {
  return isMissing(value) ? { value: null } : readDate(value, field);
}

/** A non-negative integer count; numeric strings are accepted ("12"), absent means `fallback`. */
export function readCount<F extends number | null>(value: unknown, field: string, fallback: F): Read<number | F> {
  if (isMissing(value)) return { value: fallback };
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    return { problem: `${field}: expected a non-negative integer, got ${preview(value)}` };
  }
  if (n > MAX_COUNT) {
    return { problem: `${field}: larger than ${MAX_COUNT} (got ${preview(value)})` };
  }
  return { value: n };
}

/** An optional http(s) link. Anything else is dropped (with a warning), never stored:
 *  these end up as hrefs in emails, so `javascript:` and friends must not pass. */
export function readUrl(value: unknown, field: string, warnings: string[]): string | null {
  if (isMissing(value)) return null;
  if (typeof value === 'string') {
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
    } catch {
      // fall through to the warning
    }
  }
  warnings.push(`${field}: not an http(s) URL (${preview(value)}), dropped`);
  return null;
}

/** A list of short strings, cleaned, de-duplicated case-insensitively, capped. */
export function readStringList(value: unknown, field: string, max: number): Read<string[]> {
  if (isMissing(value)) return { value: [] };
  if (!Array.isArray(value)) return { problem: `${field}: expected a list, got ${typeOf(value)}` };
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return { problem: `${field}: expected text items, got ${typeOf(item)}` };
    const bad = unstorable(item, field);
    if (bad) return bad;
    const text = collapseWhitespace(item).slice(0, 100);
    if (text && !seen.has(text.toLowerCase()) && out.length < max) {
      seen.add(text.toLowerCase());
      out.push(text);
    }
  }
  return { value: out };
}

/**
 * Authors as strings or `{ name }` objects (the HF shape); names are cleaned of TeX accents.
 * Collaborations list thousands: the first MAX_AUTHORS are kept, with a warning.
 */
export function readAuthors(value: unknown, warnings: string[] = []): Read<string[]> {
  if (isMissing(value)) return { value: [] };
  if (!Array.isArray(value)) return { problem: `authors: expected a list, got ${typeOf(value)}` };
  const names: string[] = [];
  for (const [i, item] of value.entries()) {
    const raw = typeof item === 'string' ? item : isRecord(item) ? item.name : undefined;
    if (typeof raw !== 'string') return { problem: `authors[${i}]: expected a name, got ${preview(item)}` };
    const bad = unstorable(raw, `authors[${i}]`);
    if (bad) return bad;
    const name = cleanText(raw);
    if (name.length > MAX_NAME_LENGTH) return { problem: `authors[${i}]: longer than ${MAX_NAME_LENGTH} characters` };
    if (name && names.length < MAX_AUTHORS) names.push(name);
  }
  if (value.length > MAX_AUTHORS) warnings.push(`authors: ${value.length} given, the first ${MAX_AUTHORS} kept`);
  return { value: names };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value;
}

export function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
