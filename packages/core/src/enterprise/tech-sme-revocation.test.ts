import { describe, expect, it } from 'vitest';
import { assessTechSme } from './assess-tech-sme.ts';
import { goodInput, parseInput } from './enterprise.factory.ts';
import { techSme2022 } from './rule-packs/tech-sme-2022.ts';

// 国科火字〔2019〕87号: 被撤销登记编号的企业当年不得再次参与评价.
const assess = (revocations: { revokedOn: string; number?: string }[] | undefined, at: string) =>
  assessTechSme(parseInput(goodInput({ techSmeRevocations: revocations })), techSme2022, at);
const revocation = (revocations: { revokedOn: string }[] | undefined, at: string) =>
  assess(revocations, at).conditions.find((c) => c.id === 'techSme.revocation');

describe('科技型中小企业: no re-evaluation in the year of a revocation', () => {
  it('bars the rest of the calendar year of the revocation, up to 31 December inclusive', () => {
    expect(revocation([{ revokedOn: '2026-12-31' }], '2026-12-31')?.status).toBe('unmet');
    expect(revocation([{ revokedOn: '2026-01-01' }], '2026-01-01')?.status).toBe('unmet');
    expect(assess([{ revokedOn: '2026-03-01' }], '2026-06-01').outcome).toBe('unlikely');
  });

  it('no longer bars from 1 January of the next year, nor for a revocation of an earlier year', () => {
    expect(revocation([{ revokedOn: '2026-12-31' }], '2027-01-01')?.status).toBe('met');
    expect(revocation([{ revokedOn: '2025-06-01' }], '2026-06-01')?.status).toBe('met');
    expect(revocation([], '2026-06-01')?.status).toBe('met');
    expect(assess([{ revokedOn: '2025-06-01' }], '2026-06-01').outcome).toBe('likely');
  });

  it('is not listed when the input does not state revocations', () => {
    expect(revocation(undefined, '2026-06-01')).toBeUndefined();
  });
});
