// The period a digest belongs to, in the reader's own calendar: daily readers get one digest
// per local date ('d2026-11-27'), weekly readers one per ISO week ('w2026-W48'). Together with
// the reader id it is the Delivery's unique key, so whatever triggers a digest (the schedule,
// "send now", a retried job) the same reader and period can only ever produce one email.

export type DigestFrequency = 'daily' | 'weekly';

const DAY = 24 * 3600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar date at `instant` in `timeZone`, as UTC midnight of that date (ms). */
function localDate(timeZone: string, instant: Date): number {
  const parts: Record<string, number> = {};
  for (const p of dateFormatter(timeZone).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(utcMidnight: number): { year: number; week: number } {
  const weekday = new Date(utcMidnight).getUTCDay() || 7;
  const thursday = utcMidnight + (4 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

export function periodKey(frequency: DigestFrequency, timeZone: string, instant: Date): string {
  const date = localDate(timeZone, instant);
  if (frequency === 'weekly') {
    const { year, week } = isoWeek(date);
    return `w${year}-W${pad(week)}`;
  }
  const d = new Date(date);
  return `d${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const PERIOD_KEY = /^(d\d{4}-\d{2}-\d{2}|w\d{4}-W\d{2})$/;

export function isPeriodKey(value: string): boolean {
  return PERIOD_KEY.test(value);
}
