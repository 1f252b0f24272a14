import { describe, expect, it } from 'vitest';
import type { TAssessmentInputRaw } from '../../../contracts/src/enterprise.ts';
import { assessHnte } from './assess-hnte.ts';
import { D } from './decimal.ts';
import { conditionOf, goodInput, goodYear, parseInput, wan } from './enterprise.factory.ts';
import { countRdExpense } from './fiscal.ts';
import { rdTierFor } from './hnte-rd.ts';
import { hnte2016 } from './rule-packs/hnte-2016.ts';

const at = '2026-06-01';
type RawRd = NonNullable<ReturnType<typeof goodYear>['rdExpense']>;

/** Three years 2023–2025 of [sales, R&D] in 分. */
function years(rows: readonly (readonly [number, number | RawRd])[]): TAssessmentInputRaw {
  return goodInput({
    years: rows.map(([sales, rd], i) =>
      goodYear(2023 + i, { salesFen: sales, rdExpense: typeof rd === 'number' ? { personnelFen: rd } : rd }),
    ),
  });
}
const ratioCondition = (raw: TAssessmentInputRaw) => conditionOf(assessHnte(parseInput(raw), hnte2016, at), 'hnte.c5.ratio');
const domesticCondition = (raw: TAssessmentInputRaw) => conditionOf(assessHnte(parseInput(raw), hnte2016, at), 'hnte.c5.domestic');

describe('HNTE C5 tiers by last-year sales (5000万（含）→5%, 5000万–2亿（含）→4%, 2亿以上→3%)', () => {
  const tier = (fen: number) => rdTierFor(new D(fen), hnte2016.rdRatioTiers).ratio;

  it('puts exactly 5000万元 in the 5% tier and one 分 more in the 4% tier', () => {
    expect(tier(wan(5000) - 1)).toBe('0.05');
    expect(tier(wan(5000))).toBe('0.05');
    expect(tier(wan(5000) + 1)).toBe('0.04');
  });

  it('puts exactly 2亿元 in the 4% tier and one 分 more in the 3% tier', () => {
    expect(tier(wan(20000) - 1)).toBe('0.04');
    expect(tier(wan(20000))).toBe('0.04');
    expect(tier(wan(20000) + 1)).toBe('0.03');
  });

  it('chooses the tier by the last year only', () => {
    const c = ratioCondition(
      years([
        [wan(30000), wan(900)],
        [wan(30000), wan(900)],
        [wan(4000), wan(120)],
      ]),
    );
    expect(c.figures.threshold).toBe('0.05');
    expect(c.threshold).toContain('5000万元（含）以下');
  });
});

describe('HNTE C5 ratio on three-year sums', () => {
  it('is met exactly at each tier threshold and unmet one 分 below', () => {
    for (const [sales, t] of [
      [wan(5000), 0.05],
      [wan(6000), 0.04],
      [wan(30000), 0.03],
    ] as const) {
      const rd = Math.round(sales * t);
      expect(
        ratioCondition(
          years([
            [sales, rd],
            [sales, rd],
            [sales, rd],
          ]),
        ).status,
        `${sales}`,
      ).toBe('met');
      expect(
        ratioCondition(
          years([
            [sales, rd],
            [sales, rd],
            [sales, rd - 1],
          ]),
        ).status,
        `${sales}`,
      ).toBe('unmet');
    }
  });

  it('uses Σ R&D / Σ sales, not the average of yearly ratios', () => {
    // yearly ratios 10%, 1%, 4% average 5%; sums 300 / 9000 = 3.33% < 5%
    const c = ratioCondition(
      years([
        [wan(1000), wan(100)],
        [wan(4000), wan(40)],
        [wan(4000), wan(160)],
      ]),
    );
    expect(c.status).toBe('unmet');
    expect(c.figures).toMatchObject({ rdFen: String(wan(300)), salesFen: String(wan(9000)), years: '2023、2024、2025' });
  });

  it('gives the gap hint of the issue: 3.19% < 4% with 6000万 last-year sales needs about 110万', () => {
    const c = ratioCondition(
      years([
        [wan(3600), wan(100)],
        [wan(4000), wan(134)],
        [wan(6000), wan(200)],
      ]),
    );
    expect(c.status).toBe('unmet');
    expect(c.hint).toBe('研发费用占比3.19% < 4%（上年销售收入6000万元）: 需增加研发投入约110万元');
  });

  it('rounds the displayed ratio down and the gap up, so the hint never contradicts the decision', () => {
    const c = ratioCondition(
      years([
        [wan(5000), wan(250)],
        [wan(5000), wan(250)],
        [wan(5000), wan(250) - 1],
      ]),
    );
    expect(c.hint).toBe('研发费用占比4.99% < 5%（上年销售收入5000万元）: 需增加研发投入约0.01万元');
  });

  it('uses only the operated years for a company younger than three years', () => {
    const raw = {
      ...years([
        [wan(100), 0],
        [wan(1000), wan(50)],
        [wan(1000), wan(50)],
      ]),
      registrationDate: '2024-01-01',
    };
    const c = ratioCondition(raw);
    expect(c.status).toBe('met');
    expect(c.figures.years).toBe('2024、2025');
    expect(c.needsReview).toBe(false);
  });

  it('flags a partial first year for review', () => {
    const raw = {
      ...years([
        [wan(100), 0],
        [wan(1000), wan(50)],
        [wan(1000), wan(50)],
      ]),
      registrationDate: '2024-03-15',
    };
    const result = assessHnte(parseInput(raw), hnte2016, at);
    expect(conditionOf(result, 'hnte.c5.ratio').needsReview).toBe(true);
    expect(result.notes[0]).toContain('首个经营年度不完整');
  });

  it('is unknown when a year of the window lacks R&D or sales, naming the year', () => {
    const raw = goodInput({ years: [goodYear(2023), goodYear(2024, { rdExpense: undefined }), goodYear(2025)] });
    const c = ratioCondition(raw);
    expect(c.status).toBe('unknown');
    expect(c.hint).toBe('请补充：2024年研发费用');
  });
});

