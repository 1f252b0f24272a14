import type { TIndicator, TStoredScheme } from '@kechuang/contracts';
import { ZEvaluationScheme } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { fromForm, type SchemeForm, toForm } from './scheme-model.ts';

const form: SchemeForm = {
  name: '县域考评',
  level: 3,
  parentRegionCode: '430400',
  aggregation: 'arithmetic',
  missing: 'zero',
  groups: [
    {
      name: '投入',
      weight: 1,
      children: [
        { code: 'rd_intensity', weight: 1, polarity: 'positive', method: 'zscore', sd: 'sample', transform: 'log' },
        { code: 'hnte_count', weight: 1, polarity: 'positive', method: 'minmax', transform: 'sqrt' },
        // a transform left over from another method is not sent with the standard method
        { code: 'fiscal_st_share', weight: 1, polarity: 'positive', method: 'standard', standard: 5, transform: 'sqrt' },
      ],
    },
  ],
  tiers: [
    { name: '第一梯队', minScore: 100, exclusive: true, reference: 'average' },
    { name: '领先', minScore: 125, reference: 'region', regionCode: '430405' },
    { name: '第三梯队', minScore: 0, reference: 'fixed' },
  ],
};

describe('scheme editor ↔ scheme definition', () => {
  it('sends transforms, the sd choice and relative tiers as the contract expects', () => {
    const input = fromForm(form, new Map<string, TIndicator>());
    const def = ZEvaluationScheme.parse(input.definition);
    const leaves = def.groups[0]!.children;
    expect(leaves[0]).toMatchObject({ transform: 'log', normalisation: { method: 'zscore', sd: 'sample' } });
    expect(leaves[1]).toMatchObject({ transform: 'sqrt', normalisation: { method: 'minmax' } });
    expect(leaves[2]).not.toHaveProperty('transform');
    expect(def.tiers).toEqual([
      { name: '第一梯队', minScore: 100, exclusive: true, reference: 'average' },
      { name: '领先', minScore: 125, reference: 'region', regionCode: '430405' },
      { name: '第三梯队', minScore: 0 },
    ]);
  });

  it('reads them back into the form', () => {
    const input = fromForm(form, new Map<string, TIndicator>());
    const stored = { ...input, id: 1, version: 1, parentRegionName: '衡阳市' } as unknown as TStoredScheme;
    const back = toForm(stored);
    expect(back.groups[0]!.children[0]).toMatchObject({ method: 'zscore', sd: 'sample', transform: 'log' });
    expect(back.tiers[1]).toMatchObject({ reference: 'region', regionCode: '430405', minScore: 125 });
    expect(back.tiers[2]).toMatchObject({ reference: 'fixed' });
  });
});
