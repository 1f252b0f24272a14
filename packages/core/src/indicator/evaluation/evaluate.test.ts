import { type TEvaluationInput, type TEvaluationScheme, type TRegionResult, ZEvaluationResult } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { compileScheme, effectiveWeights } from './scheme.ts';

const ind = (code: string, weight: number, standard: number, polarity: 'positive' | 'negative' = 'positive') => ({
  kind: 'indicator' as const,
  code,
  weight,
  polarity,
  normalisation: { method: 'standard' as const, standard, cap: 100 },
});

/*
 * 3 regions × 3 indicators, ratio to standard capped at 100.
 * G1 (weight 3) = { x (2, standard 10), y (1, standard 50) }, G2 (weight 1) = { z (1, standard 4, negative) }.
 * Effective weights: x = 3/4 × 2/3 = 0.5, y = 3/4 × 1/3 = 0.25, z = 1/4 × 1 = 0.25.
 *   A: x 10 → 100, y 25 → 50,  z 8 → 4/8×100 = 50
 *   B: x 5  → 50,  y 50 → 100, z 4 → 100
 *   C: x 8  → 80,  y 40 → 80,  z 2 → 200 → capped 100
 */
const scheme: TEvaluationScheme = {
  groups: [
    { kind: 'group', key: 'G1', name: '科技创新投入', weight: 3, children: [ind('x', 2, 10), ind('y', 1, 50)] },
    { kind: 'group', key: 'G2', name: '科技创新绩效', weight: 1, children: [ind('z', 1, 4, 'negative')] },
  ],
  aggregation: 'arithmetic',
  missing: 'zero',
  tiers: [],
};
const input: TEvaluationInput = {
  regions: [
    { code: 'A', name: '甲县' },
    { code: 'B', name: '乙县' },
    { code: 'C', name: '丙县' },
  ],
  values: { A: { x: 10, y: 25, z: 8 }, B: { x: 5, y: 50, z: 4 }, C: { x: 8, y: 40, z: 2 } },
};
const byCode = (rs: TRegionResult[]) => Object.fromEntries(rs.map((r) => [r.code, r]));

describe('evaluate: arithmetic, 3 × 3 by hand', () => {
  const res = evaluate(scheme, input);
  const r = byCode(res.results);
  it('scores', () => {
    // A = 0.5×100 + 0.25×50 + 0.25×50 = 75; B = 0.5×50 + 0.25×100 + 0.25×100 = 75; C = 0.5×80 + 0.25×80 + 0.25×100 = 85
    expect(r.A!.score).toBe(75);
    expect(r.B!.score).toBe(75);
    expect(r.C!.score).toBe(85);
  });
  it('ranks 1,2,2 with ties listed by code', () => {
    expect(res.results.map((x) => [x.code, x.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 2],
    ]);
  });
  it('group scores and weights', () => {
    // G1: A (2×100 + 1×50)/3 = 83.333333; B (2×50 + 100)/3 = 66.666667; C (2×80 + 80)/3 = 80
    expect(r.A!.groups.map((g) => [g.key, g.score, g.weight])).toEqual([
      ['G1', 83.333333, 0.75],
      ['G2', 50, 0.25],
    ]);
    expect(r.B!.groups[0]!.score).toBe(66.666667);
    expect(r.C!.groups[0]!.score).toBe(80);
  });
  it('breakdown: raw, normalised, effective weight, contributions summing to the score', () => {
    expect(r.C!.indicators).toEqual([
      { code: 'x', raw: 8, normalised: 80, effectiveWeight: 0.5, contribution: 40, imputed: false },
      { code: 'y', raw: 40, normalised: 80, effectiveWeight: 0.25, contribution: 20, imputed: false },
      { code: 'z', raw: 2, normalised: 100, effectiveWeight: 0.25, contribution: 25, imputed: false, note: '达到或优于标准值，取上限 100' },
    ]);
    expect(r.C!.indicators.reduce((s, i) => s + i.contribution, 0)).toBeCloseTo(r.C!.score, 6);
  });
  it('indicator stats and notes', () => {
    // x: 10, 5, 8 → mean 23/3, population sd √(((10−23/3)² + (5−23/3)² + (8−23/3)²)/3) = √(38/9) ≈ 2.054805
    expect(res.indicatorStats.x!.n).toBe(3);
    expect(res.indicatorStats.x!.mean).toBeCloseTo(23 / 3, 12);
    expect(res.indicatorStats.x!.sd).toBeCloseTo(Math.sqrt(38 / 9), 12);
    expect(res.method.notes.some((n) => n.includes('标准值法'))).toBe(true);
    expect(res.method.notes.some((n) => n.includes('缺失指标按标准化值 0 分计'))).toBe(true);
  });
});

