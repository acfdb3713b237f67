import { nextDigestAt, type DigestSchedule } from './next-digest-at';

const daily = (timezone: string, digestHour = 8): DigestSchedule => ({
  frequency: 'daily',
  timezone,
  digestHour,
  digestWeekday: 1,
});
const at = (iso: string) => new Date(iso);

describe('nextDigestAt', () => {
  it('when the digest hour is still ahead today, then it is due today at that local hour', () => {
    expect(nextDigestAt(daily('Europe/Berlin'), at('2026-11-27T05:00:00Z')).toISOString()).toBe(
      '2026-11-27T07:00:00.000Z',
    );
  });

  it('when the digest hour has passed or is exactly now, then it is due tomorrow', () => {
    expect(nextDigestAt(daily('Europe/Berlin'), at('2026-11-27T07:00:00Z')).toISOString()).toBe(
      '2026-11-28T07:00:00.000Z',
    );
    expect(nextDigestAt(daily('Europe/Berlin'), at('2026-11-27T12:00:00Z')).toISOString()).toBe(
      '2026-11-28T07:00:00.000Z',
    );
  });

  it('when the zone is west of UTC and its local date is behind, then the local date counts', () => {
    // 03:00 UTC on the 28th is still 22:00 on the 27th in New York.
    expect(nextDigestAt(daily('America/New_York'), at('2026-11-28T03:00:00Z')).toISOString()).toBe(
      '2026-11-28T13:00:00.000Z',
    );
  });

  it('when the zone has a half-hour offset, then the digest follows it', () => {
    expect(nextDigestAt(daily('Asia/Kolkata'), at('2026-11-27T00:00:00Z')).toISOString()).toBe(
      '2026-11-27T02:30:00.000Z',
    );
  });

  it('when clocks spring forward, then 08:00 local keeps its local hour across the change', () => {
    // Berlin switches to CEST on 2026-03-29: 08:00 is 07:00Z before and 06:00Z after.
    expect(nextDigestAt(daily('Europe/Berlin'), at('2026-03-28T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('when the digest hour does not exist that day, then it is due when the gap ends', () => {
    // 02:00 does not exist in Berlin on 2026-03-29; clocks jump to 03:00 CEST = 01:00Z.
    expect(nextDigestAt(daily('Europe/Berlin', 2), at('2026-03-28T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // New York: 02:00 does not exist on 2026-03-08; 03:00 EDT = 07:00Z.
    expect(nextDigestAt(daily('America/New_York', 2), at('2026-03-07T12:00:00Z')).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('when the digest hour happens twice as clocks go back, then the first one counts', () => {
    // Berlin 2026-10-25: 02:00 CEST (00:00Z) then 02:00 CET (01:00Z).
    expect(nextDigestAt(daily('Europe/Berlin', 2), at('2026-10-24T12:00:00Z')).toISOString()).toBe(
      '2026-10-25T00:00:00.000Z',
    );
    // and once it has passed, the second 02:00 is not a second digest: the next one is tomorrow.
    expect(nextDigestAt(daily('Europe/Berlin', 2), at('2026-10-25T00:00:00Z')).toISOString()).toBe(
      '2026-10-26T01:00:00.000Z',
    );
  });

  it('when clocks fall back, then 08:00 local moves from 06:00Z to 07:00Z', () => {
    expect(nextDigestAt(daily('Europe/Berlin'), at('2026-10-24T12:00:00Z')).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });

  it('when the reader is weekly, then it is due on their weekday at their hour', () => {
    const weekly: DigestSchedule = { frequency: 'weekly', timezone: 'Europe/Paris', digestHour: 9, digestWeekday: 1 };
    // Friday 2026-11-27 → Monday 2026-11-30 09:00 CET.
    expect(nextDigestAt(weekly, at('2026-11-27T10:00:00Z')).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // Monday after 09:00 → the next Monday.
    expect(nextDigestAt(weekly, at('2026-11-30T08:00:00Z')).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Sunday is 7.
    expect(nextDigestAt({ ...weekly, digestWeekday: 7 }, at('2026-11-27T10:00:00Z')).toISOString()).toBe(
      '2026-11-29T08:00:00.000Z',
    );
  });

  it('when the zone is east of UTC and the local date is ahead, then the weekday is the local one', () => {
    // 2026-11-29T20:00Z is already Monday 09:00 in Auckland (NZDT, +13): due now-ish → next Monday.
    const weekly: DigestSchedule = {
      frequency: 'weekly',
      timezone: 'Pacific/Auckland',
      digestHour: 8,
      digestWeekday: 1,
    };
    expect(nextDigestAt(weekly, at('2026-11-29T18:00:00Z')).toISOString()).toBe('2026-11-29T19:00:00.000Z');
    expect(nextDigestAt(weekly, at('2026-11-29T20:00:00Z')).toISOString()).toBe('2026-12-06T19:00:00.000Z');
  });

  it('when the schedule is invalid, then it throws a clear RangeError', () => {
    expect(() => nextDigestAt(daily('Mars/Olympus'), at('2026-11-27T00:00:00Z'))).toThrow(RangeError);
    expect(() => nextDigestAt(daily('UTC', 24), at('2026-11-27T00:00:00Z'))).toThrow(/digestHour/);
  });
});
