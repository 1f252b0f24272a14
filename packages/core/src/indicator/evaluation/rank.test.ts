import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { assignTiers, rankRegions, tierFor } from './rank.ts';

describe('rankRegions', () => {
  it('uses competition ranking 1,2,2,4 and orders ties by code', () => {
    const r = rankRegions([
      { code: 'b', score: 90 },
      { code: 'd', score: 80 },
      { code: 'a', score: 90 },
      { code: 'c', score: 95 },
    ]);
    expect(r.map((x) => [x.item.code, x.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
  });
  it('treats float noise below 1e-9 as a tie but not 1e-6', () => {
    // 0.1 + 0.2 = 0.30000000000000004 ties with 0.3; 0.300001 is strictly better
    const r = rankRegions([
      { code: 'x', score: 0.1 + 0.2 },
      { code: 'y', score: 0.3 },
      { code: 'z', score: 0.300001 },
    ]);
    expect(r.map((x) => [x.item.code, x.rank])).toEqual([
      ['z', 1],
      ['x', 2],
      ['y', 2],
    ]);
  });
});

describe('tiers', () => {
  const hebei = [
    { name: 'C类', minScore: Number.NEGATIVE_INFINITY },
    { name: 'A类', minScore: 80 },
    { name: 'B类', minScore: 60 },
  ];
  it('puts a score exactly at a boundary in the higher tier (minScore ≤ score)', () => {
    expect(assignTiers([80, 79.999999, 60, 59.999999, 100], hebei)).toEqual(['A类', 'B类', 'B类', 'C类', 'A类']);
  });
  it('returns null below every tier and for an empty list', () => {
    expect(tierFor(10, [{ name: '第一梯队', minScore: 70 }])).toBeNull();
    expect(tierFor(10, [])).toBeNull();
  });
  it('an exclusive tier needs a score strictly above its minScore (“高于50分”)', () => {
    const national = [
      { name: '第二梯队', minScore: 50, exclusive: true },
      { name: '第三梯队', minScore: 0 },
    ];
    expect(assignTiers([50, 50.000001], national)).toEqual(['第三梯队', '第二梯队']);
  });
});

describe('aggregate', () => {
  it('weighted arithmetic renormalises weights: (2×90 + 1×60)/3 = 80', () => {
    expect(
      aggregate(
        [
          { value: 90, weight: 2 },
          { value: 60, weight: 1 },
        ],
        'arithmetic',
      ),
    ).toBeCloseTo(80, 12);
  });
  it('weighted geometric: 100^(1/2) × 25^(1/2) = 10 × 5 = 50', () => {
    expect(
      aggregate(
        [
          { value: 100, weight: 1 },
          { value: 25, weight: 1 },
        ],
        'geometric',
      ),
    ).toBeCloseTo(50, 12);
  });
  it('geometric: a zero makes the score 0', () => {
    expect(
      aggregate(
        [
          { value: 100, weight: 1 },
          { value: 0, weight: 1 },
        ],
        'geometric',
      ),
    ).toBe(0);
  });
  it('drops nulls and renormalises the rest; all null → null', () => {
    // only 60 is present: its weight becomes 1
    expect(
      aggregate(
        [
          { value: null, weight: 3 },
          { value: 60, weight: 1 },
        ],
        'arithmetic',
      ),
    ).toBe(60);
    expect(aggregate([{ value: null, weight: 1 }], 'geometric')).toBeNull();
  });
});
