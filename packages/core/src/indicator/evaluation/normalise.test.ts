import { describe, expect, it } from 'vitest';
import { applyMissing } from './missing.ts';
import { indicatorStats, normalise } from './normalise.ts';

const close = (actual: (number | null)[], expected: (number | null)[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (e === null || e === undefined) expect(a).toBeNull();
    else expect(a).toBeCloseTo(e, 9);
  });
};

describe('minmax', () => {
  it('rescales to 0–100 with x = min → 0 and x = max → 100', () => {
    // min 10, max 40, range 30: (10−10)/30 = 0; (20−10)/30×100 = 33.333…; (40−10)/30×100 = 100
    close(normalise([10, 20, 40], 'positive', { method: 'minmax' }).values, [0, 100 / 3, 100]);
  });
  it('reverses negative polarity', () => {
    // (40−10)/30×100 = 100; (40−20)/30×100 = 66.666…; (40−40)/30 = 0
    close(normalise([10, 20, 40], 'negative', { method: 'minmax' }).values, [100, 200 / 3, 0]);
  });
  it('x = 0 with negative polarity is the best value', () => {
    // min 0, max 8, range 8: (8−0)/8×100 = 100; (8−2)/8×100 = 75; (8−8)/8 = 0
    close(normalise([0, 2, 8], 'negative', { method: 'minmax' }).values, [100, 75, 0]);
  });
  it('handles negative raw values', () => {
    // min −10, max 30, range 40: 0; (0+10)/40×100 = 25; 100
    close(normalise([-10, 0, 30], 'positive', { method: 'minmax' }).values, [0, 25, 100]);
  });
  it('gives 100 to everyone when all values are equal, and says so', () => {
    const r = normalise([5, 5, null, 5], 'positive', { method: 'minmax' });
    close(r.values, [100, 100, null, 100]);
    expect(r.notes[0]).toContain('数值相同');
    expect(r.stats).toEqual({ n: 3, min: 5, max: 5, mean: 5, sd: 0 });
  });
  it('keeps missing values missing and leaves them out of min/max', () => {
    // present 0 and 50 only: 0 → 0, 50 → 100
    close(normalise([0, null, 50, Number.NaN], 'positive', { method: 'minmax' }).values, [0, null, 100, null]);
  });
});

describe('zscore', () => {
  it('uses the population sd', () => {
    // values 2,4,4,4,5,5,7,9: mean 40/8 = 5; squared deviations 9,1,1,1,0,0,4,16 = 32; population sd √(32/8) = 2
    // (the sample sd would be √(32/7) ≈ 2.138). z = (x−5)/2 → −1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2
    const r = normalise([2, 4, 4, 4, 5, 5, 7, 9], 'positive', { method: 'zscore' });
    expect(r.stats.sd).toBe(2);
    expect(r.stats.mean).toBe(5);
    close(r.values, [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
  });
  it('reverses negative polarity: (mean − x)/sd', () => {
    close(normalise([2, 4, 4, 4, 5, 5, 7, 9], 'negative', { method: 'zscore' }).values, [1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2]);
  });
  it('gives 0 when sd is 0', () => {
    close(normalise([3, 3], 'positive', { method: 'zscore' }).values, [0, 0]);
  });
});

describe('ratio to a standard value (统计监测)', () => {
  const std = { method: 'standard', standard: 2.5, cap: 100 } as const;
  it('is x/standard×100 capped at 100', () => {
    // 2/2.5×100 = 80; 2.5/2.5×100 = 100 exactly at the cap; 3/2.5×100 = 120 → capped 100; 0 → 0; −1 → floored 0
    const r = normalise([2, 2.5, 3, 0, -1], 'positive', std);
    close(r.values, [80, 100, 100, 0, 0]);
    expect(r.notes[0]).toBeUndefined();
    expect(r.notes[1]).toContain('取上限 100');
    expect(r.notes[2]).toContain('标准值');
  });
  it('honours another cap', () => {
    // 3/2.5×100 = 120 = cap 120; 4/2.5×100 = 160 → 120
    close(normalise([3, 4], 'positive', { method: 'standard', standard: 2.5, cap: 120 }).values, [120, 120]);
  });
  it('inverts negative polarity: standard/x×100, x = 0 → cap', () => {
    // standard 0.5 t/万元: 0.5/1×100 = 50; 0.5/0.5×100 = 100; 0.5/0.25×100 = 200 → 100; x = 0 → cap 100
    close(normalise([1, 0.5, 0.25, 0], 'negative', { method: 'standard', standard: 0.5, cap: 100 }).values, [50, 100, 100, 100]);
  });
});

describe('distance to the region’s own target', () => {
  it('is actual/target×100 capped at 100; no target → missing', () => {
    // 90/100×100 = 90; 120/100 → 100; target null → missing; target 0 → missing
    const r = normalise([90, 120, 50, 50], 'positive', { method: 'target' }, [100, 100, null, 0]);
    close(r.values, [90, 100, null, null]);
    expect(r.notes[2]).toContain('无目标值');
  });
  it('inverts negative polarity: target/actual×100', () => {
    // 0.6/0.8×100 = 75; 0.6/0.5×100 = 120 → 100
    close(normalise([0.8, 0.5], 'negative', { method: 'target' }, [0.6, 0.6]).values, [75, 100]);
  });
});

describe('stats and missing rules', () => {
  it('reports nulls when no value is present', () => {
    expect(indicatorStats([null, undefined])).toEqual({ n: 0, min: null, max: null, mean: null, sd: null });
  });
  it('zero: missing → 0, imputed', () => {
    const r = applyMissing([40, null, 80], 'zero');
    expect(r.values).toEqual([40, 0, 80]);
    expect(r.imputed).toEqual([false, true, false]);
  });
  it('mean: missing → mean of the regions that have a value (40+80)/2 = 60, imputed', () => {
    const r = applyMissing([40, null, 80], 'mean');
    expect(r.values).toEqual([40, 60, 80]);
    expect(r.imputed).toEqual([false, true, false]);
    expect(r.notes[1]).toContain('60');
  });
  it('mean with no value anywhere falls back to 0', () => {
    expect(applyMissing([null, null], 'mean').values).toEqual([0, 0]);
  });
  it('reweight: stays missing, not imputed', () => {
    const r = applyMissing([40, null], 'reweight');
    expect(r.values).toEqual([40, null]);
    expect(r.imputed).toEqual([false, false]);
  });
});
