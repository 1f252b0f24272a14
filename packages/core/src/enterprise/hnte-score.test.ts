import { describe, expect, it } from 'vitest';
import type { TAssessmentInputRaw } from '../../../contracts/src/enterprise.ts';
import { assessHnte, checkInnovationScore } from './assess-hnte.ts';
import { conditionOf, goodInput, goodYear, parseInput, scoreItemOf, wan } from './enterprise.factory.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';

const at = '2026-06-01';
const assess = (raw: TAssessmentInputRaw) => assessHnte(parseInput(raw), hnte2016, at);
const range = (raw: TAssessmentInputRaw, id: string) => {
  const i = scoreItemOf(assess(raw), id);
  return [i.min, i.max];
};
const valid = {
  grantDate: '2022-01-01',
  expiryDate: '2040-01-01',
  domestic: true,
  owned: true,
  acquisition: 'own',
  usedInPriorHnte: false,
} as const;
type RawIp = NonNullable<TAssessmentInputRaw['ipItems']>[number];
const items = (classI: number, classII: number, extra: Partial<RawIp> = {}): RawIp[] => [
  ...Array.from({ length: classI }, () => ({ ...valid, ...extra, kind: 'invention_patent' as const })),
  ...Array.from({ length: classII }, () => ({ ...valid, ...extra, kind: 'software_copyright' as const })),
];

describe('innovation score — 知识产权 (30)', () => {
  it('scores IP count bands: Ⅰ类≥1 7–8; Ⅱ类 ≥5 5–6, 3–4 3–4, 1–2 1–2; none 0', () => {
    const count = (i: number, ii: number) => range(goodInput({ ipItems: items(i, ii) }), 'hnte.score.ip.count');
    expect(count(1, 0)).toEqual([7, 8]);
    expect(count(0, 6)).toEqual([5, 6]);
    expect(count(0, 5)).toEqual([5, 6]);
    expect(count(0, 4)).toEqual([3, 4]);
    expect(count(0, 3)).toEqual([3, 4]);
    expect(count(0, 2)).toEqual([1, 2]);
    expect(count(0, 1)).toEqual([1, 2]);
    expect(count(0, 0)).toEqual([0, 0]);
  });

  it('spans the bands an uncertain item could reach', () => {
    const raw = goodInput({ ipItems: [...items(0, 4), { ...valid, kind: 'invention_patent', domestic: undefined }] });
    expect(range(raw, 'hnte.score.ip.count')).toEqual([3, 8]);
    expect(range(goodInput({ ipItems: undefined }), 'hnte.score.ip.count')).toEqual([0, 8]);
  });

  it('does not count Ⅱ类 items used in an earlier application', () => {
    expect(range(goodInput({ ipItems: items(0, 5, { usedInPriorHnte: true }) }), 'hnte.score.ip.count')).toEqual([0, 0]);
  });

  it('scores the acquisition: own R&D 1–6, only transfer/gift/merger 1–3, none 0', () => {
    expect(range(goodInput({ ipItems: items(1, 0) }), 'hnte.score.ip.acquisition')).toEqual([1, 6]);
    expect(range(goodInput({ ipItems: items(1, 0, { acquisition: 'transfer' }) }), 'hnte.score.ip.acquisition')).toEqual([1, 3]);
    expect(range(goodInput({ ipItems: [] }), 'hnte.score.ip.acquisition')).toEqual([0, 0]);
  });

  it('maps self-assessed judgement bands A–E and leaves them open when not given', () => {
    const bands = { A: [7, 8], B: [5, 6], C: [3, 4], D: [1, 2], E: [0, 0] } as const;
    for (const [band, expected] of Object.entries(bands)) {
      expect(range(goodInput({ techAdvancement: band as 'A' }), 'hnte.score.ip.advancement')).toEqual(expected);
      expect(range(goodInput({ coreSupport: band as 'A' }), 'hnte.score.ip.coreSupport')).toEqual(expected);
    }
    expect(range(goodInput({ techAdvancement: undefined }), 'hnte.score.ip.advancement')).toEqual([0, 8]);
  });

  it('adds the standards bonus (1–2) but caps 知识产权 at 30', () => {
    expect(range(goodInput({ standardsParticipated: true }), 'hnte.score.ip.standards')).toEqual([1, 2]);
    expect(range(goodInput({ standardsParticipated: false }), 'hnte.score.ip.standards')).toEqual([0, 0]);
    expect(range(goodInput({ standardsParticipated: undefined }), 'hnte.score.ip.standards')).toEqual([0, 2]);
    // 7+7+7+1+1 = 23 … 8+8+8+6+2 = 32 → capped at 30; conversions 25–30, management 19, growth A 9–10 + B 7–8
    const score = assess(goodInput()).score;
    expect([score?.min, score?.max]).toEqual([23 + 25 + 19 + 9 + 7, 30 + 30 + 19 + 10 + 8]);
  });
});

describe('innovation score — 科技成果转化能力 (30, 近3年年平均数)', () => {
  const conv = (counts: readonly (number | undefined)[], registrationDate = '2018-01-01') =>
    range(goodInput({ registrationDate, years: counts.map((c, i) => goodYear(2023 + i, { conversions: c })) }), 'hnte.score.conversion');

  it('scores each band at its bound and just below', () => {
    expect(conv([5, 5, 5])).toEqual([25, 30]);
    expect(conv([5, 5, 4])).toEqual([19, 24]); // 4.67
    expect(conv([4, 4, 4])).toEqual([19, 24]);
    expect(conv([3, 3, 3])).toEqual([13, 18]);
    expect(conv([3, 3, 2])).toEqual([7, 12]);
    expect(conv([2, 2, 2])).toEqual([7, 12]);
    expect(conv([1, 1, 1])).toEqual([1, 6]);
    expect(conv([1, 1, 0])).toEqual([0, 0]); // 0.67 < 1
    expect(conv([0, 0, 0])).toEqual([0, 0]);
  });

  it('averages over the operated years for a younger company (UNVERIFIED divisor)', () => {
    expect(conv([0, 5, 5], '2024-01-01')).toEqual([25, 30]);
  });

  it('leaves the range open upwards when a year is not reported', () => {
    expect(conv([3, 3, undefined])).toEqual([7, 30]);
  });
});

