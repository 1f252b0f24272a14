import type { TTier } from '@kechuang/contracts';

/** Scores are compared after rounding to 1e-9, so float noise never splits a tie. */
export function rankKey(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

export interface Ranked<T> {
  item: T;
  rank: number;
}

/**
 * Competition ranking (1, 2, 2, 4) by score descending, scores equal at 1e-9 sharing a rank.
 * Ties are ordered by code only for listing; they keep the same rank.
 */
export function rankRegions<T extends { code: string; score: number }>(items: readonly T[]): Ranked<T>[] {
  const keyed = items.map((item) => ({ item, key: rankKey(item.score) }));
  keyed.sort((a, b) => b.key - a.key || (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
  const out: Ranked<T>[] = [];
  keyed.forEach((k, i) => {
    const prev = out[i - 1];
    const rank = prev !== undefined && keyed[i - 1]!.key === k.key ? prev.rank : i + 1;
    out.push({ item: k.item, rank });
  });
  return out;
}

/**
 * Competition ranks for plain scores, in the input order (used by sensitivity runs).
 * `order` is scratch space of the same length.
 */
export function ranksOf(scores: Float64Array, codes: readonly string[], ranks: Int32Array, order: number[]): void {
  const n = scores.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = rankKey(scores[i]!);
    order[i] = i;
  }
  order.length = n;
  order.sort((a, b) => keys[b]! - keys[a]! || (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0));
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    ranks[r] = i > 0 && keys[order[i - 1]!] === keys[r] ? ranks[order[i - 1]!]! : i + 1;
  }
}

/**
 * The same competition ranks as ranksOf (1 + the number of regions with a greater key), without the order:
 * a native numeric sort of the keys and a binary search per region, no comparator calls (the hot path of
 * sensitivity(): 200 samples × ~3,000 regions). `keys` and `sorted` are scratch space of the same length.
 */
export function ranksOnly(scores: Float64Array, ranks: Int32Array, keys: Float64Array, sorted: Float64Array): void {
  const n = scores.length;
  for (let i = 0; i < n; i++) keys[i] = rankKey(scores[i]!);
  sorted.set(keys);
  sorted.sort();
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = n - lo + 1;
  }
}

const tierTolerance = 1e-9;

/** The highest tier whose minScore ≤ score (strictly below the score when the tier is `exclusive`); null if none. */
export function tierFor(score: number, tiers: readonly TTier[]): string | null {
  let best: TTier | null = null;
  for (const t of tiers) {
    const reached = t.exclusive ? score > t.minScore + tierTolerance : score >= t.minScore - tierTolerance;
    if (reached && (best === null || t.minScore > best.minScore)) best = t;
  }
  return best?.name ?? null;
}

/** tierFor over a list of scores. */
export function assignTiers(scores: readonly number[], tiers: readonly TTier[]): (string | null)[] {
  return scores.map((s) => tierFor(s, tiers));
}