describe('R&D expense counting (工作指引: 委托外部 80%, 其他费用 ≤ 20%)', () => {
  const count = (rd: Partial<RawRd>) => {
    const full = {
      personnelFen: 0,
      directInputFen: 0,
      depreciationFen: 0,
      amortisationFen: 0,
      designFen: 0,
      trialFen: 0,
      outsourcedDomesticFen: 0,
      outsourcedForeignFen: 0,
      otherFen: 0,
      abroadFen: 0,
      ...rd,
    };
    const c = countRdExpense(full, hnte2016);
    return [c.total.toString(), c.domestic.toString()];
  };

  it('counts outsourced R&D at 80%, domestic and foreign alike', () => {
    expect(count({ personnelFen: 1000, outsourcedDomesticFen: 100, outsourcedForeignFen: 100 })).toEqual(['1160', '1080']);
  });

  it('caps 其他费用 at 20% of the counted total', () => {
    expect(count({ personnelFen: 800, otherFen: 200 })).toEqual(['1000', '1000']);
    expect(count({ personnelFen: 800, otherFen: 300 })).toEqual(['1000', '1000']);
    expect(count({ personnelFen: 800, otherFen: 100 })).toEqual(['900', '900']);
  });

  it('removes in-house R&D incurred abroad from the domestic part', () => {
    expect(count({ personnelFen: 1000, abroadFen: 300 })).toEqual(['1000', '700']);
  });
});

describe('HNTE C5 境内研发费用占比不低于60%', () => {
  const domestic = (foreignOutsourced: number) =>
    domesticCondition(
      years([
        [wan(1000), wan(100)],
        [wan(1000), wan(100)],
        [wan(1000), { personnelFen: wan(600), outsourcedForeignFen: foreignOutsourced }],
      ]),
    );

  it('is met well above 60% and hints the domestic R&D needed below it', () => {
    // 100 + 100 + (600 + 0.8 × 500) = 1200万, of which 400万 foreign → 66.67%
    expect(domestic(wan(500)).status).toBe('met');
    // 100 + 100 + (400 + 0.8 × 1000) = 1400万, domestic 600万 → 42.85%; (600 + x) / (1400 + x) ≥ 60% ⇔ x ≥ 600万
    const c = domesticCondition(
      years([
        [wan(1000), wan(100)],
        [wan(1000), wan(100)],
        [wan(1000), { personnelFen: wan(400), outsourcedForeignFen: wan(1000) }],
      ]),
    );
    expect(c.status).toBe('unmet');
    expect(c.hint).toBe('境内研发费用占比42.85% < 60%: 需增加境内研发投入约600万元');
  });

  it('is met at exactly 60% and unmet just below', () => {
    // domestic 600万, foreign 0.8 × 500万 = 400万 → 600 / 1000 = 60%
    const c = domesticCondition(
      years([
        [wan(1000), 0],
        [wan(1000), 0],
        [wan(1000), { personnelFen: wan(600), outsourcedForeignFen: wan(500) }],
      ]),
    );
    expect(c.status).toBe('met');
    expect(c.figures.ratio).toBe('0.6');
    const below = domesticCondition(
      years([
        [wan(1000), 0],
        [wan(1000), 0],
        [wan(1000), { personnelFen: wan(600), outsourcedForeignFen: wan(500) + 2 }],
      ]),
    );
    expect(below.status).toBe('unmet');
  });
});
