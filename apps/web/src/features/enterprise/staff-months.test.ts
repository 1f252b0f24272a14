import { describe, expect, it } from 'vitest';
import { checkMonths, emptyMonths, monthlyAverages, rowsOf, type StaffMonthRow } from './staff-months.ts';

const full = (e: number, s: number): StaffMonthRow[] =>
  emptyMonths().map((r) => ({ ...r, employeesStart: e, employeesEnd: e, techStaffStart: s, techStaffEnd: s }));

describe('month-by-month head counts (工作指引 全年月平均数)', () => {
  it('averages (月初 + 月末)/2 over the months, exactly or to 6 decimals rounded down', () => {
    const rows = full(100, 10);
    rows[5] = { ...rows[5]!, employeesEnd: 101 };
    const c = checkMonths(rows);
    expect(c.ok).toBe(true);
    if (c.ok) expect(monthlyAverages(c.months)).toEqual({ employees: '100.041666', techStaff: '10', months: 12 });
  });

  it('accepts a part year (blank months before or after) and divides by its months', () => {
    const rows = full(50, 5).map((r) => (r.month < 7 ? { month: r.month } : r));
    const c = checkMonths(rows);
    expect(c.ok && monthlyAverages(c.months)).toEqual({ employees: '50', techStaff: '5', months: 6 });
  });

  it('refuses a half-filled month, a gap between months and no months at all', () => {
    const partial = full(10, 1);
    partial[2] = { month: 3, employeesStart: 10 };
    expect(checkMonths(partial)).toEqual({ ok: false, reason: 'partial', month: 3 });
    const gap = full(10, 1).map((r) => (r.month === 4 ? { month: 4 } : r));
    expect(checkMonths(gap)).toEqual({ ok: false, reason: 'gap', month: 5 });
    expect(checkMonths(emptyMonths())).toEqual({ ok: false, reason: 'empty' });
  });

  it('round-trips stored months into twelve rows', () => {
    const c = checkMonths(full(3, 1));
    expect(c.ok && rowsOf(c.months)).toEqual(full(3, 1));
    expect(rowsOf(null)).toHaveLength(12);
  });
});
