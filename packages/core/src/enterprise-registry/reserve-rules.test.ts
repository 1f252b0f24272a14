import { defaultReserveRules, type TEnterprise, type TReserveRules, ZAssessmentInput } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { goodInput, goodYear, wan } from '../enterprise/enterprise.factory.ts';
import { assessEnterprise } from '../enterprise/index.ts';
import { assessmentRecords, type EnterpriseRecords } from './enterprise-records.repository.ts';
import { applyReserveRules } from './reserve-rules.ts';

const at = '2026-06-01';
const enterprise = { id: 1, name: '测试', registeredOn: '2018-03-15' } as TEnterprise;
const rules = (over: Partial<TReserveRules>): TReserveRules => ({ ...defaultReserveRules, maxUnmet: null, ...over });

/** HNTE assessment with R&D of `rdFen` a year on sales of 6000万元 a year (threshold 4%). */
function hnteWithRd(rdFen: number) {
  const y = (year: number) => goodYear(year, { salesFen: wan(6000), rdExpense: { personnelFen: rdFen } });
  const result = assessEnterprise(ZAssessmentInput.parse(goodInput({ years: [y(2023), y(2024), y(2025)] })), { at });
  const hnte = result.assessments.find((a) => a.program === 'hnte');
  if (!hnte) throw new Error('no hnte pack');
  return hnte;
}

describe('reserve pool rules', () => {
  it('admits an R&D ratio exactly the allowed points below the threshold, not a 分 less', () => {
    // 4% of 18000万元 = 720万元 over three years; 1 point below = 3% = 540万元 = 180万元 a year
    const at3 = hnteWithRd(wan(180));
    expect(at3.conditions.find((c) => c.id === 'hnte.c5.ratio')?.status).toBe('unmet');
    expect(applyReserveRules(rules({ rdWithinPoints: '1' }), enterprise, at3, at)).toEqual([
      expect.objectContaining({ rule: 'rdWithinPoints', passed: true }),
    ]);
    const below = hnteWithRd(wan(180) - 1);
    expect(applyReserveRules(rules({ rdWithinPoints: '1' }), enterprise, below, at)[0]?.passed).toBe(false);
    expect(applyReserveRules(rules({ rdWithinPoints: '0.5' }), enterprise, at3, at)[0]?.passed).toBe(false);
  });

  it('counts years since registration inclusively of the anniversary', () => {
    const hnte = hnteWithRd(wan(300));
    expect(applyReserveRules(rules({ minYearsRegistered: 8 }), { ...enterprise, registeredOn: '2018-06-01' }, hnte, at)[0]?.passed).toBe(
      true,
    );
    expect(applyReserveRules(rules({ minYearsRegistered: 8 }), { ...enterprise, registeredOn: '2018-06-02' }, hnte, at)[0]?.passed).toBe(
      false,
    );
    expect(applyReserveRules(rules({ minYearsRegistered: 1 }), { ...enterprise, registeredOn: null }, hnte, at)[0]).toMatchObject({
      passed: false,
      detail: '成立日期未知',
    });
  });

  it('applies maxUnmet, maxOpen, requiredMet and minScore, and leaves unset rules out', () => {
    const hnte = hnteWithRd(wan(180)); // R&D ratio unmet
    expect(applyReserveRules(rules({}), enterprise, hnte, at)).toEqual([]);
    const open = hnte.conditions.filter((c) => c.status !== 'met').length;
    expect(applyReserveRules(rules({ maxOpen: open - 1 }), enterprise, hnte, at)[0]?.passed).toBe(false);
    const verdicts = applyReserveRules(
      rules({ maxUnmet: 0, maxOpen: open, requiredMet: ['hnte.c4', 'hnte.c5.ratio'], minScore: 100 }),
      enterprise,
      hnte,
      at,
    );
    expect(verdicts.map((v) => [v.rule, v.passed])).toEqual([
      ['maxUnmet', false],
      ['maxOpen', true],
      ['requiredMet', false],
      ['minScore', (hnte.score?.max ?? 0) >= 100],
    ]);
    expect(verdicts[2]?.detail).toBe('必备条件未满足：近三年研究开发费用占销售收入比例');
  });
});

describe('stored records as assessment input', () => {
  const empty: EnterpriseRecords = { ipItems: [], incidents: [], disclosure: { ipComplete: false, incidentsComplete: false } };
  const incident = (severity: 'general' | 'larger' | 'major' | 'especially_major') => ({
    id: 1,
    date: '2026-01-01',
    kind: 'safety' as const,
    severity,
    note: null,
    createdAt: '',
  });

  it('leaves undeclared lists unknown and passes declared ones, only major incidents', () => {
    expect(assessmentRecords(empty)).toEqual({});
    expect(assessmentRecords({ ...empty, disclosure: { ipComplete: true, incidentsComplete: true } })).toEqual({
      ipItems: [],
      incidents: [],
    });
    const declared = { ipComplete: false, incidentsComplete: true };
    for (const s of ['general', 'larger'] as const) {
      expect(assessmentRecords({ ...empty, incidents: [incident(s)], disclosure: declared }).incidents).toEqual([]);
    }
    for (const s of ['major', 'especially_major'] as const) {
      expect(assessmentRecords({ ...empty, incidents: [incident(s)], disclosure: declared }).incidents).toEqual([
        { date: '2026-01-01', kind: 'safety' },
      ]);
    }
    // recorded but not declared complete: still unknown
    expect(assessmentRecords({ ...empty, incidents: [incident('major')] }).incidents).toBeUndefined();
  });
});
