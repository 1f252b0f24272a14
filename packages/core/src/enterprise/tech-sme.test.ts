import { describe, expect, it } from 'vitest';
import type { TAssessmentInputRaw } from '../../../contracts/src/enterprise.ts';
import { assessTechSme } from './assess-tech-sme.ts';
import { conditionOf, goodInput, goodYear, parseInput, scoreItemOf, wan, withYear } from './enterprise.factory.ts';
import { techSme2017 } from './rule-packs/tech-sme-2017.ts';
import { techSme2022 } from './rule-packs/tech-sme-2022.ts';

const at = '2026-06-01';
const assess = (raw: TAssessmentInputRaw, pack = techSme2022, date = at) => assessTechSme(parseInput(raw), pack, date);
const statusOf = (raw: TAssessmentInputRaw, id: string, pack = techSme2022) => conditionOf(assess(raw, pack), id).status;
const points = (raw: TAssessmentInputRaw, id: string) => {
  const i = scoreItemOf(assess(raw), id);
  return i.min === i.max ? i.min : [i.min, i.max];
};
const y2025 = (fields: Parameters<typeof withYear>[2], raw = goodInput()) => withYear(raw, 2025, fields);

describe('科技型中小企业 B1 居民企业 (2022: 查账征收)', () => {
  it('requires 查账征收 under the 2022 guide only', () => {
    expect(statusOf(goodInput({ auditBasedTax: false }), 'techSme.b1')).toBe('unmet');
    expect(statusOf(goodInput({ auditBasedTax: false }), 'techSme.b1', techSme2017)).toBe('met');
    expect(statusOf(goodInput({ auditBasedTax: undefined }), 'techSme.b1')).toBe('unknown');
    expect(statusOf(goodInput({ residentEnterprise: false }), 'techSme.b1', techSme2017)).toBe('unmet');
  });
});

describe('科技型中小企业 B2 规模 (不超过 = inclusive)', () => {
  it('accepts exactly 500 employees and rejects 500.5', () => {
    expect(statusOf(y2025({ employeesAvg: '500' }), 'techSme.b2')).toBe('met');
    expect(statusOf(y2025({ employeesAvg: '500.5' }), 'techSme.b2')).toBe('unmet');
  });

  it('accepts exactly 2亿元 of sales and of assets and rejects one 分 more', () => {
    expect(statusOf(y2025({ salesFen: wan(20000) }), 'techSme.b2')).toBe('met');
    expect(statusOf(y2025({ salesFen: wan(20000) + 1 }), 'techSme.b2')).toBe('unmet');
    expect(statusOf(y2025({ totalAssetsFen: wan(20000) }), 'techSme.b2')).toBe('met');
    const over = conditionOf(assess(y2025({ totalAssetsFen: wan(20000) + 1 })), 'techSme.b2');
    expect(over.status).toBe('unmet');
    expect(over.hint).toBe('资产总额20000.01万元超过上限: 不属于科技型中小企业规模范围');
  });

  it('is unknown when a figure is missing but unmet when another is over the limit', () => {
    expect(statusOf(y2025({ totalAssetsFen: undefined }), 'techSme.b2')).toBe('unknown');
    expect(statusOf(y2025({ totalAssetsFen: undefined, employeesAvg: '501' }), 'techSme.b2')).toBe('unmet');
  });
});

describe('科技型中小企业 B3 行业', () => {
  it('rejects restricted or eliminated industries', () => {
    expect(statusOf(goodInput({ industryRestricted: true }), 'techSme.b3')).toBe('unmet');
    expect(statusOf(goodInput({ industryRestricted: undefined }), 'techSme.b3')).toBe('unknown');
  });

  it('rejects industries outside 研发费用加计扣除 from 2022 (by code, UNVERIFIED list, or flag)', () => {
    expect(statusOf(goodInput({ industryCode: 'F51' }), 'techSme.b3')).toBe('unmet');
    expect(statusOf(goodInput({ industryCode: 'R90' }), 'techSme.b3')).toBe('unmet');
    expect(statusOf(goodInput({ industryCode: 'R88' }), 'techSme.b3')).toBe('met');
    expect(statusOf(goodInput({ industryCode: 'F51' }), 'techSme.b3', techSme2017)).toBe('met');
    expect(statusOf(goodInput({ industryCode: 'C39', industryExcludedFromSuperDeduction: true }), 'techSme.b3')).toBe('unmet');
    expect(statusOf(goodInput({ industryCode: undefined }), 'techSme.b3')).toBe('unknown');
  });
});

