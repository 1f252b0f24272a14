import { compareRatio, constant, type Dec, ONE, type Ratio } from './decimal.ts';
import { cmpFrac, frac } from './exact.ts';
import type { Band } from './rule-packs/types.ts';

/** The first band (ordered high → low) whose lower bound the ratio reaches, with the pack's inclusiveness. */
export function bandOfRatio(r: Ratio, bands: readonly Band[]): Band {
  for (const band of bands) {
    if (band.min === null) return band;
    const c = compareRatio(r, constant(band.min));
    if (band.inclusive ? c >= 0 : c > 0) return band;
  }
  throw new Error('rule pack band table has no floor band');
}

export function bandOfValue(value: Dec, bands: readonly Band[]): Band {
  return bandOfRatio({ num: value, den: ONE }, bands);
}

/** The first band (ordered high → low) whose lower bound num/den reaches (bands.ts `bandOfRatio`, exact integers). */
export function bandOfFrac(num: bigint, den: bigint, bands: readonly Band[]): Band {
  for (const band of bands) {
    if (band.min === null) return band;
    const c = cmpFrac(num, den, frac(band.min));
    if (band.inclusive ? c >= 0 : c > 0) return band;
  }
  throw new Error('rule pack band table has no floor band');
}
