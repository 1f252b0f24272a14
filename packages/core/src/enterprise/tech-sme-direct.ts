import { condition } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import { addYears } from './dates.ts';
import { perPack, perPackAt } from './memo.ts';
import type { TechSmePack } from './rule-packs/types.ts';
import { statusOf, tri } from './status.ts';

const texts = perPack((pack: TechSmePack) => {
  const d = pack.direct;
  const clause = (n: string) => `${pack.clauses.direct}（${n}）`;
  return {
    clauses: [clause('一'), clause('二'), clause('三'), clause('四')] as const,
    hnteThreshold: `证书颁发之日起${d.hnteValidityYears}年内`,
    awardLabel: `近${d.awardYears}年内获得国家级科技奖励且在获奖单位中排名前${d.awardMaxRank}`,
    standardLabel: `近${d.standardYears}年内主导制定过国际标准、国家标准或行业标准`,
  };
});

const windows = perPackAt((pack: TechSmePack, at: string) => {
  const d = pack.direct;
  const awardFrom = addYears(at, -d.awardYears);
  const standardFrom = addYears(at, -d.standardYears);
  return {
    awardFrom,
    standardFrom,
    awardThreshold: `${awardFrom} 至 ${at}，排名 ≤ ${d.awardMaxRank}`,
    standardThreshold: `${standardFrom} 至 ${at}`,
  };
});

/**
 * 第八条: 符合第六条（一）～（四）项条件的企业，同时符合下列一项的可直接确认 — replaces 第六条（五） only.
 * "近五年内" = [at − 5 years, at] (UNVERIFIED); 高企证书有效期三年自颁发之日起, valid through the anniversary day.
 */
export function checkDirectRoutes(input: TAssessmentInput, pack: TechSmePack, at: string): TConditionResult[] {
  const d = pack.direct;
  const t = texts(pack);
  const w = windows(pack, at);
  const cert = input.hnteCertificate;
  const certValid =
    cert === undefined ? undefined : cert !== null && cert.issueDate <= at && addYears(cert.issueDate, d.hnteValidityYears) >= at;
  const awardFrom = w.awardFrom;
  const awards = input.nationalAwards;
  const hasAward = awards === undefined ? undefined : awards.some((a) => a.date >= awardFrom && a.date <= at && a.rank <= d.awardMaxRank);
  const standardFrom = w.standardFrom;
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
      clause: t.clauses[0],
      threshold: t.hnteThreshold,
      status: statusOf(tri(certValid)),
      figures:
        cert === undefined || cert === null ? {} : { issueDate: cert.issueDate, expiresOn: addYears(cert.issueDate, d.hnteValidityYears) },
    }),
    condition({
      id: 'techSme.direct.award',
      label: t.awardLabel,
      clause: t.clauses[1],
      threshold: w.awardThreshold,
      status: statusOf(tri(hasAward)),
    }),
    condition({
      id: 'techSme.direct.rdInstitution',
      label: '拥有经认定的省部级以上研发机构',
      clause: t.clauses[2],
      threshold: '省部级以上',
      status: statusOf(tri(input.provincialRdInstitution)),
    }),
    condition({
      id: 'techSme.direct.standard',
      label: t.standardLabel,
      clause: t.clauses[3],
      threshold: w.standardThreshold,
      status: statusOf(tri(hasStandard)),
      needsReview: true,
    }),
  ];
}
