import { condition, missingHint } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import { cmpFrac, frac, percent, ratioText, wan, wanGapUp } from './exact.ts';
import { type FiscalWindow, yearRecord } from './fiscal.ts';
import { countRdUnits, rdUnitsOf, unitsText } from './rd-units.ts';
import type { HntePack, RdRatioTier } from './rule-packs/types.ts';

/** Pack texts computed once per pack. */
interface RdTexts {
  tiers: string;
  domesticThreshold: string;
  percents: Map<string, string>;
}

const textsOf = new WeakMap<HntePack, RdTexts>();
function percentOf(ratio: string): string {
  const f = frac(ratio);
  return percent(f.p, f.q);
}
function rdTexts(pack: HntePack, thresholdPercent: (ratio: string) => string): RdTexts {
  let texts = textsOf.get(pack);
  if (texts === undefined) {
    const percents = new Map<string, string>();
    for (const r of [pack.domesticRdShare, ...pack.rdRatioTiers.map((t) => t.ratio)]) percents.set(r, thresholdPercent(r));
    texts = {
      tiers: pack.rdRatioTiers.map((t) => `${t.label} ≥ ${percents.get(t.ratio)}`).join('；'),
      domesticThreshold: `≥ ${percents.get(pack.domesticRdShare)}`,
      percents,
    };
    textsOf.set(pack, texts);
  }
  return texts;
}

function tierFor(lastSales: number, tiers: readonly RdRatioTier[]): RdRatioTier {
  for (const tier of tiers) {
    if (tier.salesMaxFen === null) return tier;
    if (tier.inclusiveMax ? lastSales <= tier.salesMaxFen : lastSales < tier.salesMaxFen) return tier;
  }
  throw new Error('rule pack R&D tiers have no open-ended tier');
}

/**
 * `checkRdExpense` on exact integers (same results, same texts); null when the pack's counting has no exact
 * unit (see rd-units.ts). `thresholdText` is decimal.ts `thresholdPercent` of a pack ratio; `decOf` its `decText`.
 */
export function checkRdExpenseExact(
  input: TAssessmentInput,
  pack: HntePack,
  window: FiscalWindow,
  thresholdText: (ratio: string) => string,
  decOf: (ratio: string) => string,
): TConditionResult[] | null {
  const u = rdUnitsOf(pack);
  if (u === null) return null;
  const texts = rdTexts(pack, thresholdText);
  const c5 = pack.clauses.c5;
  const review = window.partialFirstYear;
  const missing: string[] = [];
  let rd = 0n;
  let domestic = 0n;
  let sales = 0n;
  let lastSales = 0;
  let hasLast = false;
  for (const year of window.years) {
    const rec = yearRecord(input, year);
    if (rec?.rdExpense === undefined) missing.push(`${year}年研发费用`);
    if (rec?.salesFen === undefined) missing.push(`${year}年销售收入`);
    if (rec?.rdExpense === undefined || rec.salesFen === undefined) continue;
    const counted = countRdUnits(rec.rdExpense, u);
    rd += counted.total;
    domestic += counted.domestic;
    sales += BigInt(rec.salesFen);
    if (year === window.lastYear) lastSales = rec.salesFen;
    if (year === window.lastYear) hasLast = true;
  }
  if (!window.years.includes(window.lastYear)) missing.push(`${window.lastYear}年数据`);
  const ratioId = 'hnte.c5.ratio';
  const ratioLabel = '近三年研究开发费用占销售收入比例';
  const domId = 'hnte.c5.domestic';
  const domLabel = '境内研究开发费用占全部研究开发费用比例';
  if (missing.length > 0) {
    const hint = missingHint(missing);
    return [
      condition({ id: ratioId, label: ratioLabel, clause: c5, threshold: texts.tiers, status: 'unknown', hint, needsReview: review }),
      condition({ id: domId, label: domLabel, clause: c5, threshold: texts.domesticThreshold, status: 'unknown', hint }),
    ];
  }
  const years = window.years.join('、');
  const tier = tierFor(hasLast ? lastSales : 0, pack.rdRatioTiers);
  const t = frac(tier.ratio);
  const tText = texts.percents.get(tier.ratio) ?? percentOf(tier.ratio);
  const threshold = `≥ ${tText}（${tier.label}）`;
  const rdText = unitsText(rd, u);
  const salesText = sales.toString();
  const base = { years, rdFen: rdText, salesFen: salesText, lastYearSalesFen: String(lastSales), threshold: decOf(tier.ratio) };
  const unit = u.unit;
  let ratioResult: TConditionResult;
  if (sales === 0n) {
    const hint = '销售收入为0，无法计算研发费用占比';
    ratioResult = condition({ id: ratioId, label: ratioLabel, clause: c5, threshold, status: 'unknown', figures: base, hint });
  } else {
    const figures = { ...base, ratio: ratioText(rd, sales * unit) };
    if (cmpFrac(rd, sales * unit, t) >= 0) {
      ratioResult = condition({ id: ratioId, label: ratioLabel, clause: c5, threshold, status: 'met', figures, needsReview: review });
    } else {
      // t·sales − rd = (p·sales·unit − q·rd) / (q·unit).
      const gapNum = t.p * sales * unit - t.q * rd;
      const hint = `研发费用占比${percent(rd, sales * unit)} < ${tText}（上年销售收入${wan(BigInt(lastSales), 1n)}）: 需增加研发投入约${wan(gapNum, t.q * unit, 'up')}`;
      ratioResult = condition({
        id: ratioId,
        label: ratioLabel,
        clause: c5,
        threshold,
        status: 'unmet',
        figures,
        hint,
        needsReview: review,
      });
    }
  }
  const domThreshold = texts.domesticThreshold;
  if (rd === 0n) {
    const figures = { rdFen: '0' };
    return [
      ratioResult,
      condition({ id: domId, label: domLabel, clause: c5, threshold: domThreshold, status: 'unmet', figures, hint: '无研究开发费用' }),
    ];
  }
  const t60 = frac(pack.domesticRdShare);
  const dFigures = { years, domesticRdFen: unitsText(domestic, u), rdFen: rdText, ratio: ratioText(domestic, rd) };
  if (cmpFrac(domestic, rd, t60) >= 0) {
    return [ratioResult, condition({ id: domId, label: domLabel, clause: c5, threshold: domThreshold, status: 'met', figures: dFigures })];
  }
  // (d + x) / (R + x) ≥ t ⇔ x ≥ (t·R − d) / (1 − t) = (p·R − q·d) / ((q − p)·unit) 分.
  const gap = wanGapUp(t60.p * rd - t60.q * domestic, (t60.q - t60.p) * unit);
  const hint = `境内研发费用占比${percent(domestic, rd)} < ${domThreshold.slice(2)}: 需增加境内研发投入约${gap}`;
  return [
    ratioResult,
    condition({ id: domId, label: domLabel, clause: c5, threshold: domThreshold, status: 'unmet', figures: dFigures, hint }),
  ];
}
