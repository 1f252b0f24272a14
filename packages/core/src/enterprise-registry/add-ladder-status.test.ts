import { describe, expect, it } from 'vitest';
import { hnteValidTo } from './add-ladder-status.ts';

describe('hnteValidTo', () => {
  it('ends a 高新技术企业 certificate the day before its third anniversary', () => {
    expect(hnteValidTo('2023-12-01')).toBe('2026-11-30');
    expect(hnteValidTo('2025-01-01')).toBe('2027-12-31');
  });

  it('ends a certificate issued on 29 February on 28 February', () => {
    expect(hnteValidTo('2024-02-29')).toBe('2027-02-28');
  });
});
