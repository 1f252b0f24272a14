import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for every rule with a threshold. Inputs are integers (分) or short decimal
 * strings, so sums and products are exact at 40 significant digits; ratios are compared by
 * cross-multiplication (a/b ≥ t ⇔ a ≥ t·b for b > 0), never by a rounded quotient.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** Any decimal.js value (the clones share one prototype, so values mix freely). */
export type Dec = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);
const HUNDRED = new D(100);

const constants = new Map<string | number, Dec>();
/** A rule-pack constant as a Decimal, parsed once (Decimal values are immutable, so sharing is safe). */
export function constant(value: string | number): Dec {
  let d = constants.get(value);
  if (d === undefined) {
    d = new D(value);
    if (constants.size < 10_000) constants.set(value, d);
  }
  return d;
}

/** Money in 分 as a Decimal: the sum of integers, exact in a double while it stays a safe integer. */
export function sumFen(values: readonly number[]): Dec {
  let sum = 0;
  for (const v of values) sum += v;
  if (Number.isSafeInteger(sum)) return new D(sum);
  return values.reduce<Dec>((acc, v) => acc.plus(v), ZERO);
}

/** A ratio kept as numerator and denominator so that band decisions stay exact. */
export interface Ratio {
  num: Dec;
  den: Dec;
}

/** Compares num/den with t (den must be > 0): -1, 0 or 1. */
export function compareRatio(r: Ratio, t: Dec): number {
  return r.num.comparedTo(t.times(r.den));
}

/** `r ≥ t` when inclusive (以上/不低于), `r > t` otherwise (超过). */
export function ratioReaches(r: Ratio, t: Dec, inclusive: boolean): boolean {
  const c = compareRatio(r, t);
  return inclusive ? c >= 0 : c > 0;
}

const percentTexts = new WeakMap<Dec, string>();
/** A threshold written as a percentage, e.g. 0.05 → "5%" (memoised for the shared rule-pack constants). */
export function thresholdPercent(t: Dec): string {
  let text = percentTexts.get(t);
  if (text === undefined) {
    text = `${t.times(HUNDRED).toFixed()}%`;
    percentTexts.set(t, text);
  }
  return text;
}

/** Plain decimal string (never exponent notation) of a number for `figures`. */
export function decText(value: Dec): string {
  return value.toFixed();
}

export { gapUp, percentText, quotientText, ratioString, wanText } from './display.ts';
