import type { TEvaluationInput, TEvaluationScheme, TSchemeIndicator, TTier } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { indicatorStats, normalise } from './normalise.ts';
import { schemeIssues } from './scheme.ts';

const regions = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `R${i + 1}`, name: `地区${i + 1}` }));
const one = (indicator: Partial<TSchemeIndicator>, tiers: TTier[] = []): TEvaluationScheme => ({
  groups: [
    {
      kind: 'group',
      key: 'G',
      name: '组',
      weight: 1,
      children: [{ kind: 'indicator', code: 'x', weight: 1, polarity: 'positive', normalisation: { method: 'minmax' }, ...indicator }],
    },
  ],
  aggregation: 'arithmetic',
  missing: 'zero',
  tiers,
});
const input = (xs: (number | null)[]): TEvaluationInput => ({
  regions: regions(xs.length),
  values: Object.fromEntries(xs.map((x, i) => [`R${i + 1}`, { x }])),
});
const scores = (scheme: TEvaluationScheme, xs: (number | null)[]) =>
  Object.fromEntries(evaluate(scheme, input(xs)).results.map((r) => [r.code, r]));

describe('exact decimal arithmetic (no 50.000000000000014)', () => {
  it('min-max of decimals lands exactly on the decimal result', () => {
    // (0.3 − 0.1)/(0.5 − 0.1)×100 = 50 exactly; in doubles (0.3−0.1)/(0.5−0.1)*100 = 49.99999999999999
    expect(((0.3 - 0.1) / (0.5 - 0.1)) * 100).not.toBe(50);
    expect(normalise([0.1, 0.3, 0.5], 'positive', { method: 'minmax' }).values).toEqual([0, 50, 100]);
    expect(normalise([1.1, 1.2, 1.3], 'positive', { method: 'minmax' }).values).toEqual([0, 50, 100]);
  });

  it('a computed ratio with more than 12 decimals is normalised in plain doubles', () => {
    const xs = [1 / 3, 2 / 3, 1];
    const r = normalise(xs, 'positive', { method: 'minmax' });
    expect(r.values[0]).toBe(0);
    expect(r.values[1]).toBeCloseTo(50, 12);
    expect(r.values[2]).toBe(100);
    expect(normalise(xs, 'positive', { method: 'zscore', sd: 'sample' }).values[1]).toBeCloseTo(0, 12);
    expect(normalise([1 / 3], 'positive', { method: 'standard', standard: 1 / 3, cap: 150 }).values[0]).toBeCloseTo(100, 12);
  });

  it('ratio to a standard and the mean are exact', () => {
    // 1.1/1×100 = 110 (doubles: 110.00000000000001)
    expect((1.1 / 1) * 100).not.toBe(110);
    expect(normalise([1.1], 'positive', { method: 'standard', standard: 1, cap: 200 }).values).toEqual([110]);
    expect(indicatorStats([0.1, 0.2]).mean).toBe(0.15);
  });

  it('weighted sums are exact decimals: 0.1 × 70 + 0.2 × 40 + 0.7 × 10 = 22 over weights 0.1 + 0.2 + 0.7', () => {
    const ind = (code: string, weight: number) => ({
      kind: 'indicator' as const,
      code,
      weight,
      polarity: 'positive' as const,
      normalisation: { method: 'standard' as const, standard: 100, cap: 100 },
    });
    const scheme: TEvaluationScheme = {
      groups: [{ kind: 'group', key: 'G', name: '组', weight: 1, children: [ind('a', 0.1), ind('b', 0.2), ind('c', 0.7)] }],
      aggregation: 'arithmetic',
      missing: 'zero',
      tiers: [{ name: '高于22', minScore: 22, exclusive: true }],
    };
    const r = evaluate(scheme, { regions: regions(1), values: { R1: { a: 70, b: 40, c: 10 } } }).results[0]!;
    expect(r.score).toBe(22);
    // a float 22.000000000000004 would have slipped into the "高于22分" tier
    expect(r.tier).toBeNull();
  });

  it('re-scores exactly when the double sum sits on a rounding half: 0.1 × 0.000145 + 0.2 × 10 + 0.7 × 10 = 9.0000145 → 9.000015', () => {
    // the double sum is 9.000014499999999, which would publish 9.000014
    expect(0.1 * 0.000145 + 0.2 * 10 + 0.7 * 10).toBeLessThan(9.0000145);
    const ind = (code: string, weight: number) => ({
      kind: 'indicator' as const,
      code,
      weight,
      polarity: 'positive' as const,
      normalisation: { method: 'standard' as const, standard: 100, cap: 100 },
    });
    const scheme: TEvaluationScheme = {
      groups: [{ kind: 'group', key: 'G', name: '组', weight: 1, children: [ind('a', 0.1), ind('b', 0.2), ind('c', 0.7)] }],
      aggregation: 'arithmetic',
      missing: 'zero',
      tiers: [],
    };
    const r = evaluate(scheme, { regions: regions(1), values: { R1: { a: 0.000145, b: 10, c: 10 } } }).results[0]!;
    expect(r.score).toBe(9.000015);
    expect(r.groups[0]!.score).toBe(9.000015);
  });

  it('publishes scores rounded half-up at 6 decimals', () => {
    // x/100×100 = 0.5000005 → 0.500001 (the double 0.5000005 × 1e6 is 500000.49999999994)
    expect(Math.round(0.5000005 * 1e6)).toBe(500000);
    const r = scores(one({ normalisation: { method: 'standard', standard: 100, cap: 100 } }), [0.5000005]);
    expect(r.R1!.score).toBe(0.500001);
    expect(r.R1!.indicators[0]!.normalised).toBe(0.500001);
  });
});

