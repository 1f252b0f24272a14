/*
 * Money crosses the edge here: users type 万元 (up to 6 decimals, i.e. to the 分), the contract carries
 * integer 分. Both directions are exact string/BigInt arithmetic — never a float multiplication.
 */

const fenPerWan = 1_000_000n;
const wanPattern = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

/** True when the text is a 万元 amount with at most 6 decimals (one 分). */
export function isWanText(text: string, allowNegative = false): boolean {
  const m = wanPattern.exec(text.trim());
  return m !== null && (allowNegative || m[1] === '');
}

/** "123.45" 万元 → 1234500000 分; undefined for empty text; throws on text that is not an amount. */
export function wanToFen(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const m = wanPattern.exec(text.trim());
  if (!m) throw new RangeError(`not an amount: ${text}`);
  const [, sign, whole = '0', fraction = ''] = m;
  const fen = BigInt(whole) * fenPerWan + BigInt(fraction.padEnd(6, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount too large: ${text}`);
  const value = Number(fen);
  return sign === '-' && value !== 0 ? -value : value;
}

/** An integer 分 (number or decimal string) as 万元 text, trailing zeros removed: 1234500000 → "1234.5". */
export function fenToWan(fen: number | string): string {
  const text = String(fen).trim();
  if (!/^-?\d+$/.test(text)) return text;
  const negative = text.startsWith('-');
  const value = BigInt(negative ? text.slice(1) : text);
  const whole = value / fenPerWan;
  const fraction = (value % fenPerWan).toString().padStart(6, '0').replace(/0+$/, '');
  const body = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
  return negative && value !== 0n ? `-${body}` : body;
}

/** A decimal ratio string ("0.0333333333") as a percentage with at most `digits` decimals, rounded down. */
export function ratioToPercent(ratio: string, digits = 2): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(ratio.trim());
  if (!m) return ratio;
  const [, sign, whole = '0', fraction = ''] = m;
  const padded = fraction.padEnd(2 + digits, '0');
  const scaled = BigInt(whole + padded.slice(0, 2 + digits)); // ratio × 100 × 10^digits, truncated
  const base = 10n ** BigInt(digits);
  const intPart = scaled / base;
  const frac = digits > 0 ? (scaled % base).toString().padStart(digits, '0').replace(/0+$/, '') : '';
  const body = frac === '' ? intPart.toString() : `${intPart}.${frac}`;
  return `${sign === '-' && scaled !== 0n ? '-' : ''}${body}%`;
}
