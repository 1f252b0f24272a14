import {
  codeLabel,
  codeMatchesPrefix,
  codesMatchAnyPrefix,
  codeTree,
  disciplineCodes,
  disciplineName,
  industryCodes,
  industryName,
  isDisciplineCode,
  isIndustryCode,
  normalizeDisciplineCode,
  ZDisciplineCode,
  ZListedIndustryCode,
} from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';

describe('GB/T 13745 学科 and GB/T 4754 行业 code lists', () => {
  it('names first- and second-level codes, and a deeper code by its listed parent', () => {
    expect(disciplineName('520')).toBe('计算机科学技术');
    expect(disciplineName('520.20')).toBe('人工智能');
    expect(disciplineName('520.2010')).toBe('人工智能');
    expect(disciplineName('999')).toBeUndefined();
    expect(industryName('C')).toBe('制造业');
    expect(industryName('C39')).toBe('计算机、通信和其他电子设备制造业');
    expect(industryName('I6513')).toBe('软件和信息技术服务业');
    expect(codeLabel('discipline', '490.65')).toBe('490.65 核安全');
    expect(codeLabel('industry', 'X1')).toBe('X1');
  });

  it('holds 62 first-level 学科 and the 20 门类 with their 97 大类, codes unique', () => {
    expect(disciplineCodes.filter((c) => c.level === 1)).toHaveLength(62);
    expect(industryCodes.filter((c) => c.level === 1).map((c) => c.code)).toEqual([...'ABCDEFGHIJKLMNOPQRST']);
    expect(industryCodes.filter((c) => c.level === 2)).toHaveLength(97);
    for (const list of [disciplineCodes, industryCodes]) expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    expect(disciplineCodes.every((c) => c.level === 1 || c.code.startsWith(`${c.parent}.`))).toBe(true);
  });

  it('normalises the standard five-digit form and checks codes', () => {
    expect(normalizeDisciplineCode('52020')).toBe('520.20');
    expect(normalizeDisciplineCode(' 520 ')).toBe('520');
    expect(ZDisciplineCode.parse('46050')).toBe('460.50');
    expect(ZListedIndustryCode.parse('c39')).toBe('C39');
    expect(ZDisciplineCode.safeParse('520.98').success).toBe(false);
    expect(ZListedIndustryCode.safeParse('C99').success).toBe(false);
    expect(isDisciplineCode('790')).toBe(true);
    expect(isIndustryCode('U')).toBe(false);
  });

  it('matches by prefix: 520 matches 520.10, C matches C39, no prefixes match everything', () => {
    expect(codeMatchesPrefix('520.10', '520')).toBe(true);
    expect(codeMatchesPrefix('510.10', '520')).toBe(false);
    expect(codesMatchAnyPrefix(['110.61', '520.10'], ['520', '490'])).toBe(true);
    expect(codesMatchAnyPrefix(['110.61'], ['520', '490'])).toBe(false);
    expect(codesMatchAnyPrefix([], [])).toBe(true);
  });

  it('gives a two-level tree for pickers', () => {
    const tree = codeTree('industry');
    expect(tree).toHaveLength(20);
    expect(tree[2]?.children?.[26]).toEqual({ value: 'C39', title: 'C39 计算机、通信和其他电子设备制造业' });
  });
});
