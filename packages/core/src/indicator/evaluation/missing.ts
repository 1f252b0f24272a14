import type { TMissingRule } from '@kechuang/contracts';
import { round6 as exactRound6 } from './exact-column.ts';
import { fromColumn, toColumn } from './normalise.ts';

export interface MissingResult {
  /** Normalised values after the rule; null only under `reweight` (the indicator is dropped for that region). */
  values: (number | null)[];
  imputed: boolean[];
  notes: (string | undefined)[];
}

export interface MissingColumnResult {
  /** NaN only under `reweight`. */
  values: Float64Array;
  /** 1 where a value was imputed. */
  imputed: Uint8Array;
  /** The note for every missing value of this indicator (the same sentence for all of them). */
  note: string;
}

/**
 * Treats the missing normalised values of one indicator.
 * - zero: missing → 0, flagged imputed.
 * - mean: missing → the mean normalised value of the regions that have one, flagged imputed (0 if no region has one).
 * - reweight: left missing; aggregation drops the indicator for that region and renormalises its siblings' weights.
 */
export function applyMissing(normalised: readonly (number | null)[], rule: TMissingRule): MissingResult {
  const r = applyMissingColumn(toColumn(normalised), rule);
  const isMissing = normalised.map((v) => v === null);
  return {
    values: fromColumn(r.values),
    imputed: Array.from(r.imputed, (x) => x === 1),
    notes: isMissing.map((m) => (m ? r.note : undefined)),
  };
}

/** applyMissing() on the internal column form (NaN = missing); returns a new column. */
export function applyMissingColumn(normalised: Float64Array, rule: TMissingRule): MissingColumnResult {
  const values = normalised.slice();
  const imputed = new Uint8Array(normalised.length);
  if (rule === 'reweight') return { values, imputed, note: '缺失，本地区不计该指标，同级权重重新归一化' };
  let fill = 0;
  let note = '缺失，按 0 分计';
  if (rule === 'mean') {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < normalised.length; i++) {
      const v = normalised[i]!;
      if (Number.isNaN(v)) continue;
      n++;
      sum += v;
    }
    if (n > 0) {
      fill = sum / n;
      note = `缺失，以有数据地区的平均值 ${round6(fill)} 替代`;
    } else note = '缺失且无任何地区有数据，按 0 分计';
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i]!)) continue;
    values[i] = fill;
    imputed[i] = 1;
  }
  return { values, imputed, note };
}

/** Half-up rounding to 6 decimals of the value's decimal text (exact-column.ts). */
export const round6 = exactRound6;
