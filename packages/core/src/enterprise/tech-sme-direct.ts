import { condition } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import { addYears } from './dates.ts';
import type { TechSmePack } from './rule-packs/types.ts';
import { statusOf, tri } from './status.ts';

/**
 * 第八条: 符合第六条（一）～（四）项条件的企业，同时符合下列一项的可直接确认 — replaces 第六条（五） only.
 * "近五年内" = [at − 5 years, at] (UNVERIFIED); 高企证书有效期三年自颁发之日起, valid through the anniversary day.
 */
export function checkDirectRoutes(input: TAssessmentInput, pack: TechSmePack, at: string): TConditionResult[] {
  const d = pack.direct;
  const clause = (n: string) => `${pack.clauses.direct}（${n}）`;
  const cert = input.hnteCertificate;
  const certValid =
    cert === undefined ? undefined : cert !== null && cert.issueDate <= at && addYears(cert.issueDate, d.hnteValidityYears) >= at;
  const awardFrom = addYears(at, -d.awardYears);
  const awards = input.nationalAwards;
  const hasAward = awards === undefined ? undefined : awards.some((a) => a.date >= awardFrom && a.date <= at && a.rank <= d.awardMaxRank);
  const standardFrom = addYears(at, -d.standardYears);
  const standards = input.standardsLed;
  const hasStandard =
    standards === undefined
      ? undefined
      : standards.some(
          (s) =>
            s.date >= standardFrom &&
            s.date <= at &&
            d.standardLevels.includes(s.level) &&
            (d.standardMaxRank === null || (s.rank !== undefined && s.rank <= d.standardMaxRank)),
        );
  return [
    condition({
      id: 'techSme.direct.hnte',
      label: '拥有有效期内高新技术企业资格证书',
      clause: clause('一'),
      threshold: `证书颁发之日起${d.hnteValidityYears}年内`,
      status: statusOf(tri(certValid)),
      figures:
        cert === undefined || cert === null ? {} : { issueDate: cert.issueDate, expiresOn: addYears(cert.issueDate, d.hnteValidityYears) },
    }),
    condition({
      id: 'techSme.direct.award',
      label: `近${d.awardYears}年内获得国家级科技奖励且在获奖单位中排名前${d.awardMaxRank}`,
      clause: clause('二'),
      threshold: `${awardFrom} 至 ${at}，排名 ≤ ${d.awardMaxRank}`,
      status: statusOf(tri(hasAward)),
    }),
    condition({
      id: 'techSme.direct.rdInstitution',
      label: '拥有经认定的省部级以上研发机构',
      clause: clause('三'),
      threshold: '省部级以上',
      status: statusOf(tri(input.provincialRdInstitution)),
    }),
    condition({
      id: 'techSme.direct.standard',
      label: `近${d.standardYears}年内主导制定过国际标准、国家标准或行业标准`,
      clause: clause('四'),
      threshold: `${standardFrom} 至 ${at}`,
      status: statusOf(tri(hasStandard)),
      needsReview: true,
    }),
  ];
}
