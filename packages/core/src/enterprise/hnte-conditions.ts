import { condition, missingHint } from './condition.ts';
import type { TAssessmentInput, TConditionResult } from './contract-types.ts';
import { dayNumber, isoOfDay } from './dates.ts';
import { constant, thresholdPercent } from './decimal.ts';
import { cmpFrac, frac, percent, quotient, ratioText, wan, wanGapUp } from './exact.ts';
import { type FiscalWindow, yearRecord } from './fiscal.ts';
import type { IpCounts } from './ip.ts';
import { perPack, perPackAt } from './memo.ts';
import type { HntePack } from './rule-packs/types.ts';
import { headcountText, monthsNote, yearStaff } from './staff.ts';
import { statusOf, tri } from './status.ts';

// 国科发火〔2016〕32号 第二条: 在中国境内（不包括港、澳、台地区）注册的居民企业.
export function checkResident(input: TAssessmentInput, pack: HntePack): TConditionResult {
  return condition({
    id: 'hnte.resident',
    label: '在中国境内注册的居民企业',
    clause: pack.clauses.definition,
    threshold: '居民企业',
    status: statusOf(tri(input.residentEnterprise)),
    hint: input.residentEnterprise === undefined ? missingHint(['是否为境内注册的居民企业']) : undefined,
  });
}

const atTexts = perPackAt((pack: HntePack, at: string) => {
  const today = dayNumber(at);
  const from = isoOfDay(today - pack.incidentWindowDays);
  return {
    today,
    base: { id: 'hnte.c1', label: '注册成立一年以上', clause: pack.clauses.c1, threshold: `≥ ${pack.minDaysRegistered}天` },
    incidentsFrom: from,
    incidents: {
      id: 'hnte.c8',
      label: '申请前一年内未发生重大安全、质量事故或严重环境违法行为',
      clause: pack.clauses.c8,
      threshold: `${from} 至 ${at} 无`,
    },
  };
});

const ratioTexts = perPack((pack: HntePack) => ({
  staff: thresholdPercent(constant(pack.techStaffRatio)),
  hitech: thresholdPercent(constant(pack.hitechIncomeShare)),
}));

// 第十一条（一）+ 工作指引: 注册成立365个日历天数以上 (以上 includes 365).
export function checkRegistrationAge(input: TAssessmentInput, pack: HntePack, at: string): TConditionResult {
  const { base, today } = atTexts(pack, at);
  if (input.registrationDate === undefined) return condition({ ...base, status: 'unknown', hint: missingHint(['注册日期']) });
  const registered = dayNumber(input.registrationDate);
  const days = today - registered;
  const met = days >= pack.minDaysRegistered;
  return condition({
    ...base,
    status: met ? 'met' : 'unmet',
    figures: { registrationDate: input.registrationDate, days: String(days) },
    hint: met ? undefined : `注册${days}天 < ${pack.minDaysRegistered}天: 最早可于${isoOfDay(registered + pack.minDaysRegistered)}申请`,
  });
}

// 第十一条（二）: 拥有对主要产品（服务）发挥核心支持作用的知识产权的所有权 (expert judgement).
export function checkCoreIp(counts: IpCounts, pack: HntePack): TConditionResult {
  const base = { id: 'hnte.c2', label: '拥有对主要产品（服务）发挥核心支持作用的知识产权', clause: pack.clauses.c2 };
  const threshold = '≥ 1项有效知识产权（专家判断核心支持作用）';
  let sure = 0;
  let possible = 0;
  for (const j of counts.judged) {
    if (j.eligible === 'yes' && j.item.coreToMainProduct === true) sure++;
    if (j.item.coreToMainProduct !== false) possible++;
  }
  const status = sure > 0 ? 'met' : possible === 0 ? 'unmet' : 'unknown';
  const hint =
    status === 'unmet'
      ? '无可用于认定的知识产权: 需取得对主要产品（服务）起核心支持作用的境内有效知识产权（Ⅰ类可重复使用，Ⅱ类仅可使用一次）'
      : status === 'unknown'
        ? '请确认知识产权的授权、有效期、权属及是否对主要产品起核心支持作用'
        : undefined;
  return condition({
    ...base,
    threshold,
    status,
    figures: { sureCoreItems: String(sure), possibleItems: String(possible) },
    hint,
    needsReview: true,
  });
}

// 第十一条（三）: 核心技术属于《国家重点支持的高新技术领域》 (expert judgement).
export function checkDomain(input: TAssessmentInput, pack: HntePack): TConditionResult {
  const domain = input.mainProductDomain;
  const status = domain === undefined ? 'unknown' : domain === 'outside' ? 'unmet' : 'met';
  return condition({
    id: 'hnte.c3',
    label: '核心技术属于国家重点支持的高新技术领域',
    clause: pack.clauses.c3,
    threshold: '八大领域之一',
    status,
    figures: domain === undefined ? {} : { domain },
    hint:
      status === 'unknown'
        ? missingHint(['主要产品（服务）所属技术领域'])
        : status === 'unmet'
          ? '核心技术不属于八大领域: 难以认定'
          : undefined,
    needsReview: true,
  });
}

