import type { TAggregation } from '@kechuang/contracts';
import type { CompiledScheme } from './scheme.ts';

export interface WeightedValue {
  /** null = dropped (reweight rule): the remaining weights are renormalised to sum 1. */
  value: number | null;
  weight: number;
}

/**
 * Weighted mean of the present values, weights renormalised over them.
 * arithmetic: Σ wᵢxᵢ / Σ wᵢ. geometric: Π xᵢ^(wᵢ/Σ wᵢ) — needs xᵢ ≥ 0, and any xᵢ = 0 makes the result 0.
 * Returns null when no value is present.
 */
export function aggregate(items: readonly WeightedValue[], method: TAggregation): number | null {
  let sumW = 0;
  for (const it of items) if (it.value !== null) sumW += it.weight;
  if (sumW === 0) return null;
  if (method === 'arithmetic') {
    let acc = 0;
    for (const it of items) if (it.value !== null) acc += it.weight * it.value;
    return acc / sumW;
  }
  let prod = 1;
  for (const it of items) {
    if (it.value === null) continue;
    if (it.value < 0) throw new RangeError('geometric aggregation needs non-negative values');
    prod *= it.value ** (it.weight / sumW);
  }
  return prod;
}

/**
 * Scores every node of the tree for region `r`. `cols[leaf][r]` is the normalised value of each indicator
 * (NaN = dropped). Writes node scores into `out` (NaN = nothing present under the node) and returns the root score.
 * The hot path of evaluate() and sensitivity(): no allocation.
 */
export function scoreTree(
  compiled: CompiledScheme,
  cols: readonly Float64Array[],
  r: number,
  weights: ArrayLike<number>,
  method: TAggregation,
  out: Float64Array,
): number {
  const { nodes, postOrder } = compiled;
  for (const idx of postOrder) {
    const node = nodes[idx]!;
    if (node.leaf >= 0) {
      out[idx] = cols[node.leaf]![r]!;
      continue;
    }
    let sumW = 0;
    for (const c of node.children) if (!Number.isNaN(out[c]!)) sumW += weights[c]!;
    if (sumW === 0) {
      out[idx] = Number.NaN;
      continue;
    }
    if (method === 'arithmetic') {
      let acc = 0;
      for (const c of node.children) {
        const s = out[c]!;
        if (!Number.isNaN(s)) acc += weights[c]! * s;
      }
      out[idx] = acc / sumW;
    } else {
      let prod = 1;
      for (const c of node.children) {
        const s = out[c]!;
        if (!Number.isNaN(s)) prod *= s ** (weights[c]! / sumW);
      }
      out[idx] = prod;
    }
  }
  return out[0]!;
}
