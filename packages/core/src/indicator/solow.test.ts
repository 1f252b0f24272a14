import { describe, expect, it } from 'vitest';
import { solowContribution } from './solow.ts';

describe('科技进步贡献率 by the Solow residual (domain-rules §4)', () => {
  // Output +10%/yr, capital +12%/yr, labour +1%/yr over 5 years: levels 100 → 100·1.1⁵ etc.
  const base = {
    output: [100, 161.051] as [number, number],
    capital: [100, 176.2341683] as [number, number],
    labour: [100, 105.101005] as [number, number],
    years: 5,
    alpha: 0.4,
    beta: 0.6,
  };

  it('a = y − αk − βl = 10 − 0.4×12 − 0.6×1 = 4.6%, E = 4.6 / 10 = 46%', () => {
    const r = solowContribution(base);
    expect(r.outputGrowth).toBe(10);
    expect(r.capitalGrowth).toBeCloseTo(12, 6);
    expect(r.labourGrowth).toBeCloseTo(1, 6);
    expect(r.techGrowth).toBeCloseTo(4.6, 5);
    expect(r.contribution).toBe(46);
    expect(r.basis).toContain('α=0.4');
  });

  it('α and β are the scheme’s: α = 0.3, β = 0.7 gives 10 − 3.6 − 0.7 = 5.7 → 57%', () => {
    expect(solowContribution({ ...base, alpha: 0.3, beta: 0.7 }).contribution).toBe(57);
  });

  it('one year: plain growth rates; a residual above y or below 0 is reported as computed', () => {
    const r = solowContribution({ output: [100, 108], capital: [100, 110], labour: [100, 100], years: 1, alpha: 0.5, beta: 0.5 });
    // a = 8 − 5 − 0 = 3 → 37.5%
    expect(r.contribution).toBe(37.5);
    const negative = solowContribution({ output: [100, 105], capital: [100, 115], labour: [100, 101], years: 1, alpha: 0.5, beta: 0.5 });
    // a = 5 − 7.5 − 0.5 = −3 → −60%
    expect(negative.contribution).toBe(-60);
  });

  it('refuses zero output growth, non-positive levels and α, β or t out of range', () => {
    const code = expect.objectContaining({ code: 'common/validation' });
    expect(() => solowContribution({ ...base, output: [100, 100] })).toThrow(code);
    expect(() => solowContribution({ ...base, capital: [0, 100] })).toThrow(code);
    expect(() => solowContribution({ ...base, alpha: 1.2 })).toThrow(code);
    expect(() => solowContribution({ ...base, beta: -0.1 })).toThrow(code);
    expect(() => solowContribution({ ...base, years: 0 })).toThrow(code);
  });
});
