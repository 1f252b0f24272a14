import type { TAssessmentInput, TEnterpriseYear, TRdExpense } from './contract-types.ts';
import { yearOf } from './dates.ts';
import { constant, D, type Dec, sumFen, ZERO } from './decimal.ts';

/** The years a rule looks at for an application on `at` (Chinese fiscal year = calendar year). */
export interface FiscalWindow {
  /** 申报年. */
  year: number;
  /** 申报前1个会计年度 ("当年", "最近一年", "近一年"). */
  lastYear: number;
  /** The window's years the enterprise operated in, oldest first (实际经营期不满三年的按实际经营时间计算). */
  years: number[];
  /** The first operated year is partial (registered after 1 January). */
  partialFirstYear: boolean;
}

// 工作指引（一）年限: 近三个会计年度 = 申报前连续3个会计年度（不含申报年）.
export function fiscalWindow(input: TAssessmentInput, at: string, size: number): FiscalWindow {
  const year = yearOf(at);
  const all = Array.from({ length: size }, (_, i) => year - size + i);
  const reg = input.registrationDate;
  const regYear = reg === undefined ? null : yearOf(reg);
  const years = regYear === null ? all : all.filter((y) => y >= regYear);
  const partialFirstYear = reg !== undefined && years[0] === regYear && !reg.endsWith('-01-01');
  return { year, lastYear: year - 1, years, partialFirstYear };
}

export function yearRecord(input: TAssessmentInput, year: number): TEnterpriseYear | undefined {
  return input.years.find((y) => y.year === year);
}

export interface RdCounting {
  outsourcedRate: string;
  otherExpenseCap: { rate: string; base: 'total_after_cap' | 'total_before_cap' } | null;
}

/** R&D expense as counted by a rule: total and the part incurred in China. */
export interface CountedRd {
  total: Dec;
  domestic: Dec;
}

// 工作指引（四）: 委托外部研究开发费用按实际发生额的80%计入（境内、境外同）; 其他费用一般不超过研究开发总费用的20%.
export function countRdExpense(rd: TRdExpense, counting: RdCounting): CountedRd {
  const rate = constant(counting.outsourcedRate);
  const inHouse = sumFen([rd.personnelFen, rd.directInputFen, rd.depreciationFen, rd.amortisationFen, rd.designFen, rd.trialFen]);
  const foreignOutsourced = rd.outsourcedForeignFen === 0 ? ZERO : rate.times(rd.outsourcedForeignFen);
  const outsourced = rd.outsourcedDomesticFen + rd.outsourcedForeignFen;
  // 80% of the outsourced sum; integers add exactly while they stay safe.
  const rest =
    outsourced === 0
      ? inHouse
      : inHouse.plus(
          rate.times(Number.isSafeInteger(outsourced) ? outsourced : sumFen([rd.outsourcedDomesticFen, rd.outsourcedForeignFen])),
        );
  let other = new D(rd.otherFen);
  const cap = counting.otherExpenseCap;
  if (cap !== null && rd.otherFen > 0) {
    const r = constant(cap.rate);
    // 'total_after_cap': other ≤ r × (rest + other) ⇔ other × (1 − r) ≤ rest × r.
    const over =
      cap.base === 'total_after_cap'
        ? other.times(constant(1).minus(r)).greaterThan(rest.times(r))
        : other.greaterThan(rest.plus(other).times(r));
    if (over) other = cap.base === 'total_after_cap' ? rest.times(r).dividedBy(constant(1).minus(r)) : rest.plus(other).times(r);
  }
  const total = rest.plus(other);
  const notDomestic = rd.abroadFen === 0 ? foreignOutsourced : foreignOutsourced.plus(rd.abroadFen);
  const domestic = notDomestic.isZero() ? total : D.max(ZERO, total.minus(notDomestic));
  return { total, domestic };
}
