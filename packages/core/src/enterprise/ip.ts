import type { TIpItem } from './contract-types.ts';
import type { IpClass, RulePack } from './rule-packs/types.ts';
import { type Tri, tri } from './status.ts';

/** `allOf` of two facts: one no decides, otherwise one maybe leaves it open. */
function both(a: Tri, b: Tri): Tri {
  return a === 'no' || b === 'no' ? 'no' : a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}

/** An IP item judged for one programme at one date. */
export interface JudgedIp {
  item: TIpItem;
  ipClass: IpClass;
  eligible: Tri;
}

/** Counts of eligible items per class: `min` = surely eligible, `max` = possibly eligible. */
export interface IpCounts {
  classI: { min: number; max: number };
  classII: { min: number; max: number };
  judged: JudgedIp[];
}

/**
 * 工作指引（二）知识产权: 境内授权、在保护期内、企业为权利人; 申请中的不计; 商标不计; Ⅱ类只能在一次认定中使用
 * (Ⅰ类可重复使用); 共有的只能由一个权利人使用. 115号 第七条（三）: 在有效期内、与主要产品（或服务）相关、无争议.
 */
export function judgeIpItem(item: TIpItem, pack: RulePack, at: string): JudgedIp | null {
  const ipClass = pack.ipClassOf[item.kind];
  if (ipClass === null) return null;
  const granted: Tri = item.grantDate !== undefined && item.grantDate <= at ? 'yes' : 'no';
  // An item is in force through its expiry day (届满 includes the day).
  const inForce: Tri = item.expiryDate === undefined ? 'maybe' : item.expiryDate >= at ? 'yes' : 'no';
  let eligible = both(both(both(both(granted, inForce), tri(item.domestic)), tri(item.owned)), tri(item.claimedByCoOwner === true, true));
  if (pack.program === 'hnte') {
    if (ipClass === 'II') eligible = both(eligible, tri(item.usedInPriorHnte, true));
  } else {
    eligible = both(eligible, tri(item.disputed === true, true));
    eligible = both(eligible, item.coreToMainProduct === true ? 'yes' : tri(item.relatedToMainProduct));
  }
  return { item, ipClass, eligible };
}

export function countIp(items: readonly TIpItem[], pack: RulePack, at: string): IpCounts {
  const counts: IpCounts = { classI: { min: 0, max: 0 }, classII: { min: 0, max: 0 }, judged: [] };
  for (const item of items) {
    const judged = judgeIpItem(item, pack, at);
    if (judged === null || judged.eligible === 'no') continue;
    counts.judged.push(judged);
    const bucket = judged.ipClass === 'I' ? counts.classI : counts.classII;
    bucket.max += 1;
    if (judged.eligible === 'yes') bucket.min += 1;
  }
  return counts;
}

function range(r: { min: number; max: number }): string {
  return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
}

export function ipCountText(counts: IpCounts): string {
  return `Ⅰ类${range(counts.classI)}项，Ⅱ类${range(counts.classII)}项`;
}
