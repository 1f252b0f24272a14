import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('times read in China Standard Time whatever the browser zone', () => {
  it('shows an instant as Beijing date and minute', () => {
    expect(formatDateTime('2026-12-07T03:54:10.123Z')).toBe('2026-12-07 11:54');
    expect(formatDateTime('2026-12-06T16:30:00Z')).toBe('2026-12-07 00:30');
    expect(formatDateTime('2026-12-07T11:54:00+08:00')).toBe('2026-12-07 11:54');
  });
  it('puts the early hours of a Beijing day on that day, and keeps bare dates', () => {
    expect(formatDate('2026-12-06T17:00:00Z')).toBe('2026-12-07');
    expect(formatDate('2026-03-15')).toBe('2026-03-15');
    expect(formatDateTime('2026-03-15')).toBe('2026-03-15 00:00');
  });
  it('leaves what is not a time as it is, and empty as empty', () => {
    expect(formatDateTime('待定')).toBe('待定');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });
});
