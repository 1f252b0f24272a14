import { describe, expect, it } from 'vitest';
import { type Catalog, Resolver, type StoredValue } from './rollup.ts';

const catalog: Catalog = new Map([
  ['rd_expenditure', { code: 'rd_expenditure', aggregation: 'sum', numeratorCode: null, denominatorCode: null, scale: null }],
  ['gdp', { code: 'gdp', aggregation: 'sum', numeratorCode: null, denominatorCode: null, scale: null }],
  ['rd_intensity', { code: 'rd_intensity', aggregation: 'ratio', numeratorCode: 'rd_expenditure', denominatorCode: 'gdp', scale: 100 }],
  [
    'st_progress_contribution',
    { code: 'st_progress_contribution', aggregation: 'none', numeratorCode: null, denominatorCode: null, scale: null },
  ],
]);
const children = new Map([
  ['430000', ['430400']],
  ['430400', ['430405', '430422', '430481']],
]);
function table(rows: Array<[string, string, string]>): Map<string, Map<string, StoredValue>> {
  const out = new Map<string, Map<string, StoredValue>>();
  for (const [ind, region, value] of rows) {
    const m = out.get(ind) ?? new Map<string, StoredValue>();
    out.set(ind, m);
    m.set(region, { value, source: 'file' });
  }
  return out;
}

describe('roll-up along the region tree', () => {
  // 3 counties: R&D 12 000 / 34 000 / 5 000 万元; GDP 1 000 000 / 2 500 000 / 500 000 万元
  const counties = table([
    ['rd_expenditure', '430405', '12000'],
    ['rd_expenditure', '430422', '34000'],
    ['rd_expenditure', '430481', '5000'],
    ['gdp', '430405', '1000000'],
    ['gdp', '430422', '2500000'],
    ['gdp', '430481', '500000'],
    ['rd_intensity', '430405', '1.2'],
    ['rd_intensity', '430422', '1.36'],
    ['rd_intensity', '430481', '1'],
  ]);

  it("a city's R&D intensity is ΣR&D / ΣGDP of its counties, not the mean of their ratios", () => {
    const r = new Resolver(catalog, counties, children);
    // (12000 + 34000 + 5000) / (1000000 + 2500000 + 500000) × 100 = 51000 / 4000000 × 100 = 1.275
    expect(r.get('rd_intensity', '430400')).toEqual({ value: 1.275, origin: 'derived', source: null, coverage: { covered: 3, total: 3 } });
    // the mean of the county ratios would be (1.2 + 1.36 + 1) / 3 = 1.18666…
    expect(r.get('rd_intensity', '430400')?.value).not.toBeCloseTo(1.18667, 3);
    expect(r.get('rd_expenditure', '430400')).toEqual({
      value: 51000,
      origin: 'rolled_up',
      source: null,
      coverage: { covered: 3, total: 3 },
    });
    expect(r.get('gdp', '430400')?.value).toBe(4000000);
    // one level further up: the province sums the rolled-up city
    expect(r.get('rd_intensity', '430000')?.value).toBe(1.275);
    expect(r.get('rd_intensity', '430405')).toEqual({ value: 1.2, origin: 'stored', source: 'file', coverage: null });
  });

  it('exact decimals: 0.1 + 0.2 of a sum is 0.3', () => {
    const r = new Resolver(
      catalog,
      table([
        ['gdp', '430405', '0.1'],
        ['gdp', '430422', '0.2'],
        ['gdp', '430481', '0'],
      ]),
      children,
    );
    expect(r.get('gdp', '430400')?.value).toBe(0.3);
  });

  it('states coverage and sums numerator and denominator over the same counties', () => {
    const partial = table([
      ['rd_expenditure', '430405', '12000'],
      ['rd_expenditure', '430422', '34000'],
      ['rd_expenditure', '430481', '5000'],
      ['gdp', '430405', '1000000'],
      ['gdp', '430422', '2500000'],
    ]);
    const r = new Resolver(catalog, partial, children);
    expect(r.get('gdp', '430400')).toEqual({ value: 3500000, origin: 'rolled_up', source: null, coverage: { covered: 2, total: 3 } });
    // 430481 has no GDP: it is left out of both sums → 46000 / 3500000 × 100 = 1.31428571…
    expect(r.get('rd_intensity', '430400')).toEqual({
      value: 1.31428571,
      origin: 'derived',
      source: null,
      coverage: { covered: 2, total: 3 },
    });
  });

  it('a stored value of the parent wins; non-aggregable indicators are never rolled up', () => {
    const withCity = table([
      ['rd_expenditure', '430405', '12000'],
      ['gdp', '430405', '1000000'],
      ['rd_intensity', '430400', '2.2'],
      ['st_progress_contribution', '430405', '55'],
    ]);
    const r = new Resolver(catalog, withCity, children);
    expect(r.get('rd_intensity', '430400')).toEqual({ value: 2.2, origin: 'stored', source: 'file', coverage: null });
    expect(r.get('st_progress_contribution', '430400')).toBeNull();
    expect(r.get('gdp', '430481')).toBeNull();
  });

  it('a zero denominator gives no value', () => {
    const r = new Resolver(
      catalog,
      table([
        ['rd_expenditure', '430405', '5'],
        ['gdp', '430405', '0'],
      ]),
      children,
    );
    expect(r.get('rd_intensity', '430405')).toBeNull();
  });
});
