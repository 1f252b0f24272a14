import { describe, expect, it } from 'vitest';
import { bureauDay, bureauToday, bureauYear, daysUntil } from './bureau-date.ts';

describe('the bureau date in the browser', () => {
  it('is the China Standard Time date whatever the browser time zone', () => {
    // 2026-12-31 17:30 UTC is already 2027-01-01 01:30 in Beijing
    const now = new Date('2026-12-31T17:30:00Z');
    expect(bureauToday(now)).toBe('2027-01-01');
    expect(bureauYear(now)).toBe(2027);
    expect(bureauDay(now).format('YYYY-MM-DD')).toBe('2027-01-01');
    // 15:59 UTC is still the same Beijing day
    expect(bureauToday(new Date('2026-06-30T15:59:00Z'))).toBe('2026-06-30');
    expect(bureauToday(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });

  it('counts days to a due date from the bureau day', () => {
    const now = new Date('2026-07-04T20:00:00Z'); // 2026-07-05 in Beijing
    expect(daysUntil('2026-07-10', now)).toBe(5);
    expect(daysUntil('2026-07-05', now)).toBe(0);
    expect(daysUntil('2026-07-01', now)).toBe(-4);
  });
});
