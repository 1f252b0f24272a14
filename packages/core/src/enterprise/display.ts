import Decimal from 'decimal.js';
import type { Dec, Ratio } from './decimal.ts';

/*
 * Figures and hints for people: quotients shown with a fixed number of decimals, rounded in a stated
 * direction (floor below a threshold, ceiling for a gap) so that what is shown never contradicts a decision.
 * Display never decides anything. A double gives the digits quickly; whenever the double cannot tell the
 * rounding for sure (the scaled value is that close to an integer), the quotient is recomputed
 * exactly with decimal.js — so the text is always that of the exact value.
 */
const Floor = Decimal.clone({ precision: 32, rounding: Decimal.ROUND_FLOOR });
const Ceil = Decimal.clone({ precision: 32, rounding: Decimal.ROUND_CEIL });

export type Direction = 'down' | 'up';

/** An integer k as the decimal string of k / 10^places, trailing zeros removed ("500", 2 → "5"). */
function fixedText(k: number, places: number): string {
  if (places === 0) return String(k);
  const negative = k < 0;
  const digits = String(Math.abs(k)).padStart(places + 1, '0');
  const cut = digits.length - places;
  const fraction = digits.slice(cut).replace(/0+$/, '');
  const text = fraction === '' ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** num × factor / den rounded down (floor) or up (ceiling) at `places` decimals, as a plain decimal string. */
export function quotientText(num: Dec, den: Dec, places: number, mode: Direction, factor = 1): string {
  if (num.isZero()) return '0';
  const x = ((num.toNumber() * factor) / den.toNumber()) * 10 ** places;
  if (Number.isFinite(x) && Math.abs(x) < 1e15) {
    const below = Math.floor(x);
    const frac = x - below;
    // The double carries ≤ 5 roundings (≈ 6e-16 relative); the margin is 100× wider than that.
    const margin = Math.abs(x) * 1e-13 + 1e-9;
    if (frac > margin && frac < 1 - margin) return fixedText(mode === 'down' ? below : below + 1, places);
  }
  const C = mode === 'down' ? Floor : Ceil;
  return new C(num).times(factor).dividedBy(den).toDecimalPlaces(places).toFixed();
}

/** The value of a ratio with 10 decimals, rounded down (for `figures`). */
export function ratioString(r: Ratio): string {
  return quotientText(r.num, r.den, 10, 'down');
}

/** A ratio as a percentage, rounded down by default: "3.999%" never shows as "4%" next to "< 4%". */
export function percentText(r: Ratio, digits = 2, mode: Direction = 'down'): string {
  return `${quotientText(r.num, r.den, digits, mode, 100)}%`;
}

const fenPerWan = new Decimal(1_000_000);

/** 分 → 万元 with at most 2 decimals; gaps round up so that following the hint is enough. */
export function wanText(fen: Dec, mode: Direction = 'down'): string {
  return `${quotientText(fen, fenPerWan, 2, mode)}万元`;
}

/** A gap for a hint, `num / den` rounded up at `places` decimals (so that following the hint is enough). */
export function gapUp(num: Dec, den: Dec, places = 0): Dec {
  return new Ceil(quotientText(num, den, places, 'up'));
}
