// When is a reader's next digest due? The next instant strictly after `now` at which the
// wall clock in the reader's time zone shows digestHour:00 — every day, or on digestWeekday
// for weekly readers. The digest scheduler only compares this column with now(), so all the
// time-zone and DST reasoning lives here, in one pure function.
//
// DST: when the hour does not exist that day (clocks jump forward over it) the digest goes
// out at the end of the gap; when it exists twice (clocks go back) the first one counts.

export interface DigestSchedule {
  frequency: 'daily' | 'weekly';
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
  /** Local hour 0–23. */
  digestHour: number;
  /** ISO weekday 1 (Monday) – 7 (Sunday); used by weekly readers. */
  digestWeekday: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`, written as if it were UTC (ms). */
function wallClock(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const offsetAt = (timeZone: string, instant: number) =>
  wallClock(timeZone, instant) - Math.floor(instant / 1000) * 1000;

/** The UTC instant for a wall-clock time (as UTC ms) in `timeZone`, resolving DST as above. */
export function zonedToUtc(timeZone: string, wall: number): number {
  // Transitions are months apart, so the offsets 12 h either side are the only candidates.
  const candidates = [wall - offsetAt(timeZone, wall - 12 * HOUR), wall - offsetAt(timeZone, wall + 12 * HOUR)].sort(
    (a, b) => a - b,
  );
  const exact = candidates.find((t) => wallClock(timeZone, t) === wall);
  // No exact match: the hour falls in a gap; the later candidate is the moment the gap ends.
  return exact ?? (candidates[1] as number);
}

function isoWeekday(utcDate: number): number {
  const day = new Date(utcDate).getUTCDay();
  return day === 0 ? 7 : day;
}

export function assertSchedule(s: DigestSchedule): void {
  if (!Number.isInteger(s.digestHour) || s.digestHour < 0 || s.digestHour > 23)
    throw new RangeError('digestHour must be 0–23');
  if (!Number.isInteger(s.digestWeekday) || s.digestWeekday < 1 || s.digestWeekday > 7)
    throw new RangeError('digestWeekday must be 1–7');
  formatter(s.timezone); // throws RangeError for an unknown time zone
}

export function nextDigestAt(schedule: DigestSchedule, now: Date): Date {
  assertSchedule(schedule);
  const local = wallClock(schedule.timezone, now.getTime());
  const today = local - (((local % DAY) + DAY) % DAY);
  // Eight days cover "later today" plus a full week for weekly readers.
  for (let i = 0; i <= 8; i++) {
    const date = today + i * DAY;
    if (schedule.frequency === 'weekly' && isoWeekday(date) !== schedule.digestWeekday) continue;
    const due = zonedToUtc(schedule.timezone, date + schedule.digestHour * HOUR);
    if (due > now.getTime()) return new Date(due);
  }
  throw new Error('unreachable: no digest time within eight days');
}
