import { describe, expect, it } from 'vitest';
import { fromBureauWallTime, toBureauWallTime } from './call-time.ts';

describe('call window times in Beijing time', () => {
  it('shows an instant as the bureau’s wall-clock time, across the date line of UTC', () => {
    expect(toBureauWallTime('2026-02-28T17:30:00Z')).toBe('2026-03-01 01:30');
    expect(toBureauWallTime('2026-03-01T09:00:00+08:00')).toBe('2026-03-01 09:00');
  });

  it('writes the wall-clock time with the +08:00 offset, and round-trips', () => {
    expect(fromBureauWallTime('2026-03-01 09:00')).toBe('2026-03-01T09:00:00+08:00');
    expect(toBureauWallTime(fromBureauWallTime('2026-12-31 23:59') ?? '')).toBe('2026-12-31 23:59');
  });

  it('refuses text that is not a date and a time', () => {
    expect(fromBureauWallTime('2026-03-01')).toBeNull();
    expect(fromBureauWallTime('2026-13-40 25:00')).toBeNull();
    expect(toBureauWallTime('not a date')).toBe('');
  });
});
