import { describe, expect, it } from 'vitest';
import { D } from '../enterprise/decimal.ts';
import { mulberry32 } from './evaluation/prng.ts';
import { type Catalog, toNumber as decimalNumber, Resolver, type StoredValue } from './rollup.ts';

// Resolver.get() answers stored values, ratios of a region's own stored operands and empty leaves without
// Decimal work (bench/indicators.ts). These check the fast answers equal the exact Decimal ones.
const catalog: Catalog = new Map([
  ['n', { code: 'n', aggregation: 'sum', numeratorCode: null, denominatorCode: null, scale: null }],
  ['d', { code: 'd', aggregation: 'sum', numeratorCode: null, denominatorCode: null, scale: null }],
  ['r', { code: 'r', aggregation: 'ratio', numeratorCode: 'n', denominatorCode: 'd', scale: 100 }],
  ['r1', { code: 'r1', aggregation: 'ratio', numeratorCode: 'n', denominatorCode: 'd', scale: 1 }],
  ['rr', { code: 'rr', aggregation: 'ratio', numeratorCode: 'r', denominatorCode: 'd', scale: 10000 }],
  ['x', { code: 'x', aggregation: 'none', numeratorCode: null, denominatorCode: null, scale: null }],
]);
const stored = (rows: Array<[string, string, string]>) => {
  const out = new Map<string, Map<string, StoredValue>>();
  for (const [ind, region, value] of rows) {
    const m = out.get(ind) ?? new Map<string, StoredValue>();
    out.set(ind, m);
    m.set(region, { value, source: 'file' });
  }
  return out;
};
/** the exact Decimal answer: n × scale / d at 40 digits, rounded to 8 places */
const exact = (n: string, d: string, scale: number) => decimalNumber(new D(n).times(scale).dividedBy(new D(d)));

describe('Resolver fast paths', () => {
  it('a ratio of stored operands equals the Decimal quotient, on random and near-half inputs', () => {
    const rng = mulberry32(7);
    const cases: Array<[string, string]> = [
      ['1', '3'],
      ['2', '3'],
      ['-2', '3'],
      ['0', '5'],
      ['-0.00000001', '7'],
      ['1', '200000000'], // 0.000000005 × 100: exactly half at the 9th place
      ['1', '2000000000'], // 0.0000000005 × 100
      ['123456789012345.12345678', '0.00000001'],
      ['0.00000001', '999999999999999.99999999'],
      ['5', '-0.3'],
    ];
    for (let i = 0; i < 3000; i++) {
      const a = (rng() * 10 ** Math.floor(rng() * 10)).toFixed(Math.floor(rng() * 9));
      const b = (rng() * 10 ** Math.floor(rng() * 10) + 1).toFixed(Math.floor(rng() * 9));
      cases.push([rng() < 0.1 ? `-${a}` : a, b]);
    }
    for (const [n, d] of cases) {
      const r = new Resolver(
        catalog,
        stored([
          ['n', 'A', n],
          ['d', 'A', d],
        ]),
        new Map(),
      );
      for (const [code, scale] of [
        ['r', 100],
        ['r1', 1],
      ] as const) {
        const want = exact(n, d, scale);
        expect(r.get(code, 'A'), `${n} / ${d} × ${scale}`).toEqual({ value: want, origin: 'derived', source: null, coverage: null });
        expect(Object.is(r.get(code, 'A')?.value, -0)).toBe(false);
      }
    }
  });

  it('a zero denominator, a missing operand and a leaf without data give null; a derived operand still derives', () => {
    const r = new Resolver(
      catalog,
      stored([
        ['n', 'A', '5'],
        ['d', 'A', '0'],
        ['n', 'B', '5'],
        ['n', 'C', '3'],
        ['d', 'C', '4'],
      ]),
      new Map(),
    );
    expect(r.get('r', 'A')).toBeNull();
    expect(r.get('r', 'B')).toBeNull();
    expect(r.get('x', 'B')).toBeNull();
    expect(r.get('d', 'B')).toBeNull();
    // rr = r / d × 10000 where r is itself derived: 75 / 4 × 10000
    expect(r.get('rr', 'C')).toEqual({ value: 187500, origin: 'derived', source: null, coverage: null });
  });

  it('stored values come back as their numbers, trailing zeros and negative zero included', () => {
    const r = new Resolver(
      catalog,
      stored([
        ['x', 'A', '1.50'],
        ['x', 'B', '-0.000'],
        ['x', 'C', '0.123456789'],
      ]),
      new Map(),
    );
    expect(r.get('x', 'A')).toEqual({ value: 1.5, origin: 'stored', source: 'file', coverage: null });
    expect(Object.is(r.get('x', 'B')?.value, 0)).toBe(true);
    // more than 8 decimals: rounded as before
    expect(r.get('x', 'C')?.value).toBe(0.12345679);
  });
});