describe('科技型中小企业 B4 上一会计年度及当年无事故、失信', () => {
  it('looks from 1 January of the previous year to the assessment date', () => {
    expect(statusOf(goodInput({ incidents: [{ date: '2025-01-01', kind: 'research_misconduct' }] }), 'techSme.b4')).toBe('unmet');
    expect(statusOf(goodInput({ incidents: [{ date: '2024-12-31', kind: 'safety' }] }), 'techSme.b4')).toBe('met');
    expect(statusOf(goodInput({ incidents: [{ date: '2026-06-02', kind: 'safety' }] }), 'techSme.b4')).toBe('met');
  });

  it('counts a past listing in the window under 2022 but only a current listing under 2017', () => {
    const raw = goodInput({ creditListings: [{ list: 'abnormal_operations', from: '2025-03-01', to: '2025-09-01' }] });
    expect(statusOf(raw, 'techSme.b4')).toBe('unmet');
    expect(statusOf(raw, 'techSme.b4', techSme2017)).toBe('met');
    const current = goodInput({ creditListings: [{ list: 'serious_violation', from: '2026-05-01' }] });
    expect(statusOf(current, 'techSme.b4', techSme2017)).toBe('unmet');
  });

  it('is unknown when incidents or listings were not declared', () => {
    expect(statusOf(goodInput({ creditListings: undefined }), 'techSme.b4')).toBe('unknown');
    expect(statusOf(goodInput({ incidents: undefined }), 'techSme.b4')).toBe('unknown');
  });
});

describe('科技型中小企业 scoring table (第七条)', () => {
  it('scores 科技人员 bands at ≥30/25/20/15/10% and just below', () => {
    const staff = (s: string) => points(y2025({ techStaffAvg: s, employeesAvg: '100' }), 'techSme.score.staff');
    expect([staff('30'), staff('29.999999')]).toEqual([20, 16]);
    expect([staff('25'), staff('24.999999')]).toEqual([16, 12]);
    expect([staff('20'), staff('19.999999')]).toEqual([12, 8]);
    expect([staff('15'), staff('14.999999')]).toEqual([8, 4]);
    expect([staff('10'), staff('9.999999')]).toEqual([4, 0]);
  });

  it('scores 研发费用/销售收入 bands at ≥6/5/4/3/2% and one 分 below', () => {
    const rd = (ratio: number, delta = 0) =>
      points(
        y2025({ salesFen: wan(1000), costExpenseFen: wan(100000), rdExpense: { personnelFen: wan(1000 * ratio) + delta } }),
        'techSme.score.rd',
      );
    expect([rd(0.06), rd(0.06, -1)]).toEqual([50, 40]);
    expect([rd(0.05), rd(0.05, -1)]).toEqual([40, 30]);
    expect([rd(0.04), rd(0.04, -1)]).toEqual([30, 20]);
    expect([rd(0.03), rd(0.03, -1)]).toEqual([20, 10]);
    expect([rd(0.02), rd(0.02, -1)]).toEqual([10, 0]);
  });

  it('scores 研发费用/成本费用支出 bands at ≥30/25/20/15/10% and one 分 below', () => {
    const rd = (ratio: number, delta = 0) =>
      points(
        y2025({ salesFen: wan(100000), costExpenseFen: wan(1000), rdExpense: { personnelFen: wan(1000 * ratio) + delta } }),
        'techSme.score.rd',
      );
    expect([rd(0.3), rd(0.3, -1)]).toEqual([50, 40]);
    expect([rd(0.25), rd(0.25, -1)]).toEqual([40, 30]);
    expect([rd(0.2), rd(0.2, -1)]).toEqual([30, 20]);
    expect([rd(0.15), rd(0.15, -1)]).toEqual([20, 10]);
    expect([rd(0.1), rd(0.1, -1)]).toEqual([10, 0]);
  });

  it('takes the higher R&D option by default and the chosen one when the enterprise picks', () => {
    const raw = y2025({ salesFen: wan(1000), costExpenseFen: wan(200), rdExpense: { personnelFen: wan(40) } }); // 4% → 30; 20% → 30
    const sales = y2025({ salesFen: wan(1000), costExpenseFen: wan(100), rdExpense: { personnelFen: wan(30) } }); // 3% → 20; 30% → 50
    expect(points(raw, 'techSme.score.rd')).toBe(30);
    expect(points(sales, 'techSme.score.rd')).toBe(50);
    expect(points({ ...sales, rdOption: 'sales' }, 'techSme.score.rd')).toBe(20);
    expect(points({ ...sales, rdOption: 'cost' }, 'techSme.score.rd')).toBe(50);
    expect(
      points(y2025({ costExpenseFen: undefined, salesFen: wan(1000), rdExpense: { personnelFen: wan(30) } }), 'techSme.score.rd'),
    ).toEqual([20, 50]);
  });

  it('scores 科技成果 bands: Ⅰ类 30; Ⅱ类 ≥4 24, 3 18, 2 12, 1 6; none 0', () => {
    const valid = { grantDate: '2022-01-01', expiryDate: '2040-01-01', domestic: true, owned: true, relatedToMainProduct: true } as const;
    const ip = (i: number, ii: number, extra = {}) =>
      points(
        goodInput({
          ipItems: [
            ...Array.from({ length: i }, () => ({ ...valid, ...extra, kind: 'invention_patent' as const })),
            ...Array.from({ length: ii }, () => ({ ...valid, ...extra, kind: 'utility_model' as const })),
          ],
        }),
        'techSme.score.ip',
      );
    expect([ip(1, 0), ip(0, 5), ip(0, 4), ip(0, 3), ip(0, 2), ip(0, 1), ip(0, 0)]).toEqual([30, 24, 24, 18, 12, 6, 0]);
    expect(ip(0, 4, { disputed: true })).toBe(0);
    expect(ip(0, 4, { relatedToMainProduct: false })).toBe(0);
    expect(ip(0, 4, { relatedToMainProduct: undefined })).toEqual([0, 24]);
    // prior HNTE use does not matter for 科技型中小企业
    expect(ip(0, 1, { usedInPriorHnte: true })).toBe(6);
  });
});

