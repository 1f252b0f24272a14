import { condition, missingHint } from './condition.ts';
import type { TAssessmentInput, TConditionResult, TConditionStatus } from './contract-types.ts';
import { cmpFrac, frac, wan } from './exact.ts';
import { yearRecord } from './fiscal.ts';
import type { TechSmePack } from './rule-packs/types.ts';
import { headcountText, yearEmployees } from './staff.ts';
import { combineStatus, statusOf, tri } from './status.ts';

// 第六条（一）: 境内注册的居民企业; 2022 指引 adds 会计核算健全、实行查账征收并能够准确归集研发费用.
export function checkSmeResident(input: TAssessmentInput, pack: TechSmePack): TConditionResult {
  const parts = [statusOf(tri(input.residentEnterprise))];
  const missing = input.residentEnterprise === undefined ? ['是否为境内注册的居民企业'] : [];
  if (pack.requireAuditBasedTax) {
    parts.push(statusOf(tri(input.auditBasedTax)));
    if (input.auditBasedTax === undefined) missing.push('是否实行查账征收、准确归集研发费用');
  }
  const status = combineStatus(parts);
  return condition({
    id: 'techSme.b1',
    label: pack.requireAuditBasedTax ? '境内居民企业，实行查账征收并能准确归集研发费用' : '在中国境内注册的居民企业',
    clause: pack.clauses.b1,
    threshold: pack.requireAuditBasedTax ? '居民企业且查账征收' : '居民企业',
    status,
    hint: status === 'unknown' ? missingHint(missing) : undefined,
  });
}

const sizeThresholds = new WeakMap<TechSmePack, string>();
function sizeThreshold(pack: TechSmePack): string {
  let text = sizeThresholds.get(pack);
  if (text === undefined) {
    text = `职工总数 ≤ ${pack.maxEmployees}人，销售收入 ≤ ${wan(BigInt(pack.maxSalesFen), 1n)}，资产总额 ≤ ${wan(BigInt(pack.maxAssetsFen), 1n)}`;
    sizeThresholds.set(pack, text);
  }
  return text;
}

interface SizeParts {
  lastYear: number;
  figures: Record<string, string>;
  parts: TConditionStatus[];
  missing: string[];
  over: string[];
}

function sizeUnknown(size: SizeParts, name: string): void {
  size.missing.push(`${size.lastYear}年${name}`);
  size.parts.push('unknown');
}

function sizeMoney(size: SizeParts, value: number | undefined, max: number, name: string, key: string): void {
  if (value === undefined) {
    sizeUnknown(size, name);
    return;
  }
  size.figures[key] = String(value);
  const ok = value <= max;
  size.parts.push(ok ? 'met' : 'unmet');
  if (!ok) size.over.push(`${name}${wan(BigInt(value), 1n, 'up')}超过上限`);
}

// 第六条（二）: 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元 (不超过 = ≤; reference year FY−1, UNVERIFIED).
export function checkSmeSize(input: TAssessmentInput, pack: TechSmePack, lastYear: number): TConditionResult {
  const rec = yearRecord(input, lastYear);
  const figures: Record<string, string> = { year: String(lastYear) };
  const size: SizeParts = { lastYear, figures, parts: [], missing: [], over: [] };
  const employees = yearEmployees(rec);
  if (employees === undefined) sizeUnknown(size, '职工总数');
  else {
    const text = headcountText(employees.num, employees.den);
    figures.employees = text;
    const ok = cmpFrac(employees.num, employees.den, frac(pack.maxEmployees)) <= 0;
    size.parts.push(ok ? 'met' : 'unmet');
    if (!ok) size.over.push(`职工总数${text}人超过上限`);
  }
  sizeMoney(size, rec?.salesFen, pack.maxSalesFen, '销售收入', 'salesFen');
  sizeMoney(size, rec?.totalAssetsFen, pack.maxAssetsFen, '资产总额', 'totalAssetsFen');
  const { parts, missing, over } = size;
  const status = combineStatus(parts);
  return condition({
    id: 'techSme.b2',
    label: '职工总数、年销售收入、资产总额',
    clause: pack.clauses.b2,
    threshold: sizeThreshold(pack),
    status,
    figures,
    hint: status === 'unmet' ? `${over.join('；')}: 不属于科技型中小企业规模范围` : status === 'unknown' ? missingHint(missing) : undefined,
  });
}