describe('innovation score — 研究开发组织管理水平 (20)', () => {
  it('estimates measures in place at 1..max, absent at 0, self-assessed scores as given (capped)', () => {
    const m = (rdManagement: TAssessmentInputRaw['rdManagement']) => range(goodInput({ rdManagement }), 'hnte.score.management');
    expect(m({ system: true, institute: true, conversionIncentives: true, talent: true })).toEqual([4, 20]);
    expect(m({ system: false, institute: false, conversionIncentives: false, talent: false })).toEqual([0, 0]);
    expect(m(undefined)).toEqual([0, 20]);
    expect(m({ system: 6, institute: 6, conversionIncentives: 6, talent: 6 })).toEqual([20, 20]);
  });
});

describe('innovation score — 企业成长性 (净资产 / 销售收入增长率, each ≤ 10)', () => {
  /** Three year-end values in 万元 for both net assets and sales. */
  const growth = (values: readonly number[], registrationDate = '2018-01-01') => {
    const raw = goodInput({
      registrationDate,
      years: values.map((v, i) => goodYear(2026 - values.length + i, { netAssetsFen: wan(v), salesFen: wan(Math.max(v, 0)) })),
    });
    return [range(raw, 'hnte.score.netAssetGrowth'), range(raw, 'hnte.score.salesGrowth')];
  };

  it('puts each band boundary in the higher band (≥) and 0 in F (≤ 0)', () => {
    // 1/2 × (Y2/Y1 + Y3/Y2) − 1 with Y2/Y1 = Y3/Y2 = 1 + g
    expect(growth([10000, 13500, 18225])[0]).toEqual([9, 10]); // 35%
    expect(growth([10000, 12500, 15625])[0]).toEqual([7, 8]); // 25%
    expect(growth([10000, 11500, 13225])[0]).toEqual([5, 6]); // 15%
    expect(growth([10000, 10500, 11025])[0]).toEqual([3, 4]); // 5%
    expect(growth([10000, 10001, 10002])[0]).toEqual([1, 2]); // just above 0
    expect(growth([10000, 10000, 10000])[0]).toEqual([0, 0]); // 0
    expect(growth([10000, 9000, 8000])[0]).toEqual([0, 0]); // negative → 0
  });

  it('puts values just below a boundary in the lower band', () => {
    expect(growth([10000, 13500, 18224])[0]).toEqual([7, 8]);
    expect(growth([10000, 12500, 15624])[0]).toEqual([5, 6]);
    expect(growth([10000, 11500, 13224])[0]).toEqual([3, 4]);
    expect(growth([10000, 10500, 11024])[0]).toEqual([1, 2]);
  });

  it('uses the later two years when the first is 0 and scores 0 when the second is 0', () => {
    expect(growth([0, 10000, 13500])[0]).toEqual([9, 10]);
    expect(growth([10000, 0, 20000])[0]).toEqual([0, 0]);
  });

  it('treats negative net assets as 0 (UNVERIFIED)', () => {
    expect(growth([-500, 10000, 13500])[0]).toEqual([9, 10]);
  });

  it('uses Y2/Y1 − 1 for two operated years and 0 for one (UNVERIFIED)', () => {
    expect(growth([10000, 12500], '2024-01-01')[0]).toEqual([7, 8]);
    expect(growth([10000], '2025-01-01')[0]).toEqual([0, 0]);
  });

  it('leaves the range open when a year is missing', () => {
    const raw = goodInput({ years: [goodYear(2024), goodYear(2025)] });
    expect(range(raw, 'hnte.score.netAssetGrowth')).toEqual([0, 10]);
  });
});

describe('HNTE C7 创新能力评价 70分以上（不含70分）', () => {
  const c7 = (min: number, max: number, pack = hnte2016) => checkInnovationScore({ min, max, items: [] }, pack);

  it('is unmet at exactly 70 and met at 71 when the range is a single point', () => {
    expect(c7(70, 70).status).toBe('unmet');
    expect(c7(71, 71).status).toBe('met');
    expect(c7(70, 70).threshold).toBe('> 70分');
  });

  it('is met only when the lowest possible score exceeds 70, unmet when the highest does not', () => {
    expect(c7(71, 90).status).toBe('met');
    expect(c7(70, 71).status).toBe('unknown');
    expect(c7(40, 70).status).toBe('unmet');
    expect(c7(40, 70).hint).toBe('创新能力评价预估40–70分 < 71分: 最高还差1分，可从知识产权、成果转化、研发管理入手');
  });

  it('follows a pack whose pass mark is inclusive', () => {
    expect(c7(70, 70, { ...hnte2016, passInclusive: true }).status).toBe('met');
  });

  it('is met for the strong enterprise and unknown while management is not reported', () => {
    expect(conditionOf(assess(goodInput()), 'hnte.c7').status).toBe('met');
    const c = conditionOf(assess(goodInput({ rdManagement: undefined })), 'hnte.c7');
    expect(c.status).toBe('unknown');
    expect(c.hint).toContain('研究开发组织管理水平');
  });
});