describe('科技型中小企业 B5 ≥ 60分 and 科技人员指标不为0', () => {
  /** staff 30% (20) + R&D by sales at `rdRatio` + IP points via Ⅱ类 count. */
  const scored = (rdRatio: number, classII: number, techStaff = '30') =>
    goodInput({
      years: [
        goodYear(2025, {
          techStaffAvg: techStaff,
          employeesAvg: '100',
          salesFen: wan(1000),
          costExpenseFen: wan(100000),
          rdExpense: { personnelFen: wan(1000 * rdRatio) },
        }),
      ],
      ipItems: Array.from({ length: classII }, () => ({
        kind: 'utility_model' as const,
        grantDate: '2022-01-01',
        expiryDate: '2030-01-01',
        domestic: true,
        owned: true,
        relatedToMainProduct: true,
      })),
    });

  it('is met at exactly 60 and unmet at 56, with a hint towards the next band', () => {
    expect(conditionOf(assess(scored(0.05, 0)), 'techSme.b5').status).toBe('met'); // 20 + 40 + 0
    const c = conditionOf(assess(scored(0.04, 1)), 'techSme.b5'); // 20 + 30 + 6 = 56
    expect(c.status).toBe('unmet');
    expect(c.hint).toBe(
      '评价得分56分 < 60分: 还差4分；研发费用占销售收入4% → 5%可得40分: 需增加研发投入约10万元；' +
        '再取得1项Ⅱ类知识产权可得12分，或取得1项Ⅰ类知识产权可得30分',
    );
  });

  it('is unmet when 科技人员 scores 0 even with 80 points, unless a direct route applies', () => {
    // staff 9.99% → 0; R&D 6% → 50; one Ⅰ类 item → 30
    const raw = scored(0.06, 1, '9.99');
    const strong = { ...raw, ipItems: (raw.ipItems ?? []).map((item) => ({ ...item, kind: 'invention_patent' as const })) };
    const result = assess(strong);
    expect(result.score?.min).toBe(80);
    expect(conditionOf(result, 'techSme.b5').status).toBe('unmet');
    expect(conditionOf(result, 'techSme.b5').hint).toBe('科技人员指标得分为0（科技人员占比9.99% → 10%可得4分: 需增加科技人员约1人）');
    expect(result.outcome).toBe('unknown'); // the direct routes are not declared
    const routed = assess({ ...strong, hnteCertificate: { issueDate: '2024-01-01' } });
    expect(routed.outcome).toBe('likely');
    const none = assess({ ...strong, hnteCertificate: null, nationalAwards: [], provincialRdInstitution: false, standardsLed: [] });
    expect(none.outcome).toBe('unlikely');
  });
});

