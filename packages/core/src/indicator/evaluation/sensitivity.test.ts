import type { TEvaluationInput, TEvaluationScheme } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { mulberry32 } from './prng.ts';
import { sensitivity } from './sensitivity.ts';

const mm = (code: string, weight = 1) => ({
  kind: 'indicator' as const,
  code,
  weight,
  polarity: 'positive' as const,
  normalisation: { method: 'minmax' as const },
});
const scheme: TEvaluationScheme = {
  groups: [
    { kind: 'group', key: 'G1', name: 'G1', weight: 1, children: [mm('x'), mm('y')] },
    { kind: 'group', key: 'G2', name: 'G2', weight: 1, children: [mm('z')] },
  ],
  aggregation: 'arithmetic',
  missing: 'zero',
  tiers: [],
};
// A: x 100, y 0, z 50 → 0.25×100 + 0.25×0 + 0.5×50 = 50; B: x 0, y 100, z 50 → 50 (a tie any weight change breaks);
// C: x 50, y 50, z 100 → 75 (first under any ±20% weights); D: all 0 → 0 (last).
const input: TEvaluationInput = {
  regions: ['A', 'B', 'C', 'D'].map((code) => ({ code, name: code })),
  values: { A: { x: 100, y: 0, z: 50 }, B: { x: 0, y: 100, z: 50 }, C: { x: 50, y: 50, z: 100 }, D: { x: 0, y: 0, z: 0 } },
};

describe('sensitivity', () => {
  it('is deterministic for a seed', () => {
    const a = sensitivity(scheme, input, { perturbation: 0.2, samples: 200, seed: 42 });
    const b = sensitivity(scheme, input, { perturbation: 0.2, samples: 200, seed: 42 });
    expect(a).toEqual(b);
  });
  it('zero perturbation → min = max = p05 = p95 = rank', () => {
    const s = sensitivity(scheme, input, { perturbation: 0, samples: 50, seed: 7 });
    const ranks = Object.fromEntries(evaluate(scheme, input).results.map((r) => [r.code, r.rank]));
    expect(ranks).toEqual({ C: 1, A: 2, B: 2, D: 4 });
    for (const [code, e] of Object.entries(s))
      expect(e).toEqual({ rank: ranks[code], minRank: ranks[code], maxRank: ranks[code], p05Rank: ranks[code], p95Rank: ranks[code] });
  });
  it('shows the tied pair moving between 2 and 3 while the clear leader and laggard stay put', () => {
    const s = sensitivity(scheme, input, { perturbation: 0.2, samples: 200, seed: 1 });
    expect(s.C).toEqual({ rank: 1, minRank: 1, maxRank: 1, p05Rank: 1, p95Rank: 1 });
    expect(s.D).toEqual({ rank: 4, minRank: 4, maxRank: 4, p05Rank: 4, p95Rank: 4 });
    expect(s.A).toMatchObject({ rank: 2, minRank: 2, maxRank: 3, p05Rank: 2, p95Rank: 3 });
    expect(s.B).toMatchObject({ rank: 2, minRank: 2, maxRank: 3, p05Rank: 2, p95Rank: 3 });
  });
  it('refuses bad options', () => {
    expect(() => sensitivity(scheme, input, { perturbation: 1.5 })).toThrow(expect.objectContaining({ code: 'common/validation' }));
    expect(() => sensitivity(scheme, input, { samples: 0 })).toThrow(expect.objectContaining({ code: 'common/validation' }));
  });
  it('the PRNG is seeded and uniform-ish in [0, 1)', () => {
    const a = mulberry32(3);
    const b = mulberry32(3);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});
