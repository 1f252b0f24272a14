import { describe, expect, it } from 'vitest';
import type { TIpItem } from './contract-types.ts';
import { highValueCriteria, highValuePatent2021, isHighValuePatent, isValidInventionPatent } from './high-value-patent.ts';

const at = '2025-12-31';
const patent = (extra: Partial<TIpItem> = {}): TIpItem => ({
  kind: 'invention_patent',
  grantDate: '2022-05-01',
  filingDate: '2020-03-01',
  domestic: true,
  owned: true,
  ...extra,
});

describe('高价值发明专利 (国家知识产权局口径, §4)', () => {
  it('an ordinary valid invention patent is not high-value', () => {
    expect(isValidInventionPatent(patent(), at)).toBe(true);
    expect(highValueCriteria(patent(), at)).toEqual([]);
  });

  it('counts each of the five criteria', () => {
    expect(highValueCriteria(patent({ strategicEmergingIndustry: true }), at)).toEqual(['strategic_emerging']);
    expect(highValueCriteria(patent({ overseasFamily: true }), at)).toEqual(['overseas_family']);
    expect(highValueCriteria(patent({ awards: ['china_patent_award'] }), at)).toEqual(['award']);
    expect(highValueCriteria(patent({ awards: ['national_st_award'], overseasFamily: true }), at)).toEqual(['overseas_family', 'award']);
  });

  it('维持年限超过10年: from the filing date, strictly past the tenth anniversary', () => {
    expect(isHighValuePatent(patent({ filingDate: '2015-12-31', grantDate: '2018-01-01' }), at)).toBe(false);
    expect(isHighValuePatent(patent({ filingDate: '2015-12-30', grantDate: '2018-01-01' }), at)).toBe(true);
    // without a filing date the grant date stands in (later, so never over-counts)
    expect(isHighValuePatent(patent({ filingDate: undefined, grantDate: '2015-12-30' }), at)).toBe(true);
    expect(isHighValuePatent(patent({ filingDate: undefined, grantDate: '2015-12-31' }), at)).toBe(false);
  });

  it('较高质押融资金额: at or above 1000万元 (configurable)', () => {
    expect(isHighValuePatent(patent({ pledgeFinancingFen: 999_999_999 }), at)).toBe(false);
    expect(isHighValuePatent(patent({ pledgeFinancingFen: 1_000_000_000 }), at)).toBe(true);
    expect(isHighValuePatent(patent({ pledgeFinancingFen: 500_000_000 }), at, { ...highValuePatent2021, pledgeMinFen: 500_000_000 })).toBe(
      true,
    );
  });

  it('only valid domestic invention patents count: granted by the date, in force, not foreign, not utility models', () => {
    const hv = { strategicEmergingIndustry: true };
    expect(isHighValuePatent(patent({ ...hv, grantDate: '2026-01-01' }), at)).toBe(false);
    expect(isHighValuePatent(patent({ ...hv, grantDate: undefined }), at)).toBe(false);
    expect(isHighValuePatent(patent({ ...hv, expiryDate: '2025-12-30' }), at)).toBe(false);
    expect(isHighValuePatent(patent({ ...hv, expiryDate: '2025-12-31' }), at)).toBe(true);
    expect(isHighValuePatent(patent({ ...hv, domestic: false }), at)).toBe(false);
    expect(isHighValuePatent(patent({ ...hv, kind: 'utility_model' }), at)).toBe(false);
    // the twenty-year term from filing ends the day before the 20th anniversary
    // filed 2005-12-31: the term ends 2025-12-30
    expect(isHighValuePatent(patent({ ...hv, filingDate: '2005-12-31', grantDate: '2009-01-01' }), '2025-12-31')).toBe(false);
    expect(isHighValuePatent(patent({ ...hv, filingDate: '2005-12-31', grantDate: '2009-01-01' }), '2025-12-30')).toBe(true);
  });
});