function industryExcluded(input: TAssessmentInput, pack: TechSmePack): boolean | undefined {
  if (input.industryExcludedFromSuperDeduction !== undefined) return input.industryExcludedFromSuperDeduction;
  const code = input.industryCode;
  if (code === undefined) return undefined;
  return pack.excludedIndustryCodes.some((prefix) => code.startsWith(prefix));
}

// 第六条（三）: 不属于限制类和淘汰类; 2022 指引 adds 不属于财税〔2015〕119号 不适用加计扣除的行业.
export function checkSmeIndustry(input: TAssessmentInput, pack: TechSmePack): TConditionResult {
  const parts = [statusOf(tri(input.industryRestricted, true))];
  const missing = input.industryRestricted === undefined ? ['是否属于限制类、淘汰类'] : [];
  const figures: Record<string, string> = input.industryCode === undefined ? {} : { industryCode: input.industryCode };
  let excluded: boolean | undefined;
  if (pack.checkSuperDeductionList) {
    excluded = industryExcluded(input, pack);
    parts.push(statusOf(tri(excluded, true)));
    if (excluded === undefined) missing.push('所属行业代码');
  }
  const status = combineStatus(parts);
  const hint =
    status === 'unknown'
      ? missingHint(missing)
      : status === 'unmet'
        ? excluded === true
          ? '所属行业不适用研发费用加计扣除政策: 不能参加评价'
          : '属于限制类或淘汰类: 不能参加评价'
        : undefined;
  return condition({
    id: 'techSme.b3',
    label: pack.checkSuperDeductionList ? '不属于限制类、淘汰类及不适用加计扣除的行业' : '产品和服务不属于禁止、限制和淘汰类',
    clause: pack.clauses.b3,
    threshold: '不属于',
    status,
    figures,
    hint,
  });
}

const creditBases = new WeakMap<TechSmePack, { key: string; base: { id: string; label: string; clause: string; threshold: string } }>();
function creditBase(pack: TechSmePack, at: string, from: string): { id: string; label: string; clause: string; threshold: string } {
  const key = `${from}|${at}`;
  const hit = creditBases.get(pack);
  if (hit !== undefined && hit.key === key) return hit.base;
  const base = {
    id: 'techSme.b4',
    label: '无重大事故、严重失信，未列入异常名录',
    clause: pack.clauses.b4,
    threshold: `${from} 至 ${at} 无`,
  };
  creditBases.set(pack, { key, base });
  return base;
}

// 第六条（四）: 上一会计年度及当年未发生重大安全、质量事故、严重环境违法、（严重弄虚作假、）科研严重失信行为; 未列入
// 经营异常名录和严重违法失信企业名单.
export function checkSmeCredit(input: TAssessmentInput, pack: TechSmePack, at: string, lastYear: number): TConditionResult {
  const from = `${lastYear}-01-01`;
  const base = creditBase(pack, at, from);
  const missing: string[] = [];
  const problems: string[] = [];
  if (input.incidents === undefined) missing.push('上一年度及当年重大事故、失信情况');
  else if (input.incidents.some((i) => i.date >= from && i.date <= at)) problems.push('发生重大事故或严重失信行为');
  if (input.creditListings === undefined) missing.push('经营异常名录、严重违法失信名单情况');
  else {
    const listed = input.creditListings.some((l) => {
      const end = l.to ?? '9999-12-31';
      return pack.listingWindow === 'at_date' ? l.from <= at && end >= at : l.from <= at && end >= from;
    });
    if (listed) problems.push('列入经营异常名录或严重违法失信名单');
  }
  const status = problems.length > 0 ? 'unmet' : missing.length > 0 ? 'unknown' : 'met';
  const hint = status === 'unmet' ? `${problems.join('；')}: 当年不能参加评价` : status === 'unknown' ? missingHint(missing) : undefined;
  return condition({ ...base, status, hint });
}
