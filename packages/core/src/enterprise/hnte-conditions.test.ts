import { describe, expect, it } from 'vitest';
import type { TAssessmentInputRaw } from '../../../contracts/src/enterprise.ts';
import { assessHnte } from './assess-hnte.ts';
import { conditionOf, goodInput, goodYear, parseInput, wan, withYear } from './enterprise.factory.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';

const at = '2026-06-01';
const assess = (raw: TAssessmentInputRaw, date = at) => assessHnte(parseInput(raw), hnte2016, date);
const statusOf = (raw: TAssessmentInputRaw, id: string, date = at) => conditionOf(assess(raw, date), id).status;

describe('HNTE 第二条 resident enterprise', () => {
  it('is unmet for a non-resident and unknown when not stated', () => {
    expect(statusOf(goodInput({ residentEnterprise: false }), 'hnte.resident')).toBe('unmet');
    expect(statusOf(goodInput({ residentEnterprise: undefined }), 'hnte.resident')).toBe('unknown');
  });
});

describe('HNTE C1 注册成立一年以上 (365 calendar days, inclusive)', () => {
  it('is unmet at 364 days, met at 365 and 366', () => {
    expect(statusOf(goodInput({ registrationDate: '2025-06-02' }), 'hnte.c1')).toBe('unmet');
    expect(statusOf(goodInput({ registrationDate: '2025-06-01' }), 'hnte.c1')).toBe('met');
    expect(statusOf(goodInput({ registrationDate: '2025-05-31' }), 'hnte.c1')).toBe('met');
  });

  it('counts days across a leap year (2024-02-29 exists)', () => {
    expect(statusOf(goodInput({ registrationDate: '2023-06-01' }), 'hnte.c1', '2024-05-30')).toBe('unmet');
    expect(statusOf(goodInput({ registrationDate: '2023-06-01' }), 'hnte.c1', '2024-05-31')).toBe('met');
  });

  it('tells the earliest date and is unknown without a registration date', () => {
    const c = conditionOf(assess(goodInput({ registrationDate: '2025-06-02' })), 'hnte.c1');
    expect(c.hint).toBe('注册364天 < 365天: 最早可于2026-06-02申请');
    expect(statusOf(goodInput({ registrationDate: undefined }), 'hnte.c1')).toBe('unknown');
  });
});

describe('HNTE C2 核心知识产权 and the IP rules of 工作指引（二）', () => {
  const patent = {
    kind: 'invention_patent',
    grantDate: '2022-01-01',
    expiryDate: '2040-01-01',
    domestic: true,
    owned: true,
    coreToMainProduct: true,
  } as const;
  const c2 = (items: NonNullable<TAssessmentInputRaw['ipItems']>, date = at) => statusOf(goodInput({ ipItems: items }), 'hnte.c2', date);

  it('is met with a granted, domestic, owned, in-force core patent and flagged for expert review', () => {
    expect(c2([patent])).toBe('met');
    expect(conditionOf(assess(goodInput()), 'hnte.c2').needsReview).toBe(true);
  });

  it('is unmet without IP, with a pending application, a trademark, or an item granted after the date', () => {
    expect(c2([])).toBe('unmet');
    expect(c2([{ ...patent, grantDate: undefined }])).toBe('unmet');
    expect(c2([{ ...patent, kind: 'trademark' }])).toBe('unmet');
    expect(c2([{ ...patent, grantDate: '2026-06-02' }])).toBe('unmet');
    expect(c2([{ ...patent, grantDate: at }])).toBe('met');
  });

  it('counts an item through its expiry day, not after', () => {
    expect(c2([{ ...patent, expiryDate: at }])).toBe('met');
    expect(c2([{ ...patent, expiryDate: '2026-05-31' }])).toBe('unmet');
  });

  it('excludes foreign grants, items owned by others and co-owned items another owner uses', () => {
    expect(c2([{ ...patent, domestic: false }])).toBe('unmet');
    expect(c2([{ ...patent, owned: false }])).toBe('unmet');
    expect(c2([{ ...patent, claimedByCoOwner: true }])).toBe('unmet');
  });

  it('lets Ⅰ类 be reused but Ⅱ类 only once', () => {
    expect(c2([{ ...patent, usedInPriorHnte: true }])).toBe('met');
    const utility = { ...patent, kind: 'utility_model' } as const;
    expect(c2([{ ...utility, usedInPriorHnte: true }])).toBe('unmet');
    expect(c2([{ ...utility, usedInPriorHnte: false }])).toBe('met');
    expect(c2([{ ...utility, usedInPriorHnte: undefined }])).toBe('unknown');
  });

  it('is unknown when facts are missing: core role, domestic grant, expiry, or no IP list at all', () => {
    expect(c2([{ ...patent, coreToMainProduct: undefined }])).toBe('unknown');
    expect(c2([{ ...patent, domestic: undefined }])).toBe('unknown');
    expect(c2([{ ...patent, expiryDate: undefined }])).toBe('unknown');
    expect(statusOf(goodInput({ ipItems: undefined }), 'hnte.c2')).toBe('unknown');
    expect(c2([{ ...patent, coreToMainProduct: false }])).toBe('unmet');
  });
});

