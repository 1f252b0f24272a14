import Decimal from 'decimal.js';
import type { Direction } from './display.ts';

/*
 * Exact arithmetic on scaled integers (BigInt) for the hot paths: every value is an integer numerator over a
 * known positive denominator, so threshold decisions compare integers by cross-multiplication. Display text
 * follows display.ts exactly: the double gives the digits when it can tell the rounding for sure, otherwise
 * the exact quotient is taken with decimal.js (the same clones and steps as `quotientText`).
 */
const Floor = Decimal.clone({ precision: 32, rounding: Decimal.ROUND_FLOOR });
const Ceil = Decimal.clone({ precision: 32, rounding: Decimal.ROUND_CEIL });

/** A decimal constant p/q (q a power of ten), e.g. "0.05" → 5/100. */
export interface Frac {
  p: bigint;
  q: bigint;
}

const fracs = new Map<string, Frac>();
/** Parses a plain decimal string ("0.05", "5", "-1.2") once. */
export function frac(value: string): Frac {
  let f = fracs.get(value);
  if (f === undefined) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
    if (m === null) throw new Error(`not a plain decimal: ${value}`);
    const digits = `${m[2]}${m[3] ?? ''}`;
    const p = BigInt(digits);
    f = { p: m[1] === '-' ? -p : p, q: 10n ** BigInt((m[3] ?? '').length) };
    if (fracs.size < 10_000) fracs.set(value, f);
  }
  return f;
}

/** A head count (≤ 6 decimals, contract-validated) as an integer in millionths. */
export function micros(value: string): bigint {
  const dot = value.indexOf('.');
  // ≤ 9 integer digits: the scaled value is below 10^15, exact in a double.
  if ((dot < 0 ? value.length : dot) <= 9)
    return BigInt(Number(value.slice(0, dot < 0 ? value.length : dot)) * 1e6 + fractionMicros(value, dot));
  if (dot < 0) return BigInt(value) * 1_000_000n;
  const fraction = value.slice(dot + 1);
  return BigInt(value.slice(0, dot) + fraction) * 10n ** BigInt(6 - fraction.length);
}

function fractionMicros(value: string, dot: number): number {
  if (dot < 0) return 0;
  let m = 0;
  for (let i = 1; i <= 6; i++) {
    const c = dot + i < value.length ? value.charCodeAt(dot + i) - 48 : 0;
    m = m * 10 + c;
  }
  return m;
}

/** Sign of num/den − f (den > 0). */
export function cmpFrac(num: bigint, den: bigint, f: Frac): number {
  const a = num * f.q;
  const b = f.p * den;
  return a > b ? 1 : a < b ? -1 : 0;
}

/** An integer k as the decimal string of k / 10^places, trailing zeros removed (display.ts `fixedText`). */
function fixedText(k: number, places: number): string {
  if (places === 0) return String(k);
  const negative = k < 0;
  const digits = String(Math.abs(k)).padStart(places + 1, '0');
  const cut = digits.length - places;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** num × factor / den (den > 0) rounded in `mode` at `places` decimals: display.ts `quotientText` on exact integers. */
export function quotient(num: bigint, den: bigint, places: number, mode: Direction, factor = 1): string {
  if (num === 0n) return '0';
  const x = ((Number(num) * factor) / Number(den)) * 10 ** places;
  if (Number.isFinite(x) && Math.abs(x) < 1e15) {
    const below = Math.floor(x);
    const frac = x - below;
    const margin = Math.abs(x) * 1e-13 + 1e-9;
    if (frac > margin && frac < 1 - margin) return fixedText(mode === 'down' ? below : below + 1, places);
    // Too close to call in a double: the exact floor or ceiling of the integer quotient (below 10^15, so
    // decimal.js at 32 digits rounds the same way).
    return fixedText(Number(roundedQuotient(num * BigInt(factor) * 10n ** BigInt(places), den, mode)), places);
  }
  const C = mode === 'down' ? Floor : Ceil;
  return new C(num.toString()).times(factor).dividedBy(den.toString()).toDecimalPlaces(places).toFixed();
}

/** n/d rounded down ('down') or up ('up') to an integer, exactly. */
function roundedQuotient(n: bigint, d: bigint, mode: Direction): bigint {
  const q = n / d;
  if (n % d === 0n) return q;
  const positive = n < 0n === d < 0n;
  if (mode === 'down') return positive ? q : q - 1n;
  return positive ? q + 1n : q;
}

/** num/den as a percentage (display.ts `percentText`). */
export function percent(num: bigint, den: bigint, digits = 2, mode: Direction = 'down'): string {
  return `${quotient(num, den, digits, mode, 100)}%`;
}

/** num/den with 10 decimals, rounded down (display.ts `ratioString`). */
export function ratioText(num: bigint, den: bigint): string {
  return quotient(num, den, 10, 'down');
}

const fenPerWan = 1_000_000n;
/** num/den 分 → 万元 (display.ts `wanText`). */
export function wan(num: bigint, den: bigint, mode: Direction = 'down'): string {
  return `${quotient(num, den * fenPerWan, 2, mode)}万元`;
}

/** `gapUp(num/den) → wanText(·, 'up')`: a gap rounded up to whole 分, then shown in 万元 rounded up. */
export function wanGapUp(num: bigint, den: bigint): string {
  return wan(BigInt(quotient(num, den, 0, 'up')), 1n, 'up');
}

/**
 * Exact decimal text of num / 10^scale (decimal.js `toFixed()` of that value: no exponent, trailing zeros
 * removed). num may be negative.
 */
export function scaledText(num: bigint, scale: number): string {
  if (scale === 0) return num.toString();
  const negative = num < 0n;
  const digits = (negative ? -num : num).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
  return negative ? `-${text}` : text;
}

/**
 * num × factor / den (den ≠ 0) rounded half-up at `places` decimals, symmetrically for negative values
 * (−1.235 → −1.24, as 1.235 → 1.24): for a rate shown as a figure, where neither sign is favoured.
 */
export function quotientHalfUp(num: bigint, den: bigint, places: number, factor = 1): string {
  const n = num * BigInt(factor) * 10n ** BigInt(places);
  const negative = n < 0n !== den < 0n && n !== 0n;
  const a = n < 0n ? -n : n;
  const d = den < 0n ? -den : den;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return scaledText(negative && q !== 0n ? -q : q, places);
}

/** num/den as a percentage rounded half-up at `digits` decimals for either sign. */
export function percentHalfUp(num: bigint, den: bigint, digits = 2): string {
  return `${quotientHalfUp(num, den, digits, 100)}%`;
}
