import { budgetCategories, type TBudgetLine } from '@kechuang/contracts';
import { fenToWan, isWanText, wanToFen } from '../enterprise/money.ts';

/*
 * The budget table as the applicant types it: one row per category of 财政科研项目资金, 财政 and 自筹 in 万元.
 * The totals the applicant states must equal the rows' sums (the server checks the same, in 分).
 */

export interface BudgetRowText {
  category: TBudgetLine['category'];
  fiscalWan: string;
  selfWan: string;
}

export function emptyBudget(): BudgetRowText[] {
  return budgetCategories.map((category) => ({ category, fiscalWan: '', selfWan: '' }));
}

export function budgetToText(lines: TBudgetLine[]): BudgetRowText[] {
  return budgetCategories.map((category) => {
    const line = lines.find((l) => l.category === category);
    return { category, fiscalWan: line ? fenToWan(line.fiscalFen) : '', selfWan: line ? fenToWan(line.selfFen) : '' };
  });
}

const fen = (text: string) => (text.trim() === '' || !isWanText(text) ? 0 : (wanToFen(text) ?? 0));

/** The rows with an amount, in 分; empty cells are 0, rows with neither amount are left out. */
export function budgetLines(rows: BudgetRowText[]): TBudgetLine[] {
  return rows
    .map((r) => ({ category: r.category, fiscalFen: fen(r.fiscalWan), selfFen: fen(r.selfWan) }))
    .filter((l) => l.fiscalFen > 0 || l.selfFen > 0);
}

export interface BudgetCheck {
  fiscalSumFen: number;
  selfSumFen: number;
  /** cells that are not amounts (at most 6 decimals of 万元) */
  badCells: number;
  fiscalMatches: boolean;
  selfMatches: boolean;
}

/** Sums the rows and compares them with the stated totals, as the applicant types. */
export function checkBudget(rows: BudgetRowText[], fiscalTotalWan: string, selfTotalWan: string): BudgetCheck {
  const lines = budgetLines(rows);
  const fiscalSumFen = lines.reduce((s, l) => s + l.fiscalFen, 0);
  const selfSumFen = lines.reduce((s, l) => s + l.selfFen, 0);
  const badCells = rows.reduce((n, r) => n + [r.fiscalWan, r.selfWan].filter((v) => v.trim() !== '' && !isWanText(v)).length, 0);
  return {
    fiscalSumFen,
    selfSumFen,
    badCells,
    fiscalMatches: fen(fiscalTotalWan) === fiscalSumFen,
    selfMatches: fen(selfTotalWan) === selfSumFen,
  };
}
