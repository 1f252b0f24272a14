import { bandOfFrac } from './bands.ts';
import type { TAssessmentInput, TScoreItem } from './contract-types.ts';
import { type Frac, frac, percent, quotient, wan, wanGapUp } from './exact.ts';
import { yearRecord } from './fiscal.ts';
import { countRdUnits, type RdUnits } from './rd-units.ts';
import type { Band } from './rule-packs/types.ts';
import { yearStaff } from './staff.ts';

/** What it takes to reach a ratio t (zh-CN), e.g. "需增加研发投入约10万元". */
type GapText = (t: Frac) => string;

/** tech-sme-score.ts `ratioItem` on exact integers; `percentOf` is decimal.ts `thresholdPercent` of a band bound. */
function ratioItem(
  id: string,
  label: string,
  r: { num: bigint; den: bigint } | null,
  bands: readonly Band[],
  missing: string,
  gap: GapText,
  percentOf: (min: string) => string,
): TScoreItem {
  const cap = bands[0]?.points[1] ?? 0;
  if (r === null || r.den === 0n) return { id, label, min: 0, max: cap, cap, basis: missing };
  const band = bandOfFrac(r.num, r.den, bands);
  const shown = percent(r.num, r.den);
  const item: TScoreItem = { id, label, min: band.points[0], max: band.points[1], cap, basis: `${label}${shown}，${band.label}` };
  const next = bands[bands.indexOf(band) - 1];
  if (next?.min != null) item.hint = `${label}${shown} → ${percentOf(next.min)}可得${next.points[0]}分: ${gap(frac(next.min))}`;
  return item;
}

// 第七条（一）科技人员指标: 科技人员数 / 职工总数 (head counts in millionths).
export function scoreStaffExact(
  input: TAssessmentInput,
  bands: readonly Band[],
  year: number,
  percentOf: (min: string) => string,
): TScoreItem {
  const s = yearStaff(yearRecord(input, year));
  const staff = s?.techStaff ?? 0n;
  const employees = s?.employees ?? 0n;
  const den = s?.den ?? 1n;
  // New S&T staff join the workforce too: (s + x) / (e + x) ≥ t ⇔ x ≥ (t·e − s) / (1 − t).
  const r = s !== undefined ? { num: staff, den: employees } : null;
  const item = ratioItem(
    'techSme.score.staff',
    '科技人员占比',
    r,
    bands,
    `缺少${year}年职工总数、科技人员数`,
    (t) => `需增加科技人员约${quotient(t.p * employees - t.q * staff, (t.q - t.p) * den, 0, 'up')}人`,
    percentOf,
  );
  item.label = '科技人员指标';
  return item;
}

export interface RdBands {
  rdSalesBands: readonly Band[];
  rdCostBands: readonly Band[];
}

// 第七条（二）研发投入指标 (tech-sme-score.ts `scoreRd`), R&D in units of 1/u.unit 分.
export function scoreRdExact(
  input: TAssessmentInput,
  pack: RdBands,
  u: RdUnits,
  year: number,
  percentOf: (min: string) => string,
): TScoreItem {
  const rec = yearRecord(input, year);
  const rd = rec?.rdExpense === undefined ? null : countRdUnits(rec.rdExpense, u).total;
  const sales = rec?.salesFen === undefined ? null : BigInt(rec.salesFen) * u.unit;
  const cost = rec?.costExpenseFen === undefined ? null : BigInt(rec.costExpenseFen) * u.unit;
  const bySales = ratioItem(
    'techSme.score.rd.sales',
    '研发费用占销售收入',
    rd === null || sales === null ? null : { num: rd, den: sales },
    pack.rdSalesBands,
    `缺少${year}年研发费用或销售收入`,
    (t) => `需增加研发投入约${wan(t.p * (sales ?? 0n) - t.q * (rd ?? 0n), t.q * u.unit, 'up')}`,
    percentOf,
  );
  // Extra R&D is itself a cost (口径 of 成本费用支出总额 UNVERIFIED): (R + x) / (C + x) ≥ t.
  const byCost = ratioItem(
    'techSme.score.rd.cost',
    '研发费用占成本费用支出',
    rd === null || cost === null ? null : { num: rd, den: cost },
    pack.rdCostBands,
    `缺少${year}年研发费用或成本费用支出总额`,
    (t) => `需增加研发投入约${wanGapUp(t.p * (cost ?? 0n) - t.q * (rd ?? 0n), (t.q - t.p) * u.unit)}`,
    percentOf,
  );
  const basis = `方案一：${bySales.basis}；方案二：${byCost.basis}`;
  const chosen = input.rdOption === 'sales' ? bySales : input.rdOption === 'cost' ? byCost : byCost.max > bySales.max ? byCost : bySales;
  const label =
    input.rdOption === undefined ? '研发投入指标（取较高方案）' : `研发投入指标（方案${input.rdOption === 'sales' ? '一' : '二'}）`;
  const min = input.rdOption === undefined ? Math.max(bySales.min, byCost.min) : chosen.min;
  const max = input.rdOption === undefined ? Math.max(bySales.max, byCost.max) : chosen.max;
  return { id: 'techSme.score.rd', label, min, max, cap: 50, basis, hint: chosen.hint };
}
