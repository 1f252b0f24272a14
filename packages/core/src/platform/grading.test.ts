import { platformTypeCatalogue, type TPlatformType } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { gradePlatforms, platformScheme } from './grading.ts';
import { ruleValue } from './indicators.ts';
import { assertTypeFields, checkConditions } from './types.ts';

const typeOf = (code: string): TPlatformType => ({ ...platformTypeCatalogue.find((t) => t.code === code)!, version: 1 });
const eng = typeOf('eng_center');
const incubator = typeOf('incubator');

describe('type-specific 认定 conditions', () => {
  it('checks an incubator on 孵化面积, 在孵企业 and 导师, a lab-type field means nothing to it', () => {
    const ok = checkConditions(incubator, { incubation_area: 10_000, incubated_count: 30, mentors: 5 });
    expect(ok.every((c) => c.met)).toBe(true);
    const short = checkConditions(incubator, { incubation_area: 9_999, incubated_count: 30 });
    expect(short.filter((c) => !c.met).map((c) => c.text)).toEqual([
      '孵化场地面积不少于10000平方米',
      '专职孵化服务人员和创业导师不少于5人',
    ]);
    expect(short.find((c) => c.field === 'mentors')?.value).toBeNull();
    expect(() => assertTypeFields(incubator, { rd_staff: 20 })).toThrow(expect.objectContaining({ code: 'platform/field_unknown' }));
  });

  it('holds a 工程技术研究中心 to its own thresholds, met exactly at the boundary', () => {
    const at = { rd_staff: 10, rd_area: 300, equipment_wan: 200, rd_spend_wan: 300 };
    expect(checkConditions(eng, at).every((c) => c.met)).toBe(true);
    const below = checkConditions(eng, { ...at, rd_spend_wan: 299.99 });
    expect(below.filter((c) => !c.met).map((c) => c.field)).toEqual(['rd_spend_wan']);
    // the same figures do not make a 重点实验室 (15 staff, 500 m², 300万元 equipment)
    expect(checkConditions(typeOf('key_lab'), at).filter((c) => !c.met)).toHaveLength(3);
  });
});

describe('绩效评价 grading', () => {
  const full = { rd_spend_wan: 500, rd_staff: 15, invention_patents: 10, transferred: 5 };
  it('builds a valid engine scheme from the type: standard normalisation, weights, fixed grade tiers', () => {
    const s = platformScheme(eng);
    expect(s.groups[0]?.children.map((c) => (c.kind === 'indicator' ? c.code : ''))).toEqual([
      'rd_spend_wan',
      'rd_staff',
      'invention_patents',
      'transferred',
    ]);
    expect(s.tiers.map((t) => `${t.name}${t.minScore}`)).toEqual(['优秀90', '良好75', '合格60', '不合格0']);
  });

  it('grades by score bands at their boundaries and caps each indicator at 100', () => {
    const rows = [
      { platformId: 1, name: 'A', data: { ...full, rd_spend_wan: 5000 } }, // capped: 100
      { platformId: 2, name: 'B', data: { ...full, transferred: 2.5 } }, // 100 − 20×0.5 = 90 → 优秀
      { platformId: 3, name: 'C', data: { ...full, invention_patents: 0 } }, // 75 → 良好
      { platformId: 4, name: 'D', data: { rd_spend_wan: 500, rd_staff: 15, invention_patents: 0, transferred: 0 } }, // 55 → 不合格
      { platformId: 5, name: 'E', data: { rd_spend_wan: 500, rd_staff: 15, invention_patents: 2, transferred: 0 } }, // 60 → 合格
    ];
    const out = gradePlatforms(eng, rows, new Set());
    expect(out.map((o) => [o.platformId, o.score, o.grade])).toEqual([
      [1, 100, '优秀'],
      [2, 90, '优秀'],
      [3, 75, '良好'],
      [4, 55, '不合格'],
      [5, 60, '合格'],
    ]);
  });

  it('fails a platform that did not report, and delists only on the second 不合格 in a row', () => {
    const rows = [
      { platformId: 7, name: '未报送', data: null },
      { platformId: 8, name: '去年不合格今年不合格', data: { rd_spend_wan: 10 } },
      { platformId: 9, name: '去年不合格今年合格', data: full },
    ];
    const out = gradePlatforms(eng, rows, new Set([8, 9]));
    expect(out.find((o) => o.platformId === 7)).toMatchObject({ grade: '不合格', reported: false, score: 0, consequence: null });
    expect(out.find((o) => o.platformId === 8)).toMatchObject({ grade: '不合格', consequence: 'delist' });
    expect(out.find((o) => o.platformId === 9)).toMatchObject({ grade: '优秀', consequence: null });
  });
});

describe('indicator rules as data', () => {
  const f = {
    stock: new Map([
      ['eng_center|city', 4],
      ['key_lab|provincial', 2],
      ['incubator|city', 1],
    ]),
    // an upgrade city → provincial, a new city centre, a delisted city lab
    entered: new Map([
      ['eng_center|provincial|city', 1],
      ['eng_center|city|', 3],
    ]),
    left: new Map([
      ['eng_center|city|provincial', 1],
      ['key_lab|city|', 1],
    ]),
  };
  it('counts stock by types and levels', () => {
    expect(ruleValue({ indicator_code: 'x', measure: 'stock', type_codes: null, levels: ['city'] }, f)).toBe(5);
    expect(ruleValue({ indicator_code: 'x', measure: 'stock', type_codes: ['eng_center'], levels: ['city'] }, f)).toBe(4);
  });
  it('nets entries and exits, a move within the levels counting neither', () => {
    expect(ruleValue({ indicator_code: 'x', measure: 'net', type_codes: null, levels: ['national', 'provincial', 'city'] }, f)).toBe(2);
    expect(ruleValue({ indicator_code: 'x', measure: 'net', type_codes: null, levels: ['city'] }, f)).toBe(1);
  });
});
