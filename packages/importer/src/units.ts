/** Measure words and units a quantitative target may carry, longest first so 亿元 wins over 亿. */
const unitList = [
  '个百分点',
  '万亿美元',
  '万亿元',
  '千亿元',
  '百亿元',
  '百万元',
  '万亿',
  '万平方米',
  '平方米',
  '千万元',
  '亿美元',
  '万美元',
  '亿元',
  '万元',
  '万人次',
  '万人',
  '万家',
  '万件',
  '万亩',
  '万吨',
  '人次',
  '场次',
  '家次',
  '批次',
  '%',
  '％',
  '亿',
  '万',
  '元',
  '家',
  '个',
  '项',
  '名',
  '人',
  '场',
  '次',
  '件',
  '所',
  '处',
  '座',
  '台',
  '套',
  '篇',
  '部',
  '位',
  '亩',
  '吨',
  '户',
  '款',
  '种',
  '条',
  '支',
  '期',
  '倍',
];

/** The unit right after position `at`, or null. Skips one optional space (10 家). */
export function matchUnit(text: string, at: number): { unit: string; end: number } | null {
  const i = text[at] === ' ' ? at + 1 : at;
  for (const u of unitList) {
    if (text.startsWith(u, i)) return { unit: u === '％' ? '%' : u, end: i + u.length };
  }
  return null;
}

export const moneyUnits = new Set([
  '万亿元',
  '千亿元',
  '百亿元',
  '亿元',
  '千万元',
  '百万元',
  '万元',
  '元',
  '万亿',
  '亿',
  '万',
  '万亿美元',
  '亿美元',
  '万美元',
]);

/**
 * The magnitude grammar: a magnitude (万亿, 千亿, 百亿, 千万, 百万) before 元 multiplies like the written words do
 * (1.2万亿元 is 1.2 × 10¹² 元); the factor is to 万元, the platform's base unit for money.
 */
const moneyFactors: Record<string, number> = { 万亿元: 1e8, 千亿元: 1e7, 百亿元: 1e6, 亿元: 1e4, 千万元: 1e3, 百万元: 100 };

/**
 * Normalises a value to the platform's base units: money in 万元, ratios in %, counts in their measure word
 * (万人 → 人 × 10000). A bare 亿/万 is money when the indicator names money, otherwise a count.
 */
export function normalize(value: number, unit: string, indicator: string): { value: number; unit: string } {
  const round = (v: number) => Number(v.toPrecision(12));
  const money = /经费|资金|投入|支出|成交额|交易额|增加值|产值|收入|总额|贷款|基金|争资|奖补|额/.test(indicator);
  switch (unit) {
    case '万亿元':
    case '千亿元':
    case '百亿元':
    case '亿元':
    case '千万元':
    case '百万元':
      return { value: round(value * (moneyFactors[unit] ?? 1)), unit: '万元' };
    case '万亿美元':
      return { value: round(value * 100_000_000), unit: '万美元' };
    case '万亿':
      return money ? { value: round(value * 100_000_000), unit: '万元' } : { value: round(value * 1e12), unit: '个' };
    case '万元':
      return { value, unit: '万元' };
    case '元':
      return { value: round(value / 10_000), unit: '万元' };
    case '亿美元':
      return { value: round(value * 10_000), unit: '万美元' };
    case '亿':
      return money ? { value: round(value * 10_000), unit: '万元' } : { value: round(value * 100_000_000), unit: '个' };
    case '万':
      return money ? { value, unit: '万元' } : { value: round(value * 10_000), unit: '个' };
    case '%':
      return { value, unit: '%' };
    default:
      if (unit.startsWith('万') && unit.length > 1 && !unit.endsWith('元')) return { value: round(value * 10_000), unit: unit.slice(1) };
      return { value, unit };
  }
}
