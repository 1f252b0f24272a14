import { condition } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import { yearOf } from './dates.ts';

const clause = '国科火字〔2019〕87号（被撤销登记编号的企业当年不得再次参与评价）';

/**
 * 被撤销登记编号的企业当年不得再次参与评价 (国科火字〔2019〕87号): a number revoked in the evaluation year bars the
 * enterprise until 1 January of the next year. Listed only when the input states the revocations (the registry
 * always does; an empty list = none); a posted input without them is not judged on it.
 */
export function checkSmeRevocation(input: TAssessmentInput, at: string): TConditionResult | null {
  const revocations = input.techSmeRevocations;
  if (revocations === undefined) return null;
  const year = yearOf(at);
  const barring = revocations.filter((r) => yearOf(r.revokedOn) === year).sort((a, b) => (a.revokedOn < b.revokedOn ? 1 : -1))[0];
  const base = { id: 'techSme.revocation', label: '当年未被撤销入库登记编号', clause, threshold: `${year}年内无撤销记录` };
  if (barring === undefined) return condition({ ...base, status: 'met' });
  const number = barring.number ? `（编号${barring.number}）` : '';
  return condition({
    ...base,
    status: 'unmet',
    figures: { revokedOn: barring.revokedOn },
    hint: `入库登记编号${number}已于${barring.revokedOn}被撤销，当年不得再次参与评价，可于${year + 1}年起重新参与`,
  });
}
