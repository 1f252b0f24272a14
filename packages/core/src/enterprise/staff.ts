import type { TEnterpriseYear } from './contract-types.ts';
import { micros, quotient, scaledText } from './exact.ts';

/**
 * 工作指引（三）统计方法: 当年职工总数、科技人员数均按照全年月平均数计算 —
 *   月平均数 = (月初数 + 月末数) ÷ 2; 全年月平均数 = 全年各月平均数之和 ÷ 12;
 *   年度中间开业或者终止经营活动的，以其实际经营期作为一个纳税年度确定上述相关指标.
 * So with n months entered (12, or the operating months of a part year — that the divisor is then n is an
 * interpretation, UNVERIFIED) the average is Σ(月初数 + 月末数) / (2n), kept as an exact fraction.
 * A year without monthly figures falls back on the yearly averages typed in (decimal strings, in millionths).
 */
export interface YearStaff {
  /** Both counts over the common denominator `den`. */
  techStaff: bigint;
  employees: bigint;
  den: bigint;
  /** Months the averages were computed from; null = yearly averages as entered. */
  months: number | null;
}

export function yearStaff(rec: TEnterpriseYear | undefined): YearStaff | undefined {
  if (rec === undefined) return undefined;
  const months = rec.staffMonths;
  if (months !== undefined && months.length > 0) {
    let techStaff = 0n;
    let employees = 0n;
    for (const m of months) {
      techStaff += BigInt(m.techStaffStart + m.techStaffEnd);
      employees += BigInt(m.employeesStart + m.employeesEnd);
    }
    return { techStaff, employees, den: BigInt(2 * months.length), months: months.length };
  }
  if (rec.employeesAvg === undefined || rec.techStaffAvg === undefined) return undefined;
  return { techStaff: micros(rec.techStaffAvg), employees: micros(rec.employeesAvg), den: 1_000_000n, months: null };
}

/** The 职工总数 alone (科技型中小企业 规模 test), as num/den; undefined when not known. */
export function yearEmployees(rec: TEnterpriseYear | undefined): { num: bigint; den: bigint } | undefined {
  const both = yearStaff(rec);
  if (both !== undefined) return { num: both.employees, den: both.den };
  if (rec?.employeesAvg === undefined) return undefined;
  return { num: micros(rec.employeesAvg), den: 1_000_000n };
}

/** A head count num/den as text: exact when it has at most 6 decimals, else 6 decimals rounded down. */
export function headcountText(num: bigint, den: bigint): string {
  if (den === 1_000_000n) return scaledText(num, 6);
  if ((num * 1_000_000n) % den === 0n) return scaledText((num * 1_000_000n) / den, 6);
  return quotient(num, den, 6, 'down');
}

/** "按N个月逐月数据计算" for a figure's basis; empty for yearly averages entered as such. */
export function monthsNote(s: YearStaff): string {
  if (s.months === null) return '';
  return s.months === 12 ? '（按12个月逐月数据计算）' : `（按实际经营${s.months}个月逐月数据计算）`;
}
