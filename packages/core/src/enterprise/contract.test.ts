import { describe, expect, it } from 'vitest';
import { ZAssessmentInput, ZDecimalString, ZEnterpriseYear } from '../../../contracts/src/enterprise.ts';

describe('the assessment-input contract', () => {
  it('takes head counts as short non-negative decimal strings only', () => {
    expect(ZDecimalString.safeParse('12.5').success).toBe(true);
    expect(ZDecimalString.safeParse('0.000001').success).toBe(true);
    for (const bad of ['1e3', '-1', '0.1234567', '', '.5', '1,000']) expect(ZDecimalString.safeParse(bad).success, bad).toBe(false);
  });

  it('takes money as integer 分 and rejects fractions of a 分 and negative sales', () => {
    expect(ZEnterpriseYear.safeParse({ year: 2025, salesFen: 100 }).success).toBe(true);
    expect(ZEnterpriseYear.safeParse({ year: 2025, salesFen: 100.5 }).success).toBe(false);
    expect(ZEnterpriseYear.safeParse({ year: 2025, salesFen: -1 }).success).toBe(false);
    expect(ZEnterpriseYear.safeParse({ year: 2025, netAssetsFen: -1 }).success).toBe(true);
  });

  it('fills absent R&D categories with 0 and validates the 统一社会信用代码', () => {
    const parsed = ZAssessmentInput.parse({ years: [{ year: 2025, rdExpense: { personnelFen: 5 } }] });
    expect(parsed.years[0]?.rdExpense).toMatchObject({ personnelFen: 5, otherFen: 0, outsourcedForeignFen: 0 });
    expect(ZAssessmentInput.safeParse({ uscc: '91350100M000100Y43' }).success).toBe(true);
    expect(ZAssessmentInput.safeParse({ uscc: '91350100M000100Y44' }).success).toBe(false);
  });
});
