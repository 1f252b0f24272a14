import type { TTransform } from '@kechuang/contracts';

export interface TransformResult {
  /** NaN where the raw value is missing or outside the transform's domain. */
  values: Float64Array;
  /** Why a present raw value became missing. */
  notes: (string | undefined)[];
}

/**
 * The value transform applied before normalisation (EIS/RIS technical annex: skewed indicators are transformed —
 * square root — before min-max re-scaling; a logarithm serves the same purpose for strongly skewed totals).
 * sqrt: x ≥ 0; log: natural logarithm, x > 0. Values outside the domain count as missing, with a note.
 * 'none' returns the column itself.
 */
export function transformColumn(raw: Float64Array, transform: TTransform | undefined): TransformResult {
  const notes = new Array<string | undefined>(raw.length);
  if (transform === undefined || transform === 'none') return { values: raw, notes };
  const values = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    if (Number.isNaN(x)) {
      values[i] = Number.NaN;
    } else if (transform === 'sqrt') {
      if (x < 0) {
        values[i] = Number.NaN;
        notes[i] = '平方根变换要求数值不小于 0，视为缺失';
      } else values[i] = Math.sqrt(x);
    } else if (x <= 0) {
      values[i] = Number.NaN;
      notes[i] = '对数变换要求数值大于 0，视为缺失';
    } else values[i] = Math.log(x);
  }
  return { values, notes };
}

export const transformLabels: Record<TTransform, string> = { none: '不变换', sqrt: '平方根', log: '自然对数' };
