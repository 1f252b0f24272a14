import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, monthEnd, nextSlot, reportingSlots, slotsDueBy } from './reporting-cycle.ts';

const base = { dueDay: 5, customDueDates: [], startDate: null, dueDate: null };

describe('reporting cycles', () => {
  it('monthly over the plan year: 12 periods, each due on the 5th of the next month', () => {
    const slots = reportingSlots({ ...base, cycle: 'monthly' }, 2026);
    expect(slots).toHaveLength(12);
    expect(slots[0]).toEqual({ period: '2026-01', periodEnd: '2026-01-31', dueDate: '2026-02-05' });
    expect(slots[1]?.periodEnd).toBe('2026-02-28');
    expect(slots[11]).toEqual({ period: '2026-12', periodEnd: '2026-12-31', dueDate: '2027-01-05' });
  });

  it('quarterly follows calendar quarters and a task starting mid-quarter owes that quarter', () => {
    const slots = reportingSlots({ ...base, cycle: 'quarterly', dueDay: 10, startDate: '2026-05-15', dueDate: '2026-11-30' }, 2026);
    expect(slots.map((s) => s.period)).toEqual(['2026Q2', '2026Q3', '2026Q4']);
    expect(slots[0]).toEqual({ period: '2026Q2', periodEnd: '2026-06-30', dueDate: '2026-07-10' });
    expect(slots[2]?.dueDate).toBe('2027-01-10');
  });

  it('leap years and custom dates', () => {
    expect(monthEnd(2028, 2)).toBe('2028-02-29');
    const custom = reportingSlots({ ...base, cycle: 'custom', customDueDates: ['2026-09-30', '2026-06-30', '2026-06-30'] }, 2026);
    expect(custom.map((s) => s.dueDate)).toEqual(['2026-06-30', '2026-09-30']);
    expect(reportingSlots({ ...base, cycle: 'none' }, 2026)).toEqual([]);
    expect(reportingSlots({ ...base, cycle: 'monthly', startDate: '2026-05-01', dueDate: '2026-04-01' }, 2026)).toEqual([]);
  });

  it('due and next slots on a given day; the due day itself counts as due', () => {
    const slots = reportingSlots({ ...base, cycle: 'monthly' }, 2026);
    expect(slotsDueBy(slots, '2026-04-05').map((s) => s.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(slotsDueBy(slots, '2026-04-04')).toHaveLength(2);
    expect(nextSlot(slots, '2026-04-05')?.period).toBe('2026-04');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