describe('evaluate: geometric, same data', () => {
  const res = evaluate({ ...scheme, aggregation: 'geometric' }, input);
  const r = byCode(res.results);
  it('scores Π xᵢ^wᵢ', () => {
    // A = 100^0.5 × 50^0.25 × 50^0.25 = 10 × √50 = √5000 = 70.710678
    // B = 50^0.5 × 100^0.25 × 100^0.25 = √50 × 10 = 70.710678 (a tie again, reached by different float paths)
    // C = 80^0.5 × 80^0.25 × 100^0.25 = 80^0.75 × 100^0.25 = 26.749612 × 3.162278 = 84.589701
    expect(r.A!.score).toBe(70.710678);
    expect(r.B!.score).toBe(70.710678);
    expect(r.C!.score).toBe(84.589701);
    expect([r.C!.rank, r.A!.rank, r.B!.rank]).toEqual([1, 2, 2]);
    // G1 for A = 100^(2/3) × 50^(1/3) = 500000^(1/3) = 79.370053
    expect(r.A!.groups[0]!.score).toBe(79.370053);
    // contributions are factors: 100^0.5 = 10, 50^0.25 = 2.659148
    expect(r.A!.indicators.map((i) => i.contribution)).toEqual([10, 2.659148, 2.659148]);
    expect(res.method.notes[0]).toContain('几何平均');
  });
  it('a zero normalised value makes the geometric score 0', () => {
    // minmax on x: A is the minimum → 0 → A's score is 0
    const s: TEvaluationScheme = {
      ...scheme,
      aggregation: 'geometric',
      groups: [
        {
          kind: 'group',
          key: 'G',
          name: 'G',
          weight: 1,
          children: [{ ...ind('x', 1, 1), normalisation: { method: 'minmax' } }, ind('y', 1, 50)],
        },
      ],
    };
    const out = byCode(evaluate(s, { ...input, values: { A: { x: 1, y: 50 }, B: { x: 2, y: 50 }, C: { x: 3, y: 50 } } }).results);
    expect(out.A!.score).toBe(0);
    // B = 50^0.5 × 100^0.5 = √5000
    expect(out.B!.score).toBe(70.710678);
    expect(out.C!.score).toBe(100);
  });
});

