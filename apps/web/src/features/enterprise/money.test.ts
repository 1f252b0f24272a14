import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toAssessBody, windowYears } from './assess-model.ts';
import { fenToWan, isWanText, ratioToPercent, wanToFen } from './money.ts';

describe('万元 ↔ 分 at the edge', () => {
  it('converts exactly, without floating-point artefacts', () => {
    expect(wanToFen('0.1')).toBe(100_000);
    expect(wanToFen('1234.56')).toBe(1_234_560_000);
    expect(wanToFen('0.000001')).toBe(1);
    expect(wanToFen('20000')).toBe(20_000_000_000);
    expect(wanToFen('-12.5')).toBe(-12_500_000);
    expect(wanToFen('')).toBeUndefined();
    expect(wanToFen(null)).toBeUndefined();
    // 0.07 × 1e6 = 70000.00000000001 in floating point; the string arithmetic stays exact
    expect(wanToFen('0.07')).toBe(70_000);
  });

  it('rejects what is not an amount to the 分', () => {
    expect(isWanText('1.0000001')).toBe(false);
    expect(isWanText('-1')).toBe(false);
    expect(isWanText('-1', true)).toBe(true);
    expect(() => wanToFen('1e3')).toThrow(RangeError);
    expect(() => wanToFen('9999999999999')).toThrow(RangeError);
  });

  it('shows 分 as 万元 and ratios as percentages rounded down', () => {
    expect(fenToWan(1_234_560_000)).toBe('1234.56');
    expect(fenToWan('6000000000')).toBe('6000');
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(-12_500_000)).toBe('-12.5');
    expect(ratioToPercent('0.0333333333')).toBe('3.33%');
    expect(ratioToPercent('0.04')).toBe('4%');
    expect(ratioToPercent('0.039999')).toBe('3.99%');
    expect(ratioToPercent('1')).toBe('100%');
  });
});

describe('the self-assessment body', () => {
  it('uses the three fiscal years before the assessment year and leaves blanks absent', () => {
    const at = dayjs('2026-06-01');
    expect(windowYears(at, at)).toEqual([2023, 2024, 2025]);
    const body = toAssessBody(
      {
        at,
        residentEnterprise: 'yes',
        auditBasedTax: 'unknown',
        years: [{}, { salesFen: '5500' }, { salesFen: '6000', employeesAvg: '100', rd: { personnelFen: '200.5' } }],
        noIncidents: true,
        hnteCertificate: 'none',
      },
      at,
    );
    expect(body.at).toBe('2026-06-01');
    expect(body.input.residentEnterprise).toBe(true);
    expect('auditBasedTax' in body.input).toBe(false);
    expect(body.input.years).toEqual([
      { year: 2024, salesFen: 5_500_000_000 },
      { year: 2025, employeesAvg: '100', salesFen: 6_000_000_000, rdExpense: { personnelFen: 200_500_000 } },
    ]);
    expect(body.input.incidents).toEqual([]);
    expect(body.input.hnteCertificate).toBeNull();
    expect('creditListings' in body.input).toBe(false);
    expect('ipItems' in body.input).toBe(false);
  });
});
