import { describe, expect, it } from 'vitest';
import { findNumbers, parseChineseInteger, parseNumber } from './numbers.ts';
import { normalize } from './units.ts';

describe('number parsing', () => {
  it.each([
    ['三十', 30],
    ['两', 2],
    ['十', 10],
    ['十四', 14],
    ['一百二十', 120],
    ['两百', 200],
    ['三百五十', 350],
    ['一千零五', 1005],
    ['二〇二一', 2021],
    ['三万', 30_000],
  ])('reads the Chinese numeral %s as %d', (s, v) => {
    expect(parseChineseInteger(s)).toBe(v);
  });

  it('reads 百分之二十, decimals and full-width digits', () => {
    expect(parseNumber('百分之二十')).toBe(20);
    expect(parseNumber('百分之2.5')).toBe(2.5);
    expect(parseNumber('三点五')).toBe(3.5);
    expect(parseNumber('２.２')).toBe(2.2);
    expect(parseNumber('1,200')).toBe(1200);
  });

  it('reads ranges as one token with a lower and upper bound', () => {
    const [a, b, c] = findNumbers('新增8-10家，培育5～8个，引进三至五名');
    expect([a?.value, a?.valueMax]).toEqual([8, 10]);
    expect([b?.value, b?.valueMax]).toEqual([5, 8]);
    expect([c?.value, c?.valueMax]).toEqual([3, 5]);
  });

  it('does not read a year span as a range', () => {
    const [t] = findNumbers('2021-2020');
    expect([t?.value, t?.valueMax]).toEqual([2021, null]);
  });

  // Kind: thousands separator. A space, thin space or no-break space between digit groups is typesetting.
  it('reads digit groups separated by a space, thin space or comma as one number', () => {
    expect(findNumbers('达到6 418家').map((t) => t.value)).toEqual([6418]);
    expect(findNumbers('投入3\u2009500万元，引进1\u202f200名，建成2,050个').map((t) => t.value)).toEqual([3500, 1200, 2050]);
    expect(findNumbers('资金21 345 600元').map((t) => t.value)).toEqual([21345600]);
  });

  it('keeps numbers apart when the group after the space is not three digits', () => {
    expect(findNumbers('第7 81项').map((t) => t.value)).toEqual([7, 81]);
    expect(findNumbers('1 2345家').map((t) => t.value)).toEqual([1, 2345]);
    expect(findNumbers('2026年 300家').map((t) => t.value)).toEqual([2026, 300]);
  });

  it('marks 百分之 so the unit is %', () => {
    expect(findNumbers('增长百分之二十')[0]).toMatchObject({ value: 20, percentWord: true });
  });
});

describe('unit normalisation', () => {
  it('puts money in 万元 and scales 万 counts', () => {
    expect(normalize(35, '亿元', '技术合同成交额')).toEqual({ value: 350000, unit: '万元' });
    expect(normalize(90, '亿', '研发投入总量')).toEqual({ value: 900000, unit: '万元' });
    expect(normalize(8000, '万', '技术合同成交额')).toEqual({ value: 8000, unit: '万元' });
    expect(normalize(2.2, '%', '研发投入强度')).toEqual({ value: 2.2, unit: '%' });
    expect(normalize(180, '家', '高新技术企业')).toEqual({ value: 180, unit: '家' });
    expect(normalize(1.5, '万人', '科技人才')).toEqual({ value: 15000, unit: '人' });
    expect(normalize(500, '元', '奖补')).toEqual({ value: 0.05, unit: '万元' });
  });

  // Kind: compound magnitude. 万亿 is 10¹², not 万; 千亿 and 百亿 scale 亿 as written.
  it('reads compound magnitudes before 元 as one unit', () => {
    expect(normalize(3.5, '万亿元', '营业收入')).toEqual({ value: 350_000_000, unit: '万元' });
    expect(normalize(1.5, '千亿元', '产值')).toEqual({ value: 15_000_000, unit: '万元' });
    expect(normalize(4, '百万元', '奖补资金')).toEqual({ value: 400, unit: '万元' });
    expect(normalize(2, '万亿', '产业规模总额')).toEqual({ value: 200_000_000, unit: '万元' });
  });
});
