import type { TCriterion, TReviewAggregation } from '@kechuang/contracts';
import Decimal from 'decimal.js';

/*
 * Scores and their aggregation (domain-rules §6.3, a programme-level choice): the arithmetic mean, the trimmed
 * mean (去掉一个最高分和一个最低分后取算术平均, only when five or more experts scored — with fewer, the plain mean)
 * or the median. Exact decimal arithmetic throughout; the result is rounded to two decimals (half up) only at
 * the end. A subject is flagged for re-review when max − min passes the threshold, and marked when any expert
 * gave a veto opinion. Ranks are competition ranks (1, 2, 2, 4): vetoed subjects after the others, then by
 * score, ties broken by the subject id so the order is stable.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The weighted total of one expert's sheet: Σ score × weight. Throws the offending key when out of range. */
export function sheetTotal(criteria: TCriterion[], scores: Record<string, string>): { total: string; error: string | null } {
  let total = new D(0);
  for (const c of criteria) {
    const raw = scores[c.key];
    if (raw === undefined) return { total: '0', error: `missing:${c.key}` };
    const v = new D(raw);
    if (v.lt(c.min) || v.gt(c.max)) return { total: '0', error: `range:${c.key}` };
    total = total.plus(v.times(c.weight));
  }
  for (const key of Object.keys(scores)) if (!criteria.some((c) => c.key === key)) return { total: '0', error: `unknown:${key}` };
  return { total: total.toString(), error: null };
}

export interface Aggregate {
  n: number;
  /** rounded to two decimals */
  score: string | null;
  /** the exact value before rounding */
  exact: string | null;
  /** the same as a decimal, for ranking without parsing it again */
  value: Decimal | null;
  min: string | null;
  max: string | null;
  spread: string | null;
  dispersed: boolean;
  vetoed: boolean;
}

export function aggregate(totals: string[], method: TReviewAggregation, threshold: string, vetoes = 0): Aggregate {
  const n = totals.length;
  if (n === 0)
    return { n, score: null, exact: null, value: null, min: null, max: null, spread: null, dispersed: false, vetoed: vetoes > 0 };
  const sorted = totals.map((t) => new D(t)).sort((a, b) => a.comparedTo(b));
  const lo = sorted[0] as Decimal;
  const hi = sorted[n - 1] as Decimal;
  let value: Decimal;
  if (method === 'median') {
    const mid = Math.floor(n / 2);
    value = n % 2 === 1 ? (sorted[mid] as Decimal) : (sorted[mid - 1] as Decimal).plus(sorted[mid] as Decimal).div(2);
  } else {
    const used = method === 'trimmed_mean' && n >= 5 ? sorted.slice(1, n - 1) : sorted;
    value = used.reduce((a, b) => a.plus(b), new D(0)).div(used.length);
  }
  const spread = hi.minus(lo);
  return {
    n,
    score: value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    exact: value.toString(),
    value,
    min: lo.toString(),
    max: hi.toString(),
    spread: spread.toString(),
    dispersed: spread.gt(threshold),
    vetoed: vetoes > 0,
  };
}

export interface Rankable {
  id: number;
  group: string | null;
  agg: Aggregate;
}

/** Competition ranks over the whole batch and within each group; unscored subjects get no rank. */
export function rank<T extends Rankable>(rows: T[]): Array<T & { rank: number | null; groupRank: number | null }> {
  const keys = new Map<number, Decimal>();
  for (const r of rows) if (r.agg.exact !== null) keys.set(r.id, r.agg.value ?? new D(r.agg.exact));
  const key = (r: T) => keys.get(r.id);
  const scored = rows.filter((r) => r.agg.exact !== null);
  const cmp = (a: T, b: T) => {
    if (a.agg.vetoed !== b.agg.vetoed) return a.agg.vetoed ? 1 : -1;
    const d = (key(b) as Decimal).comparedTo(key(a) as Decimal);
    return d !== 0 ? d : a.id - b.id;
  };
  const same = (a: T, b: T) => a.agg.vetoed === b.agg.vetoed && (key(a) as Decimal).eq(key(b) as Decimal);
  const ranks = new Map<number, number>();
  const groupRanks = new Map<number, number>();
  const assign = (list: T[], into: Map<number, number>) => {
    list.sort(cmp);
    list.forEach((r, i) => {
      const prev = list[i - 1];
      into.set(r.id, prev && same(prev, r) ? (into.get(prev.id) as number) : i + 1);
    });
  };
  assign([...scored], ranks);
  const groups = new Map<string, T[]>();
  for (const r of scored) {
    const g = groups.get(r.group ?? '') ?? [];
    g.push(r);
    groups.set(r.group ?? '', g);
  }
  for (const g of groups.values()) assign(g, groupRanks);
  const out = rows.map((r) => ({ ...r, rank: ranks.get(r.id) ?? null, groupRank: groupRanks.get(r.id) ?? null }));
  return out.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.id - b.id);
}
