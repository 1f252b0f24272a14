import Decimal from 'decimal.js';

/*
 * Exact decimal arithmetic for the engine's columns without giving up Float64Array speed. A raw value is the
 * decimal its shortest text shows ("0.1" is one tenth, not the binary 0.1000000000000000055…). When every value
 * of a column (and the reference values a method uses) has at most `k` decimals, X = x·10^k are integers held
 * exactly in a double; sums, differences and products of them stay exact below 2^53, and one IEEE division of two
 * exact integers is correctly rounded — the nearest double to the exact quotient. So (x − min)/(max − min)×100
 * of 10, 15, 20 is 50, never 50.000000000000014. A column whose values carry more than 12 decimals (a computed
 * ratio) is a binary approximation already and is computed in plain doubles.
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

const pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
const maxPlaces = pow10.length - 1;
/** Below this the scaled integers leave room for ×100 and sums over 5,000 regions without losing a digit. */
const safe = 2 ** 53 / (100 * 8192);

/** Decimal places of x's shortest text (0–12), or −1 when x needs more. */
export function placesOf(x: number): number {
  for (let k = 0; k <= maxPlaces; k++) {
    const p = pow10[k]!;
    if (Math.round(x * p) / p === x) return k;
  }
  return -1;
}

/**
 * The common scale 10^k of the present (non-NaN) values of the columns and the extra constants, or null when a
 * value has more than 12 decimals or the scaled integers could lose exactness.
 */
export function commonScale(columns: readonly (Float64Array | undefined)[], constants: readonly number[] = []): number | null {
  let k = 0;
  let maxAbs = 0;
  const see = (x: number): boolean => {
    const a = Math.abs(x);
    if (a > maxAbs) maxAbs = a;
    if (Math.round(x * pow10[k]!) / pow10[k]! === x) return true;
    const p = placesOf(x);
    if (p < 0) return false;
    if (p > k) k = p;
    return true;
  };
  for (const col of columns) {
    if (col === undefined) continue;
    for (let i = 0; i < col.length; i++) {
      const x = col[i]!;
      if (!Number.isNaN(x) && !see(x)) return null;
    }
  }
  for (const c of constants) if (!see(c)) return null;
  const scale = pow10[k]!;
  return maxAbs * scale < safe ? scale : null;
}

/** x·scale as the exact integer (x has at most log10(scale) decimals). */
export function scaled(x: number, scale: number): number {
  return Math.round(x * scale);
}

export function dec(x: number): Dec {
  return new Dec(x);
}

/**
 * x rounded half-up to 6 decimals (half away from zero for negatives), of the decimal x's text shows: 2.0000005
 * → 2.000001 although the double below it would round down. −0 becomes 0.
 */
export function round6(x: number): number {
  const y = x * 1e6;
  // Clear of a half (the double's own error is far below 1e-6 units here): Math.round is right for either sign.
  if (Math.abs(y) < 1e9 && Math.abs(Math.abs(y - Math.trunc(y)) - 0.5) > 1e-6) {
    const v = Math.round(y) / 1e6;
    return v === 0 ? 0 : v;
  }
  if (!Number.isFinite(x)) return x;
  const v = new Dec(x).toDecimalPlaces(6).toNumber();
  return v === 0 ? 0 : v;
}
