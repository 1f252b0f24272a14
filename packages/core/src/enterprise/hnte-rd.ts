import { condition, missingHint } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import {
  constant,
  D,
  type Dec,
  decText,
  gapUp,
  ONE,
  percentText,
  ratioReaches,
  ratioString,
  sumFen,
  thresholdPercent,
  wanText,
  ZERO,
} from './decimal.ts';
import { countRdExpense, type FiscalWindow, yearRecord } from './fiscal.ts';
import { checkRdExpenseExact } from './hnte-rd-exact.ts';
import type { HntePack, RdRatioTier } from './rule-packs/types.ts';

interface RdSums {
  rd: Dec;
  domestic: Dec;
  sales: Dec;
  lastSales: Dec;
}

function sumWindow(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): RdSums | string[] {
  const missing: string[] = [];
  const sums: RdSums = { rd: ZERO, domestic: ZERO, sales: ZERO, lastSales: ZERO };
  const sales: number[] = [];
  for (const year of window.years) {
    const rec = yearRecord(input, year);
    if (rec?.rdExpense === undefined) missing.push(`${year}年研发费用`);
    if (rec?.salesFen === undefined) missing.push(`${year}年销售收入`);
    if (rec?.rdExpense === undefined || rec.salesFen === undefined) continue;
    const counted = countRdExpense(rec.rdExpense, pack);
    sums.rd = sums.rd.plus(counted.total);
    sums.domestic = sums.domestic.plus(counted.domestic);
    sales.push(rec.salesFen);
    if (year === window.lastYear) sums.lastSales = new D(rec.salesFen);
  }
  if (!window.years.includes(window.lastYear)) missing.push(`${window.lastYear}年数据`);
  sums.sales = sumFen(sales);
  return missing.length > 0 ? missing : sums;
}

const packPercent = (ratio: string) => thresholdPercent(constant(ratio));
const packDecimal = (ratio: string) => decText(constant(ratio));

const tiersTexts = new WeakMap<HntePack, string>();
function tiersTextOf(pack: HntePack): string {
  let text = tiersTexts.get(pack);
  if (text === undefined) {
    text = pack.rdRatioTiers.map((t) => `${t.label} ≥ ${thresholdPercent(constant(t.ratio))}`).join('；');
    tiersTexts.set(pack, text);
  }
  return text;
}

// 第十一条（五）: the tier is chosen by 最近一年销售收入 only.
export function rdTierFor(lastSales: Dec, tiers: readonly RdRatioTier[]): RdRatioTier {
  for (const tier of tiers) {
    if (tier.salesMaxFen === null) return tier;
    const c = lastSales.comparedTo(constant(tier.salesMaxFen));
    if (tier.inclusiveMax ? c <= 0 : c < 0) return tier;
  }
  throw new Error('rule pack R&D tiers have no open-ended tier');
}

/**
 * 第十一条（五）: 近三个会计年度研究开发费用总额占同期销售收入总额的比例 (3-year sums, not an average of yearly
 * ratios), threshold by last-year sales; plus 境内研究开发费用占全部研究开发费用 ≥ 60%.
 */
export function checkRdExpense(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): TConditionResult[] {
  const exact = checkRdExpenseExact(input, pack, window, packPercent, packDecimal);
  if (exact !== null) return exact;
  const ratioBase = { id: 'hnte.c5.ratio', label: '近三年研究开发费用占销售收入比例', clause: pack.clauses.c5 };
  const t60 = constant(pack.domesticRdShare);
  const domesticBase = {
    id: 'hnte.c5.domestic',
    label: '境内研究开发费用占全部研究开发费用比例',
    clause: pack.clauses.c5,
    threshold: `≥ ${thresholdPercent(t60)}`,
  };
  const tiersText = tiersTextOf(pack);
  const review = window.partialFirstYear;
  const sums = sumWindow(input, pack, window);
  if (Array.isArray(sums)) {
    return [
      condition({ ...ratioBase, threshold: tiersText, status: 'unknown', hint: missingHint(sums), needsReview: review }),
      condition({ ...domesticBase, status: 'unknown', hint: missingHint(sums) }),
    ];
  }
  const years = window.years.join('、');
  const tier = rdTierFor(sums.lastSales, pack.rdRatioTiers);
  const t = constant(tier.ratio);
  const threshold = `≥ ${thresholdPercent(t)}（${tier.label}）`;
  const ratioFigures = {
    years,
    rdFen: decText(sums.rd),
    salesFen: decText(sums.sales),
    lastYearSalesFen: decText(sums.lastSales),
    threshold: decText(t),
  };
  let ratioResult: TConditionResult;
  if (sums.sales.isZero()) {
    ratioResult = condition({
      ...ratioBase,
      threshold,
      status: 'unknown',
      figures: ratioFigures,
      hint: '销售收入为0，无法计算研发费用占比',
    });
  } else {
    const r = { num: sums.rd, den: sums.sales };
    const figures = { ...ratioFigures, ratio: ratioString(r) };
    if (ratioReaches(r, t, true)) {
      ratioResult = condition({ ...ratioBase, threshold, status: 'met', figures, needsReview: review });
    } else {
      const gap = t.times(sums.sales).minus(sums.rd);
      const hint = `研发费用占比${percentText(r)} < ${thresholdPercent(t)}（上年销售收入${wanText(sums.lastSales)}）: 需增加研发投入约${wanText(gap, 'up')}`;
      ratioResult = condition({ ...ratioBase, threshold, status: 'unmet', figures, hint, needsReview: review });
    }
  }
  if (sums.rd.isZero()) {
    return [ratioResult, condition({ ...domesticBase, status: 'unmet', figures: { rdFen: '0' }, hint: '无研究开发费用' })];
  }
  const d = { num: sums.domestic, den: sums.rd };
  const dFigures = { years, domesticRdFen: decText(sums.domestic), rdFen: decText(sums.rd), ratio: ratioString(d) };
  if (ratioReaches(d, t60, true)) return [ratioResult, condition({ ...domesticBase, status: 'met', figures: dFigures })];
  // More domestic R&D raises both sums: (d + x) / (R + x) ≥ t ⇔ x ≥ (t·R − d) / (1 − t).
  const gap = gapUp(t60.times(sums.rd).minus(sums.domestic), ONE.minus(t60));
  const hint = `境内研发费用占比${percentText(d)} < ${thresholdPercent(t60)}: 需增加境内研发投入约${wanText(gap, 'up')}`;
  return [ratioResult, condition({ ...domesticBase, status: 'unmet', figures: dFigures, hint })];
}