describe('HNTE C3 高新技术领域', () => {
  it('is met inside the eight domains, unmet outside, unknown when not stated', () => {
    expect(statusOf(goodInput({ mainProductDomain: 'new_materials' }), 'hnte.c3')).toBe('met');
    expect(statusOf(goodInput({ mainProductDomain: 'outside' }), 'hnte.c3')).toBe('unmet');
    expect(statusOf(goodInput({ mainProductDomain: undefined }), 'hnte.c3')).toBe('unknown');
  });
});

describe('HNTE C4 科技人员占比不低于10% (当年 = 2025 for an application in 2026)', () => {
  const staff = (techStaffAvg: string, employeesAvg = '100') => withYear(goodInput(), 2025, { techStaffAvg, employeesAvg });

  it('is met at exactly 10%, unmet just below, met just above', () => {
    expect(statusOf(staff('10'), 'hnte.c4')).toBe('met');
    expect(statusOf(staff('9.999999'), 'hnte.c4')).toBe('unmet');
    expect(statusOf(staff('10.000001'), 'hnte.c4')).toBe('met');
  });

  it('decides 0.3 of 3 employees as exactly 10% (a float quotient would give 0.0999…)', () => {
    expect(statusOf(staff('0.3', '3'), 'hnte.c4')).toBe('met');
  });

  it('uses the year before the application, not the application year', () => {
    const raw = { ...staff('5'), years: [...(staff('5').years ?? []), goodYear(2026, { techStaffAvg: '50' })] };
    expect(statusOf(raw, 'hnte.c4')).toBe('unmet');
  });

  it('hints how many S&T staff to add, counting them among employees too', () => {
    const c = conditionOf(assess(staff('5')), 'hnte.c4');
    expect(c.figures).toMatchObject({ year: '2025', techStaff: '5', employees: '100', ratio: '0.05' });
    // (5 + x) / (100 + x) ≥ 10% ⇔ x ≥ 5.56 → 6
    expect(c.hint).toBe('科技人员占比5% < 10%（职工总数100人）: 需增加科技人员约6人（月平均）');
  });

  it('is unknown when the year or the head counts are missing', () => {
    expect(statusOf(withYear(goodInput(), 2025, { techStaffAvg: undefined }), 'hnte.c4')).toBe('unknown');
    expect(statusOf(goodInput({ years: [] }), 'hnte.c4')).toBe('unknown');
    expect(statusOf(staff('0', '0'), 'hnte.c4')).toBe('unknown');
  });
});

describe('HNTE C6 高新技术产品（服务）收入占比不低于60%', () => {
  const income = (hitech: number, total = 1000, nonTaxable = 0) =>
    withYear(goodInput(), 2025, { hitechIncomeFen: wan(hitech), totalIncomeFen: wan(total), nonTaxableIncomeFen: wan(nonTaxable) });

  it('is met at exactly 60%, unmet one 分 below', () => {
    expect(statusOf(income(600), 'hnte.c6')).toBe('met');
    expect(statusOf(withYear(income(600), 2025, { hitechIncomeFen: wan(600) - 1 }), 'hnte.c6')).toBe('unmet');
  });

  it('divides by 总收入 = 收入总额 − 不征税收入', () => {
    expect(statusOf(income(600, 1100, 100), 'hnte.c6')).toBe('met');
    expect(statusOf(income(600, 1100, 0), 'hnte.c6')).toBe('unmet');
  });

  it('hints the extra high-tech income needed', () => {
    // (500 + x) / (1000 + x) ≥ 60% ⇔ x ≥ 250万元
    expect(conditionOf(assess(income(500)), 'hnte.c6').hint).toBe(
      '高新技术产品（服务）收入占比50% < 60%（总收入1000万元）: 需增加高新技术产品（服务）收入约250万元',
    );
  });

  it('is unknown without 不征税收入', () => {
    expect(statusOf(withYear(goodInput(), 2025, { nonTaxableIncomeFen: undefined }), 'hnte.c6')).toBe('unknown');
  });
});

describe('HNTE C8 申请认定前一年内无重大事故 (365 days, inclusive — UNVERIFIED boundary)', () => {
  const incident = (date: string, kind: 'safety' | 'fraud' = 'safety') => goodInput({ incidents: [{ date, kind }] });

  it('is unmet for an incident 365 days before the application and met for one 366 days before', () => {
    expect(statusOf(incident('2025-06-01'), 'hnte.c8')).toBe('unmet');
    expect(statusOf(incident('2025-05-31'), 'hnte.c8')).toBe('met');
    expect(statusOf(incident(at), 'hnte.c8')).toBe('unmet');
  });

  it('ignores incidents after the date and kinds outside 第十一条（八）', () => {
    expect(statusOf(incident('2026-06-02'), 'hnte.c8')).toBe('met');
    expect(statusOf(incident('2026-01-01', 'fraud'), 'hnte.c8')).toBe('met');
  });

  it('says from when the condition can be met, and is unknown when incidents were not declared', () => {
    expect(conditionOf(assess(incident('2026-01-10')), 'hnte.c8').hint).toBe('2026-01-10发生重大事故或严重环境违法: 2027-01-11起方可满足');
    expect(statusOf(goodInput({ incidents: undefined }), 'hnte.c8')).toBe('unknown');
  });
});
