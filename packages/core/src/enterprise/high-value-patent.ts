import type { TIpItem } from './contract-types.ts';
import { addYears, dayNumber, isoOfDay } from './dates.ts';

/**
 * 高价值发明专利 (国家知识产权局 2021年第二季度例行新闻发布会; domain-rules §4): 有效发明专利中满足任一 —
 * ①战略性新兴产业的发明专利；②在海外有同族专利权的；③维持年限超过10年的；④实现较高质押融资金额的；
 * ⑤获得国家科学技术奖或中国专利奖的. The threshold of “较高质押融资金额” is not published: 1000万元 here,
 * configurable (UNVERIFIED). Versioned with an effective date like the other rule packs.
 */
export interface HighValuePatentRules {
  id: string;
  name: string;
  effectiveFrom: string;
  /** 维持年限超过 this many years, counted from the filing date. */
  maintenanceYears: number;
  /** 质押融资金额 at or above this (分). */
  pledgeMinFen: number;
  source: string;
  unverified: readonly string[];
}

export const highValuePatent2021: HighValuePatentRules = {
  id: 'high-value-patent-2021',
  name: '高价值发明专利（国家知识产权局口径）',
  effectiveFrom: '2021-01-01',
  maintenanceYears: 10,
  pledgeMinFen: 1_000_000_000,
  source: '国家知识产权局2021年第二季度例行新闻发布会',
  unverified: ['“较高质押融资金额”的门槛（此处取1000万元）', '维持年限自申请日起算；无申请日时按授权日（偏保守）'],
};

export type HighValueCriterion = 'strategic_emerging' | 'overseas_family' | 'maintained' | 'pledge_financing' | 'award';

/** Patent term: 发明专利权的期限为二十年，自申请日起计算 (专利法第四十二条); the last day is the day before. */
function termEnd(filingDate: string): string {
  return isoOfDay(dayNumber(addYears(filingDate, 20)) - 1);
}

/**
 * Whether the item is a valid (有效) domestic invention patent on `at`: granted on or before, not expired (the
 * expiry date, else twenty years from filing), not known to be foreign. Unknown expiry counts as valid.
 */
export function isValidInventionPatent(item: TIpItem, at: string): boolean {
  if (item.kind !== 'invention_patent' || item.grantDate === undefined || item.grantDate > at) return false;
  if (item.domestic === false) return false;
  const expiry = item.expiryDate ?? (item.filingDate ? termEnd(item.filingDate) : undefined);
  return expiry === undefined || expiry >= at;
}

/** The criteria a valid invention patent meets on `at` (empty when it is not one). */
export function highValueCriteria(item: TIpItem, at: string, rules: HighValuePatentRules = highValuePatent2021): HighValueCriterion[] {
  if (!isValidInventionPatent(item, at)) return [];
  const met: HighValueCriterion[] = [];
  if (item.strategicEmergingIndustry === true) met.push('strategic_emerging');
  if (item.overseasFamily === true) met.push('overseas_family');
  // 超过N年: strictly past the Nth anniversary of the filing (or, without it, the grant) date.
  const start = item.filingDate ?? (item.grantDate as string);
  if (at > addYears(start, rules.maintenanceYears)) met.push('maintained');
  if (item.pledgeFinancingFen !== undefined && item.pledgeFinancingFen >= rules.pledgeMinFen) met.push('pledge_financing');
  if ((item.awards ?? []).length > 0) met.push('award');
  return met;
}

export function isHighValuePatent(item: TIpItem, at: string, rules: HighValuePatentRules = highValuePatent2021): boolean {
  return highValueCriteria(item, at, rules).length > 0;
}