// 第十一条（四）: 科技人员占当年职工总数的比例不低于10% (当年 = 申报前1个会计年度; 全年月平均数, in millionths).
export function checkTechStaff(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): TConditionResult {
  const t = frac(pack.techStaffRatio);
  const tText = ratioTexts(pack).staff;
  const base = { id: 'hnte.c4', label: '科技人员占职工总数比例', clause: pack.clauses.c4, threshold: `≥ ${tText}` };
  const s = yearStaff(yearRecord(input, window.lastYear));
  if (s === undefined) {
    return condition({ ...base, status: 'unknown', hint: missingHint([`${window.lastYear}年职工总数、科技人员数（月平均）`]) });
  }
  const { techStaff: staff, employees, den } = s;
  if (employees === 0n) return condition({ ...base, status: 'unknown', hint: `${window.lastYear}年职工总数为0，无法计算` });
  const employeesText = headcountText(employees, den);
  const figures: Record<string, string> = {
    year: String(window.lastYear),
    techStaff: headcountText(staff, den),
    employees: employeesText,
    ratio: ratioText(staff, employees),
  };
  if (s.months !== null) figures.months = String(s.months);
  if (cmpFrac(staff, employees, t) >= 0) return condition({ ...base, status: 'met', figures });
  // New S&T staff also join the workforce: (s + x) / (e + x) ≥ t ⇔ x ≥ (t·e − s) / (1 − t).
  const gap = quotient(t.p * employees - t.q * staff, (t.q - t.p) * den, 0, 'up');
  return condition({
    ...base,
    status: 'unmet',
    figures,
    hint: `科技人员占比${percent(staff, employees)} < ${tText}（职工总数${employeesText}人${monthsNote(s)}）: 需增加科技人员约${gap}人（月平均）`,
  });
}

// 第十一条（六）: 近一年高新技术产品（服务）收入占同期总收入的比例不低于60%; 总收入 = 收入总额 − 不征税收入.
export function checkHitechIncome(input: TAssessmentInput, pack: HntePack, window: FiscalWindow): TConditionResult {
  const t = frac(pack.hitechIncomeShare);
  const tText = ratioTexts(pack).hitech;
  const base = {
    id: 'hnte.c6',
    label: '高新技术产品（服务）收入占总收入比例',
    clause: pack.clauses.c6,
    threshold: `≥ ${tText}`,
  };
  const rec = yearRecord(input, window.lastYear);
  if (rec?.hitechIncomeFen === undefined || rec.totalIncomeFen === undefined || rec.nonTaxableIncomeFen === undefined) {
    return condition({
      ...base,
      status: 'unknown',
      hint: missingHint([`${window.lastYear}年高新技术产品（服务）收入、收入总额、不征税收入`]),
    });
  }
  const hitech = BigInt(rec.hitechIncomeFen);
  const total = BigInt(rec.totalIncomeFen) - BigInt(rec.nonTaxableIncomeFen);
  if (total <= 0n) return condition({ ...base, status: 'unknown', hint: `${window.lastYear}年总收入为0，无法计算` });
  const figures = {
    year: String(window.lastYear),
    hitechIncomeFen: hitech.toString(),
    totalIncomeFen: total.toString(),
    ratio: ratioText(hitech, total),
  };
  if (cmpFrac(hitech, total, t) >= 0) return condition({ ...base, status: 'met', figures });
  // Additional high-tech income adds to total income: (h + x) / (T + x) ≥ t ⇔ x ≥ (t·T − h) / (1 − t).
  const gap = wanGapUp(t.p * total - t.q * hitech, t.q - t.p);
  return condition({
    ...base,
    status: 'unmet',
    figures,
    hint: `高新技术产品（服务）收入占比${percent(hitech, total)} < ${tText}（总收入${wan(total, 1n)}）: 需增加高新技术产品（服务）收入约${gap}`,
  });
}

// 第十一条（八）+ 工作指引: 申请认定前一年内（申请前365天之内，含申报年）未发生重大安全、重大质量事故或严重环境违法行为.
export function checkIncidents(input: TAssessmentInput, pack: HntePack, at: string): TConditionResult {
  const texts = atTexts(pack, at);
  const from = texts.incidentsFrom;
  const base = texts.incidents;
  if (input.incidents === undefined) return condition({ ...base, status: 'unknown', hint: missingHint(['近一年重大事故及环境违法情况']) });
  const hits = input.incidents.filter((i) => i.kind !== 'fraud' && i.kind !== 'research_misconduct' && i.date >= from && i.date <= at);
  if (hits.length === 0) return condition({ ...base, status: 'met', figures: { incidents: '0' } });
  const last = hits.map((i) => i.date).sort()[hits.length - 1] as string;
  const clear = isoOfDay(dayNumber(last) + pack.incidentWindowDays + 1);
  return condition({
    ...base,
    status: 'unmet',
    figures: { incidents: String(hits.length), lastIncident: last },
    hint: `${last}发生重大事故或严重环境违法: ${clear}起方可满足`,
  });
}
