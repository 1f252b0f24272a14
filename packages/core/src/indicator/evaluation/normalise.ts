import type { TIndicatorStats, TNormalisation, TPolarity } from '@kechuang/contracts';

/** A raw value is usable when it is a finite number; null, undefined and NaN/±Infinity count as missing. */
export function isPresent(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Missing values as NaN in a Float64Array: the engine's internal column form (no boxing, no GC churn). */
export function toColumn(xs: readonly (number | null | undefined)[]): Float64Array {
  const col = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    col[i] = isPresent(x) ? x : Number.NaN;
  }
  return col;
}

export function fromColumn(col: Float64Array): (number | null)[] {
  return Array.from(col, (x) => (Number.isNaN(x) ? null : x));
}

/** n, min, max, mean and the population sd (divide by n) of the present values; nulls when none. */
export function indicatorStats(raw: readonly (number | null | undefined)[] | Float64Array): TIndicatorStats {
  const col = raw instanceof Float64Array ? raw : toColumn(raw);
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (Number.isNaN(x)) continue;
    n++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) return { n: 0, min: null, max: null, mean: null, sd: null };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (!Number.isNaN(x)) ss += (x - mean) * (x - mean);
  }
  return { n, min, max, mean, sd: Math.sqrt(ss / n) };
}

export interface NormaliseResult {
  /** Normalised value per region; null when the raw value (or, for the target method, the target) is missing. */
  values: (number | null)[];
  /** Why a value is what it is (capped, floored, no target …), per region; undefined when unremarkable. */
  notes: (string | undefined)[];
  stats: TIndicatorStats;
}

export interface ColumnResult {
  /** NaN = missing. */
  values: Float64Array;
  notes: (string | undefined)[];
  stats: TIndicatorStats;
}

/**
 * Normalises one indicator over the regions evaluated.
 * - minmax: (x − min)/(max − min)×100, negative polarity (max − x)/(max − min)×100; all equal → 100.
 * - zscore: (x − mean)/sd with the population sd, negative polarity (mean − x)/sd; sd = 0 → 0.
 * - standard: x/standard×100 capped at `cap`; negative polarity standard/x×100 capped. A positive-polarity value ≤ 0
 *   scores 0; a negative-polarity value ≤ 0 (nothing consumed) scores the cap.
 * - target: actual/target×100 capped at 100 (negative: target/actual×100); the target is the region's own, and a
 *   missing or non-positive target makes the value missing.
 */
export function normalise(
  raw: readonly (number | null | undefined)[],
  polarity: TPolarity,
  normalisation: TNormalisation,
  targets?: readonly (number | null | undefined)[],
): NormaliseResult {
  const r = normaliseColumn(toColumn(raw), polarity, normalisation, targets ? toColumn(targets) : undefined);
  return { values: fromColumn(r.values), notes: r.notes, stats: r.stats };
}

/** normalise() on the internal column form. */
export function normaliseColumn(
  raw: Float64Array,
  polarity: TPolarity,
  normalisation: TNormalisation,
  targets?: Float64Array,
): ColumnResult {
  const n = raw.length;
  const stats = indicatorStats(raw);
  const values = new Float64Array(n).fill(Number.NaN);
  const notes = new Array<string | undefined>(n);
  const neg = polarity === 'negative';
  switch (normalisation.method) {
    case 'minmax': {
      if (stats.n === 0) break;
      const min = stats.min!;
      const max = stats.max!;
      const range = max - min;
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        if (range === 0) {
          values[i] = 100;
          notes[i] = '各地区数值相同，记 100 分';
        } else values[i] = neg ? ((max - x) / range) * 100 : ((x - min) / range) * 100;
      }
      break;
    }
    case 'zscore': {
      if (stats.n === 0) break;
      const mean = stats.mean!;
      const sd = stats.sd!;
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        if (sd === 0) {
          values[i] = 0;
          notes[i] = '各地区数值相同（标准差为 0），记 0 分';
        } else values[i] = neg ? (mean - x) / sd : (x - mean) / sd;
      }
      break;
    }
    case 'standard': {
      const { standard, cap } = normalisation;
      const capNote = neg ? `达到或优于标准值，取上限 ${cap}` : `达到或超过标准值，取上限 ${cap}`;
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        const v = ratioCapped(x, standard, neg, cap);
        values[i] = v;
        if (v === cap) notes[i] = x <= 0 ? `逆向指标数值不大于 0，取上限 ${cap}` : capNote;
        else if (v === 0) notes[i] = floorNote;
      }
      break;
    }
    case 'target': {
      const capNote = neg ? '达到或优于目标值，取上限 100' : '达到或超过目标值，取上限 100';
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        const t = targets?.[i] ?? Number.NaN;
        if (!(t > 0)) {
          notes[i] = '无目标值或目标值不大于 0，视为缺失';
          continue;
        }
        const v = ratioCapped(x, t, neg, 100);
        values[i] = v;
        if (v === 100) notes[i] = x <= 0 ? '逆向指标数值不大于 0，取上限 100' : capNote;
        else if (v === 0) notes[i] = floorNote;
      }
      break;
    }
  }
  return { values, notes, stats };
}

const floorNote = '数值不大于 0，记 0 分';

/** x/ref×100 (negative polarity ref/x×100) clamped to [0, cap]; a negative-polarity x ≤ 0 scores the cap. */
function ratioCapped(x: number, ref: number, negative: boolean, cap: number): number {
  if (negative) return x <= 0 ? cap : Math.min(cap, (ref / x) * 100);
  return x <= 0 ? 0 : Math.min(cap, (x / ref) * 100);
}
