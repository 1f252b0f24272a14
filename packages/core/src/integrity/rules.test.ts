import { describe, expect, it } from 'vitest';
import { periodCovers, periodEndOf } from './period.ts';
import { integrityPacks, packFor, periodWarnings } from './rule-packs.ts';

const ban = { severity: 'extreme', permanent: false, periodYears: 2, hasBan: true, occurredOn: '2026-03-19' };

describe('rule pack by incident date', () => {
  it('takes 令第19号 up to 2026-03-19 and 令第24号 from 2026-03-20, none before 2020-09-01', () => {
    expect(packFor('2020-08-31')).toBeNull();
    expect(packFor('2020-09-01')?.id).toBe('most-19');
    expect(packFor('2026-03-19')?.id).toBe('most-19');
    expect(packFor('2026-03-20')?.id).toBe('most-24');
    expect(packFor('2031-01-01')?.id).toBe('most-24');
  });

  it('keeps the packs contiguous (each ends the day before the next starts)', () => {
    for (let i = 1; i < integrityPacks.length; i++) {
      const prev = integrityPacks[i - 1];
      const next = integrityPacks[i];
      const dayBefore = new Date(Date.parse(`${next?.effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(prev?.effectiveTo).toBe(dayBefore);
    }
  });
});

describe('ban periods (民法典 第二百零一、二百零二条)', () => {
  it('ends on the corresponding day N years later, or the month end when there is none', () => {
    expect(periodEndOf('2026-04-01', 3)).toBe('2029-04-01');
    expect(periodEndOf('2026-03-20', 1)).toBe('2027-03-20');
    expect(periodEndOf('2028-02-29', 1)).toBe('2029-02-28');
    expect(periodEndOf('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('covers the start and the end day, not the days around them; a permanent ban has no end', () => {
    const p = { periodStart: '2026-03-20', periodEnd: periodEndOf('2026-03-20', 3), permanent: false };
    expect(periodCovers(p, '2026-03-19')).toBe(false);
    expect(periodCovers(p, '2026-03-20')).toBe(true);
    expect(periodCovers(p, '2029-03-20')).toBe(true);
    expect(periodCovers(p, '2029-03-21')).toBe(false);
    expect(periodCovers({ periodStart: '2026-03-20', periodEnd: null, permanent: true }, '2099-12-31')).toBe(true);
    expect(periodCovers({ periodStart: '2026-03-20', periodEnd: null, permanent: false }, '2026-04-01')).toBe(false);
    expect(periodCovers({ periodStart: null, periodEnd: null, permanent: true }, '2026-04-01')).toBe(false);
  });
});

describe('period guides warn, differently on either side of the switch date', () => {
  it('under 令第19号 a 2-year ban for a most serious case is below 取消5年以上直至永久 (a verified guide)', () => {
    const w = periodWarnings(packFor('2026-03-19'), ban);
    expect(w).toEqual([expect.stringContaining('取消5年以上直至永久相关资格')]);
    expect(w[0]).not.toContain('未核实');
    expect(periodWarnings(packFor('2026-03-19'), { ...ban, periodYears: 5 })).toEqual([]);
    expect(periodWarnings(packFor('2026-03-19'), { ...ban, periodYears: null, permanent: true })).toEqual([]);
  });

  it('marks the unverified guides of 令第19号 as such', () => {
    const w = periodWarnings(packFor('2025-01-01'), { ...ban, severity: 'minor', periodYears: 5, occurredOn: '2025-01-01' });
    expect(w).toEqual([expect.stringContaining('未核实')]);
    expect(periodWarnings(packFor('2025-01-01'), { ...ban, severity: 'minor', permanent: true, periodYears: null })[0]).toContain(
      '一般不适用永久限制',
    );
  });

  it('under 令第24号 has no period table: it says so instead of judging the period', () => {
    const w = periodWarnings(packFor('2026-03-20'), { ...ban, occurredOn: '2026-03-20' });
    expect(w).toEqual([expect.stringContaining('未收录')]);
    expect(w[0]).toContain('令第24号');
  });

  it('asks for the incident date and says nothing about records without a ban', () => {
    expect(periodWarnings(null, { ...ban, occurredOn: null })).toEqual([expect.stringContaining('行为发生日期')]);
    expect(periodWarnings(packFor('2026-03-20'), { ...ban, hasBan: false })).toEqual([]);
    expect(periodWarnings(null, { ...ban, occurredOn: '2019-01-01' })).toEqual([expect.stringContaining('早于')]);
  });
});
