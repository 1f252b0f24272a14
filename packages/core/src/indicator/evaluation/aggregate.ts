import type { TAggregation } from '@kechuang/contracts';
import { type Dec, dec } from './exact-column.ts';
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

/**
 * scoreTree for every region at once, node by node over whole columns (sensitivity's hot path: one pass per
 * sample instead of one tree walk per region). The same operations in the same order for each region as
 * scoreTree, so the scores are bit-for-bit equal. `scratch` holds one column per node (length = regions);
 * writes the root scores, NaN → 0, into `scores`.
 */
export function scoreColumns(
  compiled: CompiledScheme,
  cols: readonly Float64Array[],
  weights: ArrayLike<number>,
  method: TAggregation,
  scratch: Float64Array[],
  scores: Float64Array,
): void {
  const { nodes, postOrder } = compiled;
  const n = scores.length;
  const geometric = method !== 'arithmetic';
  for (const idx of postOrder) {
    const node = nodes[idx]!;
    if (node.leaf >= 0) {
      scratch[idx] = cols[node.leaf]!;
      continue;
    }
    const out = scratch[idx]!;
    const kids = node.children.map((c) => scratch[c]!);
    const w = node.children.map((c) => weights[c]!);
    const k = kids.length;
    for (let r = 0; r < n; r++) {
      let sumW = 0;
      for (let j = 0; j < k; j++) if (!Number.isNaN(kids[j]![r]!)) sumW += w[j]!;
      if (sumW === 0) {
        out[r] = Number.NaN;
        continue;
      }
      if (!geometric) {
        let acc = 0;
        for (let j = 0; j < k; j++) {
          const s = kids[j]![r]!;
          if (!Number.isNaN(s)) acc += w[j]! * s;
        }
        out[r] = acc / sumW;
      } else {
        let prod = 1;
        for (let j = 0; j < k; j++) {
          const s = kids[j]![r]!;
          if (!Number.isNaN(s)) prod *= s ** (w[j]! / sumW);
        }
        out[r] = prod;
      }
    }
  }
  const root = scratch[0]!;
  for (let r = 0; r < n; r++) scores[r] = Number.isNaN(root[r]!) ? 0 : root[r]!;
}

/**
 * scoreTree for the arithmetic mean in exact decimals (exact-column.ts): Σ wᵢxᵢ / Σ wᵢ on the indicators' decimal
 * texts at 34 digits up the whole tree; `out` gets each node's score as the nearest double. Weights as decimals,
 * `weightsDec[node]`; `scratch` one slot per node. evaluate() uses it for the published scores; sensitivity() keeps
 * the double scoreColumns (it only compares ranks).
 */
export function scoreTreeExact(
  compiled: CompiledScheme,
  cols: readonly Float64Array[],
  r: number,
  weightsDec: readonly Dec[],
  out: Float64Array,
  scratch: (Dec | null)[],
): number {
  const { nodes, postOrder } = compiled;
  for (const idx of postOrder) {
    const node = nodes[idx]!;
    if (node.leaf >= 0) {
      const v = cols[node.leaf]![r]!;
      out[idx] = v;
      scratch[idx] = Number.isNaN(v) ? null : dec(v);
      continue;
    }
    let sumW: Dec | null = null;
    let acc: Dec | null = null;
    for (const c of node.children) {
      const s = scratch[c];
      if (s === null || s === undefined) continue;
      const w = weightsDec[c]!;
      sumW = sumW === null ? w : sumW.plus(w);
      if (!s.isZero()) acc = acc === null ? w.times(s) : acc.plus(w.times(s));
    }
    const score = sumW === null ? null : acc === null ? dec(0) : acc.div(sumW);
    scratch[idx] = score;
    out[idx] = score === null ? Number.NaN : score.toNumber();
  }
  return out[0]!;
}
