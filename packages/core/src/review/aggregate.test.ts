import { ZCriterion } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { aggregate, rank, sheetTotal } from './aggregate.ts';

describe('aggregation', () => {
  it('takes the mean', () => {
    expect(aggregate(['80', '90', '85'], 'mean', '30')).toMatchObject({ n: 3, score: '85.00', min: '80', max: '90', spread: '10' });
  });

  it('trims the highest and the lowest score when five or more experts scored', () => {
    expect(aggregate(['60', '80', '82', '84', '99'], 'trimmed_mean', '50').score).toBe('82.00');
    // four scores: the plain mean
    expect(aggregate(['60', '80', '84', '99'], 'trimmed_mean', '50').score).toBe('80.75');
  });

  it('takes the median, odd and even', () => {
    expect(aggregate(['70', '90', '80'], 'median', '30').score).toBe('80.00');
    expect(aggregate(['70', '90', '80', '85'], 'median', '30').score).toBe('82.50');
  });

  it('rounds once at the end, half up, in exact decimals', () => {
    // 0.1 + 0.2 style sums stay exact; (80.1 + 80.2 + 80.2) / 3 = 80.1666… → 80.17
    expect(aggregate(['80.1', '80.2', '80.2'], 'mean', '30')).toMatchObject({ score: '80.17', exact: expect.stringMatching(/^80\.1666/) });
    // 80.125 → 80.13 (half up), not a binary 80.12
    expect(aggregate(['80.12', '80.13'], 'mean', '30').score).toBe('80.13');
  });

  it('flags dispersion when max − min passes the threshold, not when it equals it', () => {
    expect(aggregate(['60', '91'], 'mean', '30').dispersed).toBe(true);
    expect(aggregate(['60', '90'], 'mean', '30').dispersed).toBe(false);
  });

  it('marks a veto and answers nothing for no scores', () => {
    expect(aggregate(['80'], 'mean', '30', 1).vetoed).toBe(true);
    expect(aggregate([], 'mean', '30')).toMatchObject({ n: 0, score: null, dispersed: false });
  });
});

describe('the weighted sheet total', () => {
  const criteria = [
    ZCriterion.parse({ key: 'innovation', name: '创新性', max: '40' }),
    ZCriterion.parse({ key: 'feasibility', name: '可行性', max: '10', weight: '6' }),
  ];
  it('sums score × weight', () => {
    expect(sheetTotal(criteria, { innovation: '35.5', feasibility: '8.5' })).toEqual({ total: '86.5', error: null });
  });
  it('refuses a score out of range, a missing or an unknown criterion', () => {
    expect(sheetTotal(criteria, { innovation: '41', feasibility: '8' }).error).toBe('range:innovation');
    expect(sheetTotal(criteria, { innovation: '30' }).error).toBe('missing:feasibility');
    expect(sheetTotal(criteria, { innovation: '30', feasibility: '1', extra: '1' }).error).toBe('unknown:extra');
  });
});

describe('ranking', () => {
  const row = (id: number, totals: string[], group: string | null = null, vetoes = 0) => ({
    id,
    group,
    agg: aggregate(totals, 'mean', '30', vetoes),
  });
  it('gives competition ranks, vetoed after the others, unscored unranked', () => {
    const out = rank([row(1, ['80']), row(2, ['90']), row(3, ['80']), row(4, ['95'], null, 1), row(5, []), row(6, ['70'])]);
    expect(out.map((r) => [r.id, r.rank])).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
      [6, 4],
      [4, 5],
      [5, null],
    ]);
  });
  it('ranks within each group as well', () => {
    const out = rank([row(1, ['80'], 'A'), row(2, ['90'], 'B'), row(3, ['85'], 'A')]);
    const by = new Map(out.map((r) => [r.id, r]));
    expect(by.get(3)).toMatchObject({ rank: 2, groupRank: 1 });
    expect(by.get(1)).toMatchObject({ rank: 3, groupRank: 2 });
    expect(by.get(2)).toMatchObject({ rank: 1, groupRank: 1 });
  });
  it('orders by the exact value, not the rounded one', () => {
    const out = rank([row(1, ['80.004']), row(2, ['80.001'])]);
    expect(out.map((r) => r.rank)).toEqual([1, 2]);
    expect(out[0]?.agg.score).toBe(out[1]?.agg.score);
  });
});