describe('missing-data rules', () => {
  /*
   * one group, x and y weight 1, minmax. x: A 10, B 20, C missing → A 0, B 100. y: A 0, B 10, C 8 → A 0, B 100, C 80.
   */
  const mm = (code: string) => ({
    kind: 'indicator' as const,
    code,
    weight: 1,
    polarity: 'positive' as const,
    normalisation: { method: 'minmax' as const },
  });
  const base: TEvaluationScheme = {
    groups: [{ kind: 'group', key: 'G', name: 'G', weight: 1, children: [mm('x'), mm('y')] }],
    aggregation: 'arithmetic',
    missing: 'zero',
    tiers: [],
  };
  const data: TEvaluationInput = { ...input, values: { A: { x: 10, y: 0 }, B: { x: 20, y: 10 }, C: { x: null, y: 8 } } };
  it('zero: C = (0 + 80)/2 = 40', () => {
    const c = byCode(evaluate(base, data).results).C!;
    expect(c.score).toBe(40);
    expect(c.missing).toEqual(['x']);
    expect(c.indicators[0]).toMatchObject({ raw: null, normalised: 0, imputed: true, effectiveWeight: 0.5 });
  });
  it('mean: C x = (0 + 100)/2 = 50, C = (50 + 80)/2 = 65', () => {
    const res = evaluate({ ...base, missing: 'mean' }, data);
    const c = byCode(res.results).C!;
    expect(c.score).toBe(65);
    expect(c.indicators[0]).toMatchObject({ normalised: 50, imputed: true });
    expect(res.method.notes.join()).toContain('平均值替代');
  });
  it('reweight: C = y alone = 80, x dropped with weight 0', () => {
    const c = byCode(evaluate({ ...base, missing: 'reweight' }, data).results).C!;
    expect(c.score).toBe(80);
    expect(c.indicators[0]).toMatchObject({ normalised: null, imputed: false, effectiveWeight: 0, contribution: 0 });
    expect(c.indicators[1]).toMatchObject({ normalised: 80, effectiveWeight: 1, contribution: 80 });
  });
  it('reweight drops a whole group when all its indicators are missing', () => {
    // G1 (3) = {x}, G2 (1) = {y}; C has no y → G2 dropped, G1 gets weight 1: C = x = 80 (standard 10: 8/10×100)
    const s: TEvaluationScheme = {
      ...scheme,
      missing: 'reweight',
      groups: [
        { kind: 'group', key: 'G1', name: 'G1', weight: 3, children: [ind('x', 1, 10)] },
        { kind: 'group', key: 'G2', name: 'G2', weight: 1, children: [ind('y', 1, 50)] },
      ],
    };
    const c = byCode(evaluate(s, { ...input, values: { ...input.values, C: { x: 8 } } }).results).C!;
    expect(c.score).toBe(80);
    expect(c.groups.map((g) => [g.key, g.weight, g.score])).toEqual([
      ['G1', 1, 80],
      ['G2', 0, null],
    ]);
  });
  it('reweight: a region with no data at all scores 0 and is named in the notes', () => {
    const res = evaluate({ ...base, missing: 'reweight' }, { ...data, values: { ...data.values, C: {} } });
    expect(byCode(res.results).C!.score).toBe(0);
    expect(res.method.notes.at(-1)).toContain('丙县');
  });
});

describe('nested weights, ranks, tiers', () => {
  it('effective weight = product of the sibling-normalised weights down the path', () => {
    // G1 (3) { G11 (1) { a (1), b (3) }, c (1) }, G2 (1) { d (1) }
    // G1 = 3/4; G11 = 3/4 × 1/2 = 3/8; a = 3/8 × 1/4 = 0.09375; b = 3/8 × 3/4 = 0.28125; c = 3/4 × 1/2 = 0.375; d = 1/4
    const s: TEvaluationScheme = {
      ...scheme,
      groups: [
        {
          kind: 'group',
          key: 'G1',
          name: 'G1',
          weight: 3,
          children: [
            { kind: 'group', key: 'G11', name: 'G11', weight: 1, children: [ind('a', 1, 100), ind('b', 3, 100)] },
            ind('c', 1, 100),
          ],
        },
        { kind: 'group', key: 'G2', name: 'G2', weight: 1, children: [ind('d', 1, 100)] },
      ],
    };
    const compiled = compileScheme(s);
    const eff = effectiveWeights(compiled);
    expect(compiled.leaves.map((l) => eff[l])).toEqual([0.09375, 0.28125, 0.375, 0.25]);
    // a 40, b 80, c 60, d 100 (standard 100): 0.09375×40 + 0.28125×80 + 0.375×60 + 0.25×100 = 3.75 + 22.5 + 22.5 + 25 = 73.75
    const r = evaluate(s, { regions: [{ code: 'A', name: '甲' }], values: { A: { a: 40, b: 80, c: 60, d: 100 } } }).results[0]!;
    expect(r.score).toBe(73.75);
    expect(r.indicators.map((i) => i.effectiveWeight)).toEqual([0.09375, 0.28125, 0.375, 0.25]);
    // G11 = (40 + 3×80)/4 = 70; G1 = (70 + 60)/2 = 65
    expect(r.groups.map((g) => [g.key, g.level, g.parentKey, g.score, g.effectiveWeight])).toEqual([
      ['G1', 1, null, 65, 0.75],
      ['G11', 2, 'G1', 70, 0.375],
      ['G2', 1, null, 100, 0.25],
    ]);
  });
  it('rank change: + = 进位, − = 退位, null without a previous rank', () => {
    // ranks now: C 1, A 2, B 2
    const r = byCode(evaluate(scheme, { ...input, previousRanks: { A: 3, C: 1, B: 1 } }).results);
    expect([r.A!.previousRank, r.A!.rankChange]).toEqual([3, 1]);
    expect(r.B!.rankChange).toBe(-1);
    expect(r.C!.rankChange).toBe(0);
    const none = byCode(evaluate(scheme, input).results);
    expect([none.A!.previousRank, none.A!.rankChange]).toEqual([null, null]);
  });
  it('tiers at exact boundaries use the rounded score', () => {
    // scores 75, 75, 85: 75 is exactly 第二梯队's minScore
    const tiers = [
      { name: '第一梯队', minScore: 80 },
      { name: '第二梯队', minScore: 75 },
      { name: '第三梯队', minScore: 0 },
    ];
    const r = byCode(evaluate({ ...scheme, tiers }, input).results);
    expect([r.C!.tier, r.A!.tier, r.B!.tier]).toEqual(['第一梯队', '第二梯队', '第二梯队']);
    expect(byCode(evaluate(scheme, input).results).A!.tier).toBeNull();
  });
  it('z-score notes state the population sd', () => {
    const z: TEvaluationScheme = {
      ...scheme,
      groups: [{ kind: 'group', key: 'G', name: 'G', weight: 1, children: [{ ...ind('x', 1, 1), normalisation: { method: 'zscore' } }] }],
    };
    const res = evaluate(z, input);
    expect(res.method.notes.join()).toContain('总体标准差');
    // x: 10, 5, 8, mean 23/3, sd √(38/9); A = (10 − 23/3)/√(38/9) = (7/3)/2.054805 = 1.135550
    expect(byCode(res.results).A!.score).toBe(1.13555);
  });
  it('refuses duplicate region codes', () => {
    expect(() => evaluate(scheme, { ...input, regions: [...input.regions, { code: 'A', name: '又一个甲' }] })).toThrow(
      expect.objectContaining({ code: 'common/validation' }),
    );
  });
  it('empty region list → empty result', () => {
    expect(evaluate(scheme, { regions: [], values: {} }).results).toEqual([]);
  });
});

