import { AppError, type TComparison, type TIndicatorValueKind, type TRanking } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { reader } from '../reader.ts';
import { catalogMap } from './catalog.ts';
import { assertReadScope, requireIndicatorReader } from './indicator.policy.ts';
import { Resolver } from './rollup.ts';
import { getOr, loadStored, loadTree, type StoredTable, withOperands } from './values.repository.ts';

/** Competition ranking (1, 2, 2, 4) by polarity; regions without a value get no rank and go last. */
export function rankValues<T extends { value: { value: number } | null }>(
  rows: T[],
  negative: boolean,
): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => {
    if (!a.value || !b.value) return a.value ? -1 : b.value ? 1 : 0;
    return negative ? a.value.value - b.value.value : b.value.value - a.value.value;
  });
  let prev: number | null = null;
  let prevRank = 0;
  return sorted.map((r, i) => {
    if (!r.value) return { ...r, rank: null };
    const rank = prev !== null && r.value.value === prev ? prevRank : i + 1;
    prev = r.value.value;
    prevRank = rank;
    return { ...r, rank };
  });
}

/** One indicator across the child regions of a region for a period, ranked (stored, rolled up or derived). */
export async function indicatorRanking(
  ctx: Ctx,
  q: { indicator: string; region: string; period: string; kind: TIndicatorValueKind },
): Promise<TRanking> {
  const actor = requireIndicatorReader(ctx);
  assertReadScope(actor, q.region);
  const catalog = await catalogMap(ctx);
  const indicator = catalog.get(q.indicator);
  if (!indicator) throw new AppError('indicator/not_found', { code: q.indicator });
  const key = `indicator:ranking:${q.indicator}:${q.region}:${q.period}:${q.kind}`;
  const hit = ctx.cache.get<TRanking>(key); // embedded database only, cleared by every committed mutation
  if (hit) return hit;
  const tree = await loadTree(ctx, q.region);
  if (!tree.names.has(q.region)) throw new AppError('region/not_found', { code: q.region });
  const stored = await loadStored(reader(ctx), {
    root: q.region,
    indicators: withOperands([q.indicator], catalog),
    periods: [q.period],
    kinds: [q.kind],
  });
  const resolver = new Resolver(catalog, stored.get(`${q.period}|${q.kind}`) ?? new Map(), tree.children);
  const rows = (tree.children.get(q.region) ?? []).map((code) => ({
    regionCode: code,
    regionName: tree.names.get(code) ?? code,
    value: resolver.get(q.indicator, code),
  }));
  const out: TRanking = {
    indicator,
    regionCode: q.region,
    period: q.period,
    kind: q.kind,
    parent: resolver.get(q.indicator, q.region),
    rows: rankValues(rows, indicator.polarity === 'negative'),
  };
  ctx.cache.set(key, out);
  return out;
}

/**
 * Chosen regions side by side for chosen indicators (default: every indicator), with a radar score per
 * cell: 100 × value / best for positive indicators, 100 × best / value for negative ones, among the
 * compared regions (null when the best is not positive).
 */
export async function compareRegions(
  ctx: Ctx,
  q: { regions: string[]; indicators?: string[] | undefined; period: string; kind: TIndicatorValueKind },
): Promise<TComparison> {
  const actor = requireIndicatorReader(ctx);
  for (const r of q.regions) assertReadScope(actor, r);
  const catalog = await catalogMap(ctx);
  const codes = q.indicators ?? [...catalog.keys()];
  for (const c of codes) if (!catalog.has(c)) throw new AppError('indicator/not_found', { code: c });
  const tree = await loadTree(ctx, actor.regionCode);
  const regions = [...new Set(q.regions)];
  for (const r of regions) if (!tree.names.has(r)) throw new AppError('region/not_found', { code: r });
  const merged: StoredTable = new Map();
  for (const r of regions) {
    const leaf = (tree.children.get(r) ?? []).length === 0;
    const part = (
      await loadStored(reader(ctx), {
        root: r,
        exact: leaf,
        indicators: withOperands(codes, catalog),
        periods: [q.period],
        kinds: [q.kind],
      })
    ).get(`${q.period}|${q.kind}`);
    for (const [ind, m] of part ?? []) {
      const into = getOr(merged, ind, () => new Map());
      for (const [k, v] of m) into.set(k, v);
    }
  }
  const resolver = new Resolver(catalog, merged, tree.children);
  const cells: TComparison['cells'] = [];
  for (const code of codes) {
    const negative = catalog.get(code)?.polarity === 'negative';
    const vals = regions.map((r) => ({ r, v: resolver.get(code, r) }));
    const present = vals.flatMap((x) => (x.v ? [x.v.value] : []));
    const best = present.length ? (negative ? Math.min(...present) : Math.max(...present)) : null;
    for (const { r, v } of vals) {
      let radar: number | null = null;
      if (v && best !== null && best > 0)
        radar = negative ? (v.value > 0 ? Math.round((best / v.value) * 10_000) / 100 : null) : Math.round((v.value / best) * 10_000) / 100;
      cells.push({ regionCode: r, indicatorCode: code, value: v, radar });
    }
  }
  return {
    period: q.period,
    kind: q.kind,
    regions: regions.map((code) => ({ code, name: tree.names.get(code) ?? code })),
    indicators: codes.map((c) => catalog.get(c) as NonNullable<ReturnType<typeof catalog.get>>),
    cells,
  };
}
