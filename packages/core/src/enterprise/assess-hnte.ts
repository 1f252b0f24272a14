import { condition } from './condition.ts';
import type { TAssessmentInput, TConditionResult, TPackAssessment, TScoreRange } from './contract-types.ts';
import { fiscalWindow } from './fiscal.ts';
import {
  checkCoreIp,
  checkDomain,
  checkHitechIncome,
  checkIncidents,
  checkRegistrationAge,
  checkResident,
  checkTechStaff,
} from './hnte-conditions.ts';
import { checkRdExpense } from './hnte-rd.ts';
import { scoreInnovation } from './hnte-score.ts';
import { countIp } from './ip.ts';
import { outcomeLabels } from './outcome.ts';
import type { HntePack } from './rule-packs/types.ts';
import { combineStatus } from './status.ts';

function reaches(points: number, pack: HntePack): boolean {
  return pack.passInclusive ? points >= pack.passScore : points > pack.passScore;
}

function openItems(score: TScoreRange): string {
  return score.items
    .filter((i) => i.max > i.min)
    .map((i) => i.label)
    .join('、');
}

// 第十一条（七）+ 工作指引（六）: 企业创新能力评价 70分以上（不含70分）; the score is a range.
export function checkInnovationScore(score: TScoreRange, pack: HntePack): TConditionResult {
  const status = reaches(score.min, pack) ? 'met' : reaches(score.max, pack) ? 'unknown' : 'unmet';
  const needed = pack.passInclusive ? pack.passScore : pack.passScore + 1;
  const range = score.min === score.max ? `${score.min}分` : `${score.min}–${score.max}分`;
  const hint =
    status === 'unmet'
      ? `创新能力评价预估${range} < ${needed}分: 最高还差${needed - score.max}分，可从知识产权、成果转化、研发管理入手`
      : status === 'unknown'
        ? `创新能力评价预估${range}，需至少${needed}分；待确定：${openItems(score)}`
        : undefined;
  return condition({
    id: 'hnte.c7',
    label: '企业创新能力评价',
    clause: pack.clauses.c7,
    threshold: pack.passInclusive ? `≥ ${pack.passScore}分` : `> ${pack.passScore}分`,
    status,
    figures: { scoreMin: String(score.min), scoreMax: String(score.max) },
    hint,
    needsReview: true,
  });
}

/** 高新技术企业 pre-assessment: the eight conditions of 第十一条 (C5 in two parts) and the innovation score. */
export function assessHnte(input: TAssessmentInput, pack: HntePack, at: string): TPackAssessment {
  const window = fiscalWindow(input, at, pack.window.years);
  const ip = countIp(input.ipItems ?? [], pack, at);
  const score = scoreInnovation(input, pack, window, ip);
  const conditions = [
    checkResident(input, pack),
    checkRegistrationAge(input, pack, at),
    input.ipItems === undefined
      ? condition({
          id: 'hnte.c2',
          label: '拥有对主要产品（服务）发挥核心支持作用的知识产权',
          clause: pack.clauses.c2,
          threshold: '≥ 1项有效知识产权（专家判断核心支持作用）',
          status: 'unknown',
          hint: '请补充：知识产权清单',
          needsReview: true,
        })
      : checkCoreIp(ip, pack),
    checkDomain(input, pack),
    checkTechStaff(input, pack, window),
    ...checkRdExpense(input, pack, window),
    checkHitechIncome(input, pack, window),
    checkInnovationScore(score, pack),
    checkIncidents(input, pack, at),
  ];
  const status = combineStatus(conditions.map((c) => c.status));
  const outcome = status === 'met' ? 'likely' : status === 'unmet' ? 'unlikely' : 'unknown';
  const notes = [...pack.unverified];
  if (window.partialFirstYear) notes.unshift('首个经营年度不完整：按实际经营年度计算，需人工复核');
  return {
    packId: pack.id,
    packName: pack.name,
    program: 'hnte',
    outcome,
    outcomeLabel: outcomeLabels[outcome],
    conditions,
    score,
    notes,
  };
}