describe('科技型中小企业 direct confirmation (第八条)', () => {
  const weak = (extra: Partial<TAssessmentInputRaw>) =>
    goodInput({
      years: [goodYear(2025, { techStaffAvg: '5' })],
      ipItems: [],
      hnteCertificate: null,
      nationalAwards: [],
      provincialRdInstitution: false,
      standardsLed: [],
      ...extra,
    });
  const route = (extra: Partial<TAssessmentInputRaw>, id: string, date = at) =>
    conditionOf(assess(weak(extra), techSme2022, date), id).status;

  it('accepts an HNTE certificate within three years of issue, through the anniversary day', () => {
    expect(route({ hnteCertificate: { issueDate: '2023-06-01' } }, 'techSme.direct.hnte')).toBe('met');
    expect(route({ hnteCertificate: { issueDate: '2023-05-31' } }, 'techSme.direct.hnte')).toBe('unmet');
    expect(route({ hnteCertificate: { issueDate: '2026-06-02' } }, 'techSme.direct.hnte')).toBe('unmet');
    expect(route({}, 'techSme.direct.hnte')).toBe('unmet');
    expect(route({ hnteCertificate: undefined }, 'techSme.direct.hnte')).toBe('unknown');
  });

  it('accepts a national award of the last five years ranked in the first three', () => {
    expect(route({ nationalAwards: [{ date: '2021-06-01', rank: 3 }] }, 'techSme.direct.award')).toBe('met');
    expect(route({ nationalAwards: [{ date: '2021-05-31', rank: 1 }] }, 'techSme.direct.award')).toBe('unmet');
    expect(route({ nationalAwards: [{ date: '2024-01-01', rank: 4 }] }, 'techSme.direct.award')).toBe('unmet');
  });

  it('accepts a provincial R&D institution and a led international/national/industry standard of the last five years', () => {
    expect(route({ provincialRdInstitution: true }, 'techSme.direct.rdInstitution')).toBe('met');
    expect(route({ standardsLed: [{ date: '2022-01-01', level: 'industry' }] }, 'techSme.direct.standard')).toBe('met');
    expect(route({ standardsLed: [{ date: '2022-01-01', level: 'local' }] }, 'techSme.direct.standard')).toBe('unmet');
    expect(route({ standardsLed: [{ date: '2021-05-31', level: 'national' }] }, 'techSme.direct.standard')).toBe('unmet');
  });

  it('replaces only B5: B1–B4 must still hold', () => {
    expect(assess(weak({ provincialRdInstitution: true })).outcome).toBe('likely');
    expect(assess(weak({ provincialRdInstitution: true, industryRestricted: true })).outcome).toBe('unlikely');
    expect(assess(weak({ provincialRdInstitution: true, residentEnterprise: undefined })).outcome).toBe('unknown');
    expect(assess(weak({})).outcome).toBe('unlikely');
  });
});

describe('科技型中小企业 next-band hints', () => {
  it('prices the next R&D band under each option', () => {
    const raw = y2025({ salesFen: wan(1000), costExpenseFen: wan(500), rdExpense: { personnelFen: wan(35) } });
    const rd = scoreItemOf(assess(raw), 'techSme.score.rd');
    // sales 3.5% → 4%: +5万; cost 7% → F; default takes the higher (sales, 20 points)
    expect(rd.hint).toBe('研发费用占销售收入3.5% → 4%可得30分: 需增加研发投入约5万元');
    // cost 7% → 10%: (35 + x) / (500 + x) ≥ 10% ⇔ x ≥ 16.67万 → 16.67万元 rounded up
    expect(scoreItemOf(assess({ ...raw, rdOption: 'cost' }), 'techSme.score.rd').hint).toBe(
      '研发费用占成本费用支出7% → 10%可得10分: 需增加研发投入约16.67万元',
    );
  });

  it('gives no next-band hint at the top band', () => {
    expect(scoreItemOf(assess(y2025({ techStaffAvg: '30', employeesAvg: '100' })), 'techSme.score.staff').hint).toBeUndefined();
  });
});
