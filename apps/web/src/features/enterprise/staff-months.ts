import type { TStaffMonth } from '@kechuang/contracts';

/*
 * Month-by-month head counts for the 全年月平均数 (工作指引 统计方法): 月平均数 = (月初数 + 月末数) ÷ 2,
 * 全年月平均数 = 各月平均数之和 ÷ 12 — or ÷ the operating months of a year the enterprise opened or closed in.
 * The form keeps twelve rows; blank rows are months not operated and must lie before or after the filled ones.
 */
export interface StaffMonthRow {
  month: number;
  employeesStart?: number | null;
  employeesEnd?: number | null;
  techStaffStart?: number | null;
  techStaffEnd?: number | null;
}

const fields = ['employeesStart', 'employeesEnd', 'techStaffStart', 'techStaffEnd'] as const;

export function emptyMonths(): StaffMonthRow[] {
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1 }));
}

/** Stored months → twelve form rows. */
export function rowsOf(months: readonly TStaffMonth[] | null | undefined): StaffMonthRow[] {
  const rows = emptyMonths();
  for (const m of months ?? []) rows[m.month - 1] = { ...m };
  return rows;
}

const filled = (r: StaffMonthRow) => fields.every((f) => typeof r[f] === 'number');
const blank = (r: StaffMonthRow) => fields.every((f) => r[f] === null || r[f] === undefined);

export type MonthsCheck = { ok: true; months: TStaffMonth[] } | { ok: false; reason: 'partial' | 'gap' | 'empty'; month?: number };

/** The rows as the contract's months: every filled row complete, the filled months consecutive. */
export function checkMonths(rows: readonly StaffMonthRow[]): MonthsCheck {
  const partial = rows.find((r) => !filled(r) && !blank(r));
  if (partial) return { ok: false, reason: 'partial', month: partial.month };
  const used = rows.filter(filled);
  if (used.length === 0) return { ok: false, reason: 'empty' };
  const gap = used.find((r, i) => i > 0 && r.month !== (used[i - 1] as StaffMonthRow).month + 1);
  if (gap) return { ok: false, reason: 'gap', month: gap.month };
  return {
    ok: true,
    months: used.map((r) => ({
      month: r.month,
      employeesStart: r.employeesStart as number,
      employeesEnd: r.employeesEnd as number,
      techStaffStart: r.techStaffStart as number,
      techStaffEnd: r.techStaffEnd as number,
    })),
  };
}

/** sum / den as text: exact when it has at most 6 decimals, else 6 decimals rounded down (as the engine shows it). */
function quotientText(sum: number, den: number): string {
  const scaled = BigInt(sum) * 1_000_000n;
  const d = BigInt(den);
  const q = scaled / d;
  const int = q / 1_000_000n;
  const frac = (q % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac === '' ? int.toString() : `${int}.${frac}`;
}

/** The annual monthly averages of complete months: Σ(月初 + 月末) / (2 × months). */
export function monthlyAverages(months: readonly TStaffMonth[]): { employees: string; techStaff: string; months: number } {
  let e = 0;
  let s = 0;
  for (const m of months) {
    e += m.employeesStart + m.employeesEnd;
    s += m.techStaffStart + m.techStaffEnd;
  }
  const den = 2 * months.length;
  return { employees: quotientText(e, den), techStaff: quotientText(s, den), months: months.length };
}
