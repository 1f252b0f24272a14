import { describe, expect, it } from 'vitest';
import { decimalCell, fenToWan, wanToFen } from './enterprise-xlsx.ts';

describe('万元 ⇄ 分', () => {
  it('converts exactly, without float artefacts', () => {
    expect(wanToFen('0.1')).toBe(100_000);
    expect(wanToFen('1234.567891')).toBe(1_234_567_891);
    expect(wanToFen('-12.000001')).toBe(-12_000_001);
    expect(wanToFen('0.300000')).toBe(300_000);
    expect(wanToFen('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(fenToWan(Number.MAX_SAFE_INTEGER)).toBe('9007199254.740991');
    expect(fenToWan(-5)).toBe('-0.000005');
    expect(fenToWan(1_234_500_000)).toBe('1234.5');
  });

  it('refuses what is not an amount to the 分', () => {
    for (const bad of ['0.30000000000000004', '1.2345678', 'abc', '', '1e3', '9007199254.740992']) expect(wanToFen(bad)).toBeNull();
  });

  it('writes a number only when it reads back as the same text', () => {
    expect(decimalCell('12345.678901')).toBe(12345.678901);
    expect(decimalCell('9007199254.740991')).toBe('9007199254.740991');
  });
});
