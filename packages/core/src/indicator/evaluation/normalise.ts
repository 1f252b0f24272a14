import type { TIndicatorStats, TNormalisation, TPolarity } from '@kechuang/contracts';
import { commonScale, scaled } from './exact-column.ts';

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

/**
 * n, min, max, mean and the population sd (divide by n) of the present values; nulls when none. With
 * `sample`, also the sample sd (divide by n − 1; null when n < 2). Mean and sd are computed on the exact
 * decimals (exact-column.ts): the mean of 0.1 and 0.2 is 0.15.
 */
export function indicatorStats(raw: readonly (number | null | undefined)[] | Float64Array, sample = false): TIndicatorStats {
  const col = raw instanceof Float64Array ? raw : toColumn(raw);
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (Number.isNaN(x)) continue;
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0)
    return sample
      ? { n: 0, min: null, max: null, mean: null, sd: null, sampleSd: null }
      : { n: 0, min: null, max: null, mean: null, sd: null };
  const m = moments(col, n);
  const stats: TIndicatorStats = { n, min, max, mean: m.mean, sd: m.sd(false) ?? 0 };
  if (sample) stats.sampleSd = m.sd(true);
  return stats;
}

interface Moments {
  mean: number;
  /** Σx and the scale of the column when it is exact in scaled integers (exact-column.ts), else null. */
  sum: number | null;
  scale: number | null;
  sd: (sample: boolean) => number | null;
}

function moments(col: Float64Array, n: number): Moments {
  const scale = commonScale([col]);
  if (scale !== null) {
    let sum = 0;
    for (let i = 0; i < col.length; i++) {
      const x = col[i]!;
      if (!Number.isNaN(x)) sum += scaled(x, scale);
    }
    // n·X − ΣX = n·scale·(x − mean) exactly (scaled integers below 2^53); Σ of their squares in doubles, one square root.
    let ss = 0;
    for (let i = 0; i < col.length; i++) {
      const x = col[i]!;
      if (Number.isNaN(x)) continue;
      const d = n * scaled(x, scale) - sum;
      ss += d * d;
    }
    const unit = n * scale;
    const sd = (sample: boolean) => (sample && n < 2 ? null : Math.sqrt(ss / (sample ? n - 1 : n)) / unit);
    return { mean: sum / unit, sum, scale, sd };
  }
  // Values with more than 12 decimals (computed ratios) are binary approximations already: doubles, two passes.
  let total = 0;
  for (let i = 0; i < col.length; i++) if (!Number.isNaN(col[i]!)) total += col[i]!;
  const mean = total / n;
  let ss = 0;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (!Number.isNaN(x)) ss += (x - mean) * (x - mean);
  }
  const sd = (sample: boolean) => (sample && n < 2 ? null : Math.sqrt(ss / (sample ? n - 1 : n)));
  return { mean, sum: null, scale: null, sd };
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
 * - zscore: (x − mean)/sd with the population sd (or the sample sd, `sd: 'sample'`), negative polarity (mean − x)/sd;
 *   sd = 0 (or a sample of one) → 0.
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
  const sample = normalisation.method === 'zscore' && normalisation.sd === 'sample';
  const stats = indicatorStats(raw, sample);
  const values = new Float64Array(n).fill(Number.NaN);
  const notes = new Array<string | undefined>(n);
  const neg = polarity === 'negative';
  switch (normalisation.method) {
    case 'minmax': {
      if (stats.n === 0) break;
      const min = stats.min!;
      const max = stats.max!;
      const scale = commonScale([raw]);
      const lo = scale === null ? min : scaled(min, scale);
      const hi = scale === null ? max : scaled(max, scale);
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        if (min === max) {
          values[i] = 100;
          notes[i] = '各地区数值相同，记 100 分';
        } else {
          // Scaled integers: exact differences and one correctly rounded division (else plain doubles).
          const X = scale === null ? x : scaled(x, scale);
          values[i] = ((neg ? hi - X : X - lo) * 100) / (hi - lo);
        }
      }
      break;
    }
    case 'zscore': {
      if (stats.n === 0) break;
      const sd = (sample ? stats.sampleSd : stats.sd) ?? 0;
      const m = sd === 0 ? null : moments(raw, stats.n);
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        if (m === null) {
          values[i] = 0;
          notes[i] = sample && stats.n < 2 ? '仅一个地区有数据（样本标准差无定义），记 0 分' : '各地区数值相同（标准差为 0），记 0 分';
          continue;
        }
        // x − mean exactly (n·X − ΣX over n·scale), then one division by the sd.
        const diff = m.scale !== null ? (stats.n * scaled(x, m.scale) - m.sum!) / (stats.n * m.scale) : x - m.mean;
        const z = diff / sd;
        values[i] = neg ? (z === 0 ? 0 : -z) : z;
      }
      break;
    }
    case 'standard': {
      const { standard, cap } = normalisation;
      const capNote = neg ? `达到或优于标准值，取上限 ${cap}` : `达到或超过标准值，取上限 ${cap}`;
      const scale = commonScale([raw], [standard]);
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        const v = ratioCapped(x, standard, neg, cap, scale);
        values[i] = v;
        if (v === cap) notes[i] = x <= 0 ? `逆向指标数值不大于 0，取上限 ${cap}` : capNote;
        else if (v === 0) notes[i] = floorNote;
      }
      break;
    }
    case 'target': {
      const capNote = neg ? '达到或优于目标值，取上限 100' : '达到或超过目标值，取上限 100';
      const scale = commonScale([raw, targets]);
      for (let i = 0; i < n; i++) {
        const x = raw[i]!;
        if (Number.isNaN(x)) continue;
        const t = targets?.[i] ?? Number.NaN;
        if (!(t > 0)) {
          notes[i] = '无目标值或目标值不大于 0，视为缺失';
          continue;
        }
        const v = ratioCapped(x, t, neg, 100, scale);
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

/**
 * x/ref×100 (negative polarity ref/x×100) clamped to [0, cap]; a negative-polarity x ≤ 0 scores the cap.
 * Exact: scaled integers and one division when `scale` is known, else plain doubles (values of more than 12
 * decimals are binary approximations already).
 */
function ratioCapped(x: number, ref: number, negative: boolean, cap: number, scale: number | null): number {
  if (x <= 0) return negative ? cap : 0;
  let q: number;
  if (scale !== null) {
    const X = scaled(x, scale);
    const R = scaled(ref, scale);
    q = negative ? (R * 100) / X : (X * 100) / R;
  } else q = negative ? (ref * 100) / x : (x * 100) / ref;
  return Math.min(cap, q);
}
