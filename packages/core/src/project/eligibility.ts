import { regionContains, type TEligibilityRules, type TOrgKind } from '@kechuang/contracts';

/*
 * A call's eligibility rules, evaluated as data. Each unmet rule yields one reason the formal check and
 * the submit refusal show; no reason means eligible. Integrity bans are checked separately (checkBarred).
 */

export interface Applicant {
  orgKind: TOrgKind;
  regionCode: string;
  /** ladder rungs the applicant's enterprise holds on the day (科技型中小企业, 高企 …) */
  rungs: readonly string[];
}

export type EligibilityReason =
  | { rule: 'applicantKind'; need: string[]; have: string }
  | { rule: 'region'; need: string[]; have: string }
  | { rule: 'rung'; need: string[]; have: string[] };

export function eligibilityReasons(rules: TEligibilityRules, callRegion: string, a: Applicant): EligibilityReason[] {
  const out: EligibilityReason[] = [];
  if (!(rules.applicantKinds as string[]).includes(a.orgKind))
    out.push({ rule: 'applicantKind', need: [...rules.applicantKinds], have: a.orgKind });
  const regions = rules.regionCodes.length > 0 ? rules.regionCodes : [callRegion];
  if (!regions.some((r) => regionContains(r, a.regionCode))) out.push({ rule: 'region', need: regions, have: a.regionCode });
  if (rules.rungsAnyOf.length > 0 && !rules.rungsAnyOf.some((r) => a.rungs.includes(r)))
    out.push({ rule: 'rung', need: [...rules.rungsAnyOf], have: [...a.rungs] });
  return out;
}

const kindName: Record<string, string> = { enterprise: '企业', institute: '高校、科研院所' };
const rungName: Record<string, string> = {
  techSme: '科技型中小企业',
  hnteReserve: '高企后备库企业',
  hnte: '高新技术企业',
  specialized: '专精特新企业',
  littleGiant: '专精特新“小巨人”企业',
  listed: '上市企业',
};

/** The reason in zh-CN, as the formal-check report shows it. */
export function eligibilityMessage(r: EligibilityReason): string {
  switch (r.rule) {
    case 'applicantKind':
      return `申报单位类型须为：${r.need.map((k) => kindName[k] ?? k).join('、')}`;
    case 'region':
      return `申报单位须位于：${r.need.join('、')}（行政区划代码）`;
    case 'rung':
      return `申报单位须为以下之一：${r.need.map((k) => rungName[k] ?? k).join('、')}`;
  }
}
