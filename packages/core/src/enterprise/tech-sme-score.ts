import { bandOfFrac, bandOfRatio } from './bands.ts';
import { condition } from './condition.ts';
import type { TAssessmentInput, TConditionResult, TScoreItem, TScoreRange } from './contract-types.ts';
import { constant, D, type Dec, gapUp, ONE, percentText, type Ratio, thresholdPercent, wanText } from './decimal.ts';
import { countRdExpense, yearRecord } from './fiscal.ts';
import { type IpCounts, ipCountText } from './ip.ts';
import { rdUnitsOf } from './rd-units.ts';
import type { Band, TechSmePack } from './rule-packs/types.ts';
import { scoreRdExact, scoreStaffExact } from './tech-sme-exact.ts';

const packPercent = (min: string) => thresholdPercent(constant(min));

/** What it takes to reach a ratio `t` (zh-CN), e.g. "需增加研发投入约10万元". */
type GapText = (t: Dec) => string;

function ratioItem(id: string, label: string, r: Ratio | null, bands: readonly Band[], missing: string, gap: GapText): TScoreItem {
  const cap = bands[0]?.points[1] ?? 0;
  if (r === null || r.den.isZero()) return { id, label, min: 0, max: cap, cap, basis: missing };
  const band = bandOfRatio(r, bands);
  const shown = percentText(r);
  const item: TScoreItem = { id, label, min: band.points[0], max: band.points[1], cap, basis: `${label}${shown}，${band.label}` };
  const next = bands[bands.indexOf(band) - 1];
  if (next?.min != null) {
    const t = constant(next.min);
    item.hint = `${label}${shown} → ${thresholdPercent(t)}可得${next.points[0]}分: ${gap(t)}`;
  }
  return item;
}

// 第七条（二）研发投入指标: 企业从研发费用/销售收入、研发费用/成本费用支出总额两项中选择一个; absent choice → the higher.
function scoreRd(input: TAssessmentInput, pack: TechSmePack, year: number): TScoreItem {
  const rec = yearRecord(input, year);
  const rd = rec?.rdExpense === undefined ? null : countRdExpense(rec.rdExpense, pack).total;
  const sales = rec?.salesFen === undefined ? null : new D(rec.salesFen);
  const cost = rec?.costExpenseFen === undefined ? null : new D(rec.costExpenseFen);
  const bySales = ratioItem(
    'techSme.score.rd.sales',
    '研发费用占销售收入',
    rd === null || sales === null ? null : { num: rd, den: sales },
    pack.rdSalesBands,
    `缺少${year}年研发费用或销售收入`,
    (t) => `需增加研发投入约${wanText(t.times(sales ?? 0).minus(rd ?? 0), 'up')}`,
  );
  // Extra R&D is itself a cost (口径 of 成本费用支出总额 UNVERIFIED): (R + x) / (C + x) ≥ t.
  const byCost = ratioItem(
    'techSme.score.rd.cost',
    '研发费用占成本费用支出',
    rd === null || cost === null ? null : { num: rd, den: cost },
    pack.rdCostBands,
    `缺少${year}年研发费用或成本费用支出总额`,
    (t) => `需增加研发投入约${wanText(gapUp(t.times(cost ?? 0).minus(rd ?? 0), ONE.minus(t), 0), 'up')}`,
  );
  const basis = `方案一：${bySales.basis}；方案二：${byCost.basis}`;
  const chosen = input.rdOption === 'sales' ? bySales : input.rdOption === 'cost' ? byCost : byCost.max > bySales.max ? byCost : bySales;
  const label =
    input.rdOption === undefined ? '研发投入指标（取较高方案）' : `研发投入指标（方案${input.rdOption === 'sales' ? '一' : '二'}）`;
  const min = input.rdOption === undefined ? Math.max(bySales.min, byCost.min) : chosen.min;
  const max = input.rdOption === undefined ? Math.max(bySales.max, byCost.max) : chosen.max;
  return { id: 'techSme.score.rd', label, min, max, cap: 50, basis, hint: chosen.hint };
}

