import { describe, expect, it } from 'vitest';
import type { TAssessmentInputRaw } from '../../../contracts/src/enterprise.ts';
import { ZEnterpriseYear } from '../../../contracts/src/enterprise.ts';
import { assessHnte } from './assess-hnte.ts';
import { assessTechSme } from './assess-tech-sme.ts';
import { conditionOf, goodInput, parseInput, scoreItemOf, wan, withYear } from './enterprise.factory.ts';
import { percentHalfUp } from './exact.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';
import { techSme2022 } from './rule-packs/tech-sme-2022.ts';
import { headcountText, yearStaff } from './staff.ts';

const at = '2026-06-01';
type Month = { month: number; employeesStart: number; employeesEnd: number; techStaffStart: number; techStaffEnd: number };
/** Twelve months with the same counts, then `patch` applied to some of them. */
const months = (e: number, s: number, patch: Record<number, Partial<Month>> = {}, from = 1): Month[] =>
  Array.from({ length: 13 - from }, (_, i) => ({
    month: from + i,
    employeesStart: e,
    employeesEnd: e,
    techStaffStart: s,
    techStaffEnd: s,
    ...patch[from + i],
  }));
const monthly = (ms: Month[]): TAssessmentInputRaw =>
  withYear(goodInput(), 2025, { employeesAvg: undefined, techStaffAvg: undefined, staffMonths: ms });
const c4 = (raw: TAssessmentInputRaw) => conditionOf(assessHnte(parseInput(raw), hnte2016, at), 'hnte.c4');

describe('全年月平均数 from monthly head counts (工作指引 统计方法)', () => {
  it('averages (月初数 + 月末数) / 2 per month over 12 months, exactly', () => {
    // one month with 100 → 101 staff: Σ = 11 × 200 + 201 = 2401 over 24 → 100.041666…
    const y = yearStaff(ZEnterpriseYear.parse({ year: 2025, staffMonths: months(100, 10, { 6: { employeesEnd: 101 } }) }));
    expect(y).toMatchObject({ employees: 2401n, techStaff: 240n, den: 24n, months: 12 });
    expect(headcountText(y!.employees, y!.den)).toBe('100.041666');
    expect(headcountText(240n, 24n)).toBe('10');
  });

  it('C4 is met at exactly 10% of the monthly averages and unmet one person-month below', () => {
    expect(c4(monthly(months(100, 10))).status).toBe('met');
    // one month-end one person short: Σ tech = 239/24 vs employees 100 → 9.958…% < 10%
    const short = c4(monthly(months(100, 10, { 3: { techStaffEnd: 9 } })));
    expect(short.status).toBe('unmet');
    expect(short.figures.techStaff).toBe('9.958333');
    expect(short.figures.months).toBe('12');
    expect(short.hint).toContain('按12个月逐月数据计算');
  });

  it('a part year divides by the operating months (实际经营期作为一个纳税年度)', () => {
    const y = yearStaff(ZEnterpriseYear.parse({ year: 2025, staffMonths: months(50, 5, {}, 7) }));
    expect(y?.months).toBe(6);
    expect(headcountText(y!.employees, y!.den)).toBe('50');
    expect(c4(monthly(months(50, 5, {}, 7))).hint).toBeUndefined();
    expect(c4(monthly(months(50, 4, {}, 7))).hint).toContain('按实际经营6个月逐月数据计算');
  });

  it('monthly figures take precedence over yearly averages typed in', () => {
    const raw = withYear(goodInput(), 2025, { employeesAvg: '100', techStaffAvg: '35', staffMonths: months(100, 5) });
    expect(c4(raw).status).toBe('unmet');
  });

  it('refuses months out of order or with gaps, and more than twelve', () => {
    const bad = months(10, 1);
    expect(ZEnterpriseYear.safeParse({ year: 2025, staffMonths: [bad[0], bad[2]] }).success).toBe(false);
    expect(ZEnterpriseYear.safeParse({ year: 2025, staffMonths: [...bad, { ...bad[0], month: 12 }] }).success).toBe(false);
    expect(ZEnterpriseYear.safeParse({ year: 2025, staffMonths: [{ ...bad[0], employeesEnd: 1.5 }] }).success).toBe(false);
  });

  it('科技型中小企业: the 500-employee limit and the staff score use the monthly averages', () => {
    const a = (ms: Month[]) => assessTechSme(parseInput(monthly(ms)), techSme2022, at);
    expect(conditionOf(a(months(500, 150)), 'techSme.b2').status).toBe('met');
    // one month-end one employee more: 12001/24 = 500.041666… > 500
    const over = conditionOf(a(months(500, 150, { 12: { employeesEnd: 501 } })), 'techSme.b2');
    expect(over.status).toBe('unmet');
    expect(over.figures.employees).toBe('500.041666');
    expect(scoreItemOf(a(months(100, 30)), 'techSme.score.staff').max).toBe(20);
    expect(scoreItemOf(a(months(100, 30, { 1: { techStaffStart: 29 } })), 'techSme.score.staff').max).toBe(16);
  });
});

describe('growth-rate text: half-up to two decimals for either sign', () => {
  it('rounds 0.125% → 0.13%, −0.125% → −0.13%, 12.344% → 12.34%', () => {
    expect(percentHalfUp(125n, 100_000n)).toBe('0.13%');
    expect(percentHalfUp(-125n, 100_000n)).toBe('-0.13%');
    expect(percentHalfUp(12_344n, 100_000n)).toBe('12.34%');
    expect(percentHalfUp(-12_346n, 100_000n)).toBe('-12.35%');
    expect(percentHalfUp(-4n, 100_000n)).toBe('0%');
  });

  it('shows a negative sales growth rounded, not floored', () => {
    // g ≈ −0.3333% (2990/3000 and 2980.0333/2990 both ≈ 0.996667): half-up −0.33%, where flooring showed −0.34%
    const raw = goodInput({
      years: [
        { year: 2023, salesFen: wan(3000), netAssetsFen: wan(3000) },
        { year: 2024, salesFen: wan(2990), netAssetsFen: wan(3000) },
        { year: 2025, salesFen: wan(2980.0333), netAssetsFen: wan(3000) },
      ],
    });
    const item = scoreItemOf(assessHnte(parseInput(raw), hnte2016, at), 'hnte.score.salesGrowth');
    expect(item.min).toBe(0);
    expect(item.basis).toMatch(/^销售收入增长率-0\.33%，/);
  });
});
