import type { TAssessmentInput, TOutcome, TPackAssessment } from './contract-types.ts';
import { yearOf } from './dates.ts';
import { countIp } from './ip.ts';
import { outcomeLabels } from './outcome.ts';
import type { TechSmePack } from './rule-packs/types.ts';
import { combineStatus } from './status.ts';
import { checkSmeCredit, checkSmeIndustry, checkSmeResident, checkSmeSize } from './tech-sme-conditions.ts';
import { checkDirectRoutes } from './tech-sme-direct.ts';
import { checkSmeRevocation } from './tech-sme-revocation.ts';
import { checkSmeScore, scoreTechSme } from './tech-sme-score.ts';

/**
 * 科技型中小企业 pre-assessment (国科发政〔2017〕115号 第六条–第八条): B1–B4 must hold (and no revocation of the
 * 入库登记编号 in the evaluation year, 国科火字〔2019〕87号); B5 (score ≥ 60 and the S&T-staff score not 0) or one of
 * the direct-confirmation routes of 第八条.
 */
export function assessTechSme(input: TAssessmentInput, pack: TechSmePack, at: string): TPackAssessment {
  const lastYear = yearOf(at) - 1;
  const counts = countIp(input.ipItems ?? [], pack, at);
  const score = scoreTechSme(input, pack, lastYear, counts);
  const revocation = checkSmeRevocation(input, at);
  const basic = [
    checkSmeResident(input, pack),
    checkSmeSize(input, pack, lastYear),
    checkSmeIndustry(input, pack),
    checkSmeCredit(input, pack, at, lastYear),
    ...(revocation === null ? [] : [revocation]),
  ];
  const scoreCondition = checkSmeScore(score, pack);
  const directRoutes = checkDirectRoutes(input, pack, at);
  const basicStatus = combineStatus(basic.map((c) => c.status));
  const routeStatuses = [scoreCondition.status, ...directRoutes.map((r) => r.status)];
  // Any one of B5 or the routes suffices.
  const alternative = routeStatuses.includes('met') ? 'met' : routeStatuses.includes('unknown') ? 'unknown' : 'unmet';
  const combined = combineStatus([basicStatus, alternative]);
  const outcome: TOutcome = combined === 'met' ? 'likely' : combined === 'unmet' ? 'unlikely' : 'unknown';
  const notes = [...pack.unverified];
  if (scoreCondition.status !== 'met' && directRoutes.some((r) => r.status === 'met')) {
    notes.unshift('符合第八条直接确认条件，评价得分不作要求');
  }
  return {
    packId: pack.id,
    packName: pack.name,
    program: 'techSme',
    outcome,
    outcomeLabel: outcomeLabels[outcome],
    conditions: [...basic, scoreCondition],
    score,
    directRoutes,
    notes,
  };
}