// 第七条（三）科技成果指标: Ⅰ类≥1 30; Ⅱ类 ≥4 24, 3 18, 2 12, 1 6; 无 0.
function ipPoints(classI: number, classII: number, pack: TechSmePack): number {
  if (classI >= 1) return pack.ipClassIPoints;
  return bandOfFrac(BigInt(classII), 1n, pack.ipClassIIBands).points[0];
}

function scoreIp(input: TAssessmentInput, counts: IpCounts, pack: TechSmePack): TScoreItem {
  const id = 'techSme.score.ip';
  const label = '科技成果指标';
  if (input.ipItems === undefined) return { id, label, min: 0, max: 30, cap: 30, basis: '未填报知识产权清单' };
  const min = ipPoints(counts.classI.min, counts.classII.min, pack);
  const max = ipPoints(counts.classI.max, counts.classII.max, pack);
  const item: TScoreItem = { id, label, min, max, cap: 30, basis: ipCountText(counts) };
  if (min < pack.ipClassIPoints) {
    const have = counts.classII.min;
    const next = [...pack.ipClassIIBands].reverse().find((b) => b.min !== null && Number(b.min) > have);
    const more = next === undefined ? '' : `再取得${Number(next.min) - have}项Ⅱ类知识产权可得${next.points[0]}分，或`;
    item.hint = `${more}取得1项Ⅰ类知识产权可得${pack.ipClassIPoints}分`;
  }
  return item;
}

export function scoreTechSme(input: TAssessmentInput, pack: TechSmePack, year: number, counts: IpCounts): TScoreRange {
  const u = rdUnitsOf(pack);
  const items = [
    scoreStaffExact(input, pack.staffBands, year, packPercent),
    u === null ? scoreRd(input, pack, year) : scoreRdExact(input, pack, u, year, packPercent),
    scoreIp(input, counts, pack),
  ];
  return { min: items.reduce((s, i) => s + i.min, 0), max: items.reduce((s, i) => s + i.max, 0), items };
}

// 第六条（五）: 综合评价得分不低于60分，且科技人员指标得分不得为0分.
export function checkSmeScore(score: TScoreRange, pack: TechSmePack): TConditionResult {
  const [staff, rd, ip] = score.items as [TScoreItem, TScoreItem, TScoreItem];
  const staffOk = pack.staffScoreMustBeNonZero ? (staff.min > 0 ? 'met' : staff.max > 0 ? 'unknown' : 'unmet') : 'met';
  const total = score.min >= pack.passScore ? 'met' : score.max >= pack.passScore ? 'unknown' : 'unmet';
  const status = staffOk === 'unmet' || total === 'unmet' ? 'unmet' : staffOk === 'unknown' || total === 'unknown' ? 'unknown' : 'met';
  const range = score.min === score.max ? `${score.min}分` : `${score.min}–${score.max}分`;
  const tips: string[] = [];
  if (staffOk === 'unmet') tips.push(`科技人员指标得分为0（${staff.hint ?? '需提高科技人员占比'}）`);
  if (total === 'unmet') {
    tips.push(`评价得分${range} < ${pack.passScore}分: 还差${pack.passScore - score.max}分`);
    for (const item of staffOk === 'unmet' ? [rd, ip] : [rd, staff, ip]) if (item.hint !== undefined) tips.push(item.hint);
  }
  if (status === 'unknown') tips.push(`评价得分预估${range}，需不低于${pack.passScore}分且科技人员指标不为0`);
  return condition({
    id: 'techSme.b5',
    label: '综合评价得分不低于60分且科技人员指标不为0分',
    clause: pack.clauses.b5,
    threshold: `≥ ${pack.passScore}分，科技人员指标 > 0分`,
    status,
    figures: {
      scoreMin: String(score.min),
      scoreMax: String(score.max),
      staffScoreMin: String(staff.min),
      staffScoreMax: String(staff.max),
    },
    hint: tips.length > 0 ? tips.join('；') : undefined,
  });
}