describe('contract agreement and the target method', () => {
  it('the result parses with ZEvaluationResult', () => {
    const res = evaluate(
      { ...scheme, missing: 'reweight' },
      { ...input, values: { ...input.values, B: { x: 5 } }, previousRanks: { A: 1 } },
    );
    expect(() => ZEvaluationResult.parse(res)).not.toThrow();
  });
  it('target: actual/own target×100 capped at 100, no target → missing, and stats with no data', () => {
    // t (weight 1, target method): A 45/50×100 = 90; B 60/50 → 100 (capped); C has no target → missing → 0 (zero rule)
    // u (weight 1, minmax) has no value anywhere: every region gets 0 and stats are all null
    const s: TEvaluationScheme = {
      ...scheme,
      groups: [
        {
          kind: 'group',
          key: 'G',
          name: 'G',
          weight: 1,
          children: [
            { kind: 'indicator', code: 't', weight: 1, polarity: 'positive', normalisation: { method: 'target' } },
            { kind: 'indicator', code: 'u', weight: 1, polarity: 'positive', normalisation: { method: 'minmax' } },
          ],
        },
      ],
    };
    const res = evaluate(s, { ...input, values: { A: { t: 45 }, B: { t: 60 }, C: { t: 70 } }, targets: { A: { t: 50 }, B: { t: 50 } } });
    const r = byCode(res.results);
    // A = (90 + 0)/2 = 45; B = (100 + 0)/2 = 50; C = 0
    expect([r.A!.score, r.B!.score, r.C!.score]).toEqual([45, 50, 0]);
    expect(r.C!.missing).toEqual(['t', 'u']);
    expect(r.C!.indicators[0]!.note).toBe('无目标值或目标值不大于 0，视为缺失；缺失，按 0 分计');
    expect(r.B!.indicators[0]!.note).toBe('达到或超过目标值，取上限 100');
    expect(res.indicatorStats.u).toEqual({ n: 0, min: null, max: null, mean: null, sd: null });
    expect(res.method.notes.join()).toContain('目标值法');
  });
});
