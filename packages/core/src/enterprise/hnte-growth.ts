import { bandOfFrac } from './bands.ts';
import type { TAssessmentInput, TScoreItem } from './contract-types.ts';
import { percentHalfUp } from './exact.ts';
import { type FiscalWindow, yearRecord } from './fiscal.ts';
import type { HntePack } from './rule-packs/types.ts';

/**
 * 工作指引（六）企业成长性: g = 1/2 × (Y2/Y1 + Y3/Y2) − 1, kept as the exact ratio
 * (Y2² + Y1·Y3 − 2·Y1·Y2) / (2·Y1·Y2). 为负的按0分; 第一年为0的按后两年计算 (g = Y3/Y2 − 1); 第二年为0的按0分;
 * 经营两年 g = Y2/Y1 − 1, 经营一年 0分 (interpretations, UNVERIFIED, listed in the pack).
 */
export function growthRatio(values: readonly bigint[]): { num: bigint; den: bigint } | null {
  const [a, b, c] = values;
  if (values.length === 3 && a !== undefined && b !== undefined && c !== undefined) {
    if (b === 0n) return null;
    if (a === 0n) return { num: c - b, den: b };
    return { num: b * b + a * c - 2n * a * b, den: 2n * a * b };
  }
  if (values.length === 2 && a !== undefined && b !== undefined) {
    if (a === 0n) return null;
    return { num: b - a, den: a };
  }
  return null;
}

type Field = 'netAssetsFen' | 'salesFen';

function growthItem(input: TAssessmentInput, pack: HntePack, window: FiscalWindow, field: Field): TScoreItem {
  const s = pack.score;
  const id = field === 'netAssetsFen' ? 'hnte.score.netAssetGrowth' : 'hnte.score.salesGrowth';
  const label = field === 'netAssetsFen' ? '净资产增长率' : '销售收入增长率';
  const raw = window.years.map((y) => yearRecord(input, y)?.[field]);
  if (raw.some((v) => v === undefined) || window.years.length === 0) {
    return { id, label, min: 0, max: s.growthCap, cap: s.growthCap, basis: `缺少${window.years.join('、')}年${label}所需数据` };
  }
  const values = (raw as number[]).map((v) => (v < 0 && s.negativeNetAssetsAsZero ? 0n : BigInt(v)));
  const g = growthRatio(values);
  if (g === null) return { id, label, min: 0, max: 0, cap: s.growthCap, basis: '无法计算增长率（经营不足两年或基期为0），按0分' };
  const band = bandOfFrac(g.num, g.den, s.growthBands);
  return {
    id,
    label,
    min: band.points[0],
    max: band.points[1],
    cap: s.growthCap,
    // The rate as text is rounded half-up to two decimals whatever its sign; the band is decided on the exact ratio.
    basis: `${label}${percentHalfUp(g.num, g.den)}，${band.label}`,
  };
}

export function scoreGrowth(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): TScoreItem[] {
  return [growthItem(input, pack, window, 'netAssetsFen'), growthItem(input, pack, window, 'salesFen')];
}
