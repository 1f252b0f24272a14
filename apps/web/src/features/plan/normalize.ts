/**
 * Base units the platform compares targets in: money in 万元, ratios in %, counts in their measure
 * word. The importer normalises what it reads; this covers what a reviewer types in by hand.
 */
const factors: Record<string, { factor: number; unit: string }> = {
  亿元: { factor: 10_000, unit: '万元' },
  千万元: { factor: 1_000, unit: '万元' },
  百万元: { factor: 100, unit: '万元' },
  万元: { factor: 1, unit: '万元' },
  元: { factor: 0.0001, unit: '万元' },
  亿美元: { factor: 10_000, unit: '万美元' },
  '％': { factor: 1, unit: '%' },
  万人: { factor: 10_000, unit: '人' },
  万人次: { factor: 10_000, unit: '人次' },
  万家: { factor: 10_000, unit: '家' },
  万件: { factor: 10_000, unit: '件' },
  万平方米: { factor: 10_000, unit: '平方米' },
};

const round = (v: number) => Number(v.toPrecision(12));

export function normalizeValue(value: number, unit: string): { value: number; unit: string } {
  const known = factors[unit.trim()];
  if (known) return { value: round(value * known.factor), unit: known.unit };
  return { value, unit: unit.trim() };
}

/**
 * The normalised value after an edit. When the unit stays, the importer's own factor is kept (it
 * may know better, e.g. a bare 亿 read as money); a new unit is normalised from the table.
 */
export function renormalize(
  before: { value: number; unit: string; normalizedValue: number; normalizedUnit: string },
  value: number,
  unit: string,
): { normalizedValue: number; normalizedUnit: string } {
  if (unit === before.unit && before.value !== 0) {
    return { normalizedValue: round((before.normalizedValue / before.value) * value), normalizedUnit: before.normalizedUnit };
  }
  const n = normalizeValue(value, unit);
  return { normalizedValue: n.value, normalizedUnit: n.unit };
}

/** A first guess at the number and unit in a quote the reviewer selected, e.g. "突破600家" → 600 家. */
export function guessValue(quote: string): { value: number | null; unit: string; name: string } {
  const numbers = [
    ...quote.matchAll(
      /(\d+(?:\.\d+)?)\s*(个百分点|千万元|亿美元|亿元|万元|万人次|万人|万家|万件|人次|%|％|亿|万|元|家|个|项|名|人|件|所|台|套|篇|倍)?/g,
    ),
  ];
  // A number with a unit is the target's value; a bare one may be a list number ("6.实施…").
  const m = numbers.find((x) => x[2] !== undefined) ?? numbers.find((x) => !/^[.、．]/.test(quote.slice((x.index ?? 0) + x[0].length)));
  if (!m || m[1] === undefined) return { value: null, unit: '', name: quote.trim() };
  const before = quote
    .slice(0, m.index)
    .replace(/(达到|突破|超过|不低于|净增|新增|增长|增速|提高到|提升到|力争|达|为|比上年|较上年|年均)+$/u, '')
    .replace(/^[，,、；;。\s]+|[，,、；;。\s]+$/gu, '')
    .replace(/^[（(]?[\d一二三四五六七八九十]+[)）.、．]\s*/u, '');
  return { value: Number(m[1]), unit: m[2] === '％' ? '%' : (m[2] ?? ''), name: before || quote.trim() };
}
