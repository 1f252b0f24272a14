import type { TBudgetLine } from '@kechuang/contracts';

/*
 * The budget table of an application: each line splits a category into 财政资金 and 自筹; the stated totals
 * must equal the column sums (in 分, integer arithmetic) and the fiscal total may not exceed the call's
 * maximum grant.
 */

export interface BudgetProblem {
  kind: 'fiscal_sum' | 'self_sum' | 'over_max_grant' | 'duplicate_category';
  expectedFen?: number;
  statedFen?: number;
}

export function budgetProblems(
  budget: readonly TBudgetLine[],
  stated: { fiscalFen: number; selfFen: number },
  maxGrantFen: number,
): BudgetProblem[] {
  const out: BudgetProblem[] = [];
  const seen = new Set<string>();
  let fiscal = 0n;
  let self = 0n;
  for (const line of budget) {
    if (seen.has(line.category)) out.push({ kind: 'duplicate_category' });
    seen.add(line.category);
    fiscal += BigInt(line.fiscalFen);
    self += BigInt(line.selfFen);
  }
  if (fiscal !== BigInt(stated.fiscalFen)) out.push({ kind: 'fiscal_sum', expectedFen: Number(fiscal), statedFen: stated.fiscalFen });
  if (self !== BigInt(stated.selfFen)) out.push({ kind: 'self_sum', expectedFen: Number(self), statedFen: stated.selfFen });
  if (stated.fiscalFen > maxGrantFen) out.push({ kind: 'over_max_grant', expectedFen: maxGrantFen, statedFen: stated.fiscalFen });
  return out;
}
