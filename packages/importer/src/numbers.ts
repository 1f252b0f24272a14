const digitValues: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const bigUnits: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const cnNumeralChars = '零〇一二两三四五六七八九十百千';

/** Parses a Chinese numeral (三十, 一百二十, 两, 十四, 二〇二一); null when it is not one. */
export function parseChineseInteger(s: string): number | null {
  if (!s) return null;
  // Digit-by-digit form (二〇二一).
  if (/^[零〇一二三四五六七八九]{2,}$/.test(s) && /[〇零]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (digitValues[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = digitValues[ch];
    if (d !== undefined) {
      // 四五 or 六七八九 is a name or a run of ordinals, not a number (零 may follow a digit only after a unit).
      if (digit !== null && digit !== 0) return null;
      digit = d;
      continue;
    }
    const small = smallUnits[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = bigUnits[ch];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits and dots to ASCII, so one regex reads both. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// A thousands separator as typeset: a comma, a space, a thin or narrow no-break space (3 418家, 2 500万元).
const groupSep = /[,\u0020\u00a0\u2009\u202f]/g;

/** Parses an Arabic number as written (1,200 / 3 418 / ３.５ / 2.2); null when it is not one. */
export function parseArabic(s: string): number | null {
  const t = toAsciiDigits(s).replace(groupSep, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A decimal Chinese numeral (三点五); null otherwise. */
function parseChineseDecimal(s: string): number | null {
  const [int, frac] = s.split('点');
  const iv = parseChineseInteger(int ?? '');
  if (iv === null) return null;
  if (frac === undefined) return iv;
  let f = 0;
  let scale = 0.1;
  for (const ch of frac) {
    const d = digitValues[ch];
    if (d === undefined) return null;
    f += d * scale;
    scale /= 10;
  }
  return Number((iv + f).toFixed(frac.length));
}

/** Parses any written number: Arabic, Chinese, 百分之二十 (returns 20; the caller adds %). */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t.startsWith('百分之')) return parseChineseDecimal(t.slice(3)) ?? parseArabic(t.slice(3));
  return parseArabic(t) ?? parseChineseDecimal(t);
}

export type NumberToken = {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  /** True for 百分之X, which implies the unit %. */
  percentWord: boolean;
  chinese: boolean;
  raw: string;
};

// Digits in groups of three after a separator (1,200 / 3 418 / 2 500) read as one number; a group is exactly three
// digits, so 2、3家 or 第3 4项 stay apart.
const arabic = '(?:[0-9０-９]{1,3}(?:[,\u0020\u00a0\u2009\u202f][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?';
const chinese = '[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?';
const rangeSep = '[-－~～至到—–]';
const tokenRe = new RegExp(
  `百分之(${chinese}|${arabic})|(${arabic})(?:${rangeSep}(${arabic}))?|(${chinese})(?:${rangeSep}(${chinese}))?`,
  'g',
);

/** Every number in the text, ranges (8-10, 八至十) as one token. */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(tokenRe)) {
    const start = m.index;
    const raw = m[0];
    if (m[1] !== undefined) {
      const v = parseNumber(raw);
      if (v !== null) out.push({ start, end: start + raw.length, value: v, valueMax: null, percentWord: true, chinese: true, raw });
      continue;
    }
    const isArabic = m[2] !== undefined;
    const lo = isArabic ? parseArabic(m[2] ?? '') : parseChineseDecimal(m[4] ?? '');
    const hiRaw = isArabic ? m[3] : m[5];
    const hi = hiRaw === undefined ? null : isArabic ? parseArabic(hiRaw) : parseChineseDecimal(hiRaw);
    if (lo === null) continue;
    if (hiRaw !== undefined && (hi === null || hi <= lo)) {
      // Not a range after all (2020—2021 read as years elsewhere): keep only the first number.
      const first = isArabic ? (m[2] ?? '') : (m[4] ?? '');
      out.push({ start, end: start + first.length, value: lo, valueMax: null, percentWord: false, chinese: !isArabic, raw: first });
      continue;
    }
    out.push({ start, end: start + raw.length, value: lo, valueMax: hi, percentWord: false, chinese: !isArabic, raw });
  }
  return out;
}