describe('value transforms before normalisation (EIS/RIS)', () => {
  it('square root: 0, 25, 100 → 0, 5, 10 → min-max 0, 50, 100; the breakdown keeps the raw value', () => {
    const r = scores(one({ transform: 'sqrt' }), [0, 25, 100]);
    expect([r.R1!.score, r.R2!.score, r.R3!.score]).toEqual([0, 50, 100]);
    expect(r.R2!.indicators[0]!.raw).toBe(25);
  });

  it('logarithm: 1, e, e² → 0, 1, 2 → 0, 50, 100; x ≤ 0 is missing with a note', () => {
    const r = scores(one({ transform: 'log' }), [1, Math.E, Math.E ** 2, 0]);
    expect(r.R2!.score).toBeCloseTo(50, 6);
    expect(r.R3!.score).toBe(100);
    expect(r.R4!.missing).toEqual(['x']);
    expect(r.R4!.indicators[0]!.note).toContain('对数变换要求数值大于 0');
  });

  it('a negative value under sqrt is missing; the transform is refused with standard or target methods', () => {
    expect(scores(one({ transform: 'sqrt' }), [-1, 4, 9]).R1!.indicators[0]!.note).toContain('平方根变换要求数值不小于 0');
    const bad = one({ transform: 'log', normalisation: { method: 'standard', standard: 5, cap: 100 } });
    expect(schemeIssues(bad).map((i) => i.path)).toEqual(['groups.0.children.0.transform']);
  });

  it('names the transform in the method notes', () => {
    const notes = evaluate(one({ transform: 'sqrt', name: '技术合同成交额' }), input([1, 4])).method.notes;
    expect(notes.some((n) => n.includes('技术合同成交额（平方根）'))).toBe(true);
  });
});

describe('z-score: population or sample standard deviation', () => {
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  it('population sd √(32/8) = 2 by default; sample sd √(32/7) when the scheme says so', () => {
    expect(normalise(xs, 'positive', { method: 'zscore' }).values[7]).toBe(2);
    const s = normalise(xs, 'positive', { method: 'zscore', sd: 'sample' });
    expect(s.stats.sampleSd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(s.values[7]).toBeCloseTo(4 / Math.sqrt(32 / 7), 12);
    expect(s.values[0]).toBeCloseTo(-3 / Math.sqrt(32 / 7), 12);
  });

  it('a sample of one region has no sd: 0 with a note', () => {
    const s = normalise([5, null], 'positive', { method: 'zscore', sd: 'sample' });
    expect(s.values).toEqual([0, null]);
    expect(s.notes[0]).toContain('样本标准差无定义');
    expect(s.stats.sampleSd).toBeNull();
  });
});

describe('tiers relative to a computed reference (《中国区域科技创新评价报告》, EIS)', () => {
  // scores 0, 60, 90, 100 (min-max of the same values): average 62.5
  const xs = [0, 60, 90, 100];
  const report: TTier[] = [
    { name: '第一梯队', minScore: 100, reference: 'average', exclusive: true },
    { name: '第二梯队', minScore: 50, exclusive: true },
    { name: '第三梯队', minScore: Number.MIN_SAFE_INTEGER },
  ];
  it('第一梯队 above the average, 第二梯队 above 50, the rest 第三梯队', () => {
    const res = evaluate(one({}, report), input(xs));
    expect(Object.fromEntries(res.results.map((r) => [r.code, r.tier]))).toEqual({
      R1: '第三梯队',
      R2: '第二梯队',
      R3: '第一梯队',
      R4: '第一梯队',
    });
    expect(res.method.tierThresholds?.[0]).toEqual({ name: '第一梯队', threshold: 62.5, exclusive: true });
  });

  it('a score exactly equal to the average is not "above" it, and is at 100% inclusive', () => {
    // 0, 50, 100 → average 50 exactly
    const above = evaluate(one({}, [{ name: '第一梯队', minScore: 100, reference: 'average', exclusive: true }]), input([0, 50, 100]));
    expect(above.results.find((r) => r.code === 'R2')!.tier).toBeNull();
    const atLeast = evaluate(one({}, [{ name: '领先', minScore: 100, reference: 'average' }]), input([0, 50, 100]));
    expect(atLeast.results.find((r) => r.code === 'R2')!.tier).toBe('领先');
  });

  it('EIS groups as percentages of a named reference region', () => {
    // R4 = 100 is the reference: leaders > 125% impossible, strong ≥ 100% (R4 itself), moderate ≥ 60% (R2, R3)
    const eis: TTier[] = [
      { name: '创新领先', minScore: 125, reference: 'region', regionCode: 'R4', exclusive: true },
      { name: '强势创新', minScore: 100, reference: 'region', regionCode: 'R4' },
      { name: '中等创新', minScore: 60, reference: 'region', regionCode: 'R4' },
    ];
    const tiers = evaluate(one({}, eis), input(xs)).results.map((r) => [r.code, r.tier]);
    expect(Object.fromEntries(tiers)).toEqual({ R1: null, R2: '中等创新', R3: '中等创新', R4: '强势创新' });
  });

  it('refuses a reference region that is not compared, or missing', () => {
    const t: TTier = { name: 'A', minScore: 100, reference: 'region', regionCode: 'R9' };
    expect(() => evaluate(one({}, [t]), input(xs))).toThrow(expect.objectContaining({ code: 'indicator/invalid_scheme' }));
    expect(schemeIssues(one({}, [{ name: 'A', minScore: 100, reference: 'region' }]))[0]?.path).toBe('tiers.0.regionCode');
  });
});
