import { isPeriodKey, isoWeek, periodKey } from './period-key';

describe('periodKey', () => {
  it('when a daily reader is due, then the key is their local date, not the UTC one', () => {
    const instant = new Date('2026-11-27T23:30:00Z');
    expect(periodKey('daily', 'UTC', instant)).toBe('d2026-11-27');
    expect(periodKey('daily', 'Europe/Berlin', instant)).toBe('d2026-11-28');
    expect(periodKey('daily', 'America/Los_Angeles', new Date('2026-11-28T03:00:00Z'))).toBe('d2026-11-27');
  });

  it('when a weekly reader is due, then the key is the ISO week in their time zone', () => {
    expect(periodKey('weekly', 'UTC', new Date('2026-11-27T08:00:00Z'))).toBe('w2026-W48');
    // Sunday 23:30 UTC is already Monday (week 49) in Berlin.
    expect(periodKey('weekly', 'UTC', new Date('2026-11-29T23:30:00Z'))).toBe('w2026-W48');
    expect(periodKey('weekly', 'Europe/Berlin', new Date('2026-11-29T23:30:00Z'))).toBe('w2026-W49');
  });

  it('when the year turns, then ISO weeks belong to the year of their Thursday', () => {
    expect(isoWeek(Date.UTC(2026, 11, 31))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(Date.UTC(2027, 0, 3))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(Date.UTC(2027, 0, 4))).toEqual({ year: 2027, week: 1 });
    expect(isoWeek(Date.UTC(2024, 11, 30))).toEqual({ year: 2025, week: 1 });
  });

  it('when keys are checked, then only the two shapes pass', () => {
    expect(isPeriodKey('d2026-11-27')).toBe(true);
    expect(isPeriodKey('w2026-W48')).toBe(true);
    expect(isPeriodKey('2026-11-27')).toBe(false);
    expect(isPeriodKey('d2026-11-27; drop')).toBe(false);
  });
});
