import { AppError, type TIndicator, type TIndicatorValueKind, type TRegionProfile, type TResolvedValue } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { reader } from '../reader.ts';
import { loadCatalog } from './catalog.ts';
import { assertReadScope, requireIndicatorReader } from './indicator.policy.ts';
import { Resolver } from './rollup.ts';
import { loadStored, loadTree } from './values.repository.ts';

const kinds: TIndicatorValueKind[] = ['actual', 'target', 'baseline'];

/** actual against target in % (target/actual for negative polarity), 2 decimals; null when not computable. */
export function attainment(ind: Pick<TIndicator, 'polarity'>, actual: TResolvedValue | null, target: TResolvedValue | null): number | null {
  if (!actual || !target) return null;
  const [num, den] = ind.polarity === 'negative' ? [target.value, actual.value] : [actual.value, target.value];
  if (den === 0) return null;
  return Math.round((num / den) * 10_000) / 100;
}

export function yearsOf(from: number, to: number): string[] {
  const out: string[] = [];
  for (let y = from; y <= to; y++) out.push(String(y));
  return out;
}

/**
 * Every indicator of a region over the years (default the ten years up to the current one): actual,
 * target and baseline — stored, or rolled up / derived from the regions below — and target attainment.
 * Indicators without any value in the range are still listed (empty cells), so the page shows the catalog.
 */
export async function regionProfile(
  ctx: Ctx,
  q: { region: string; fromYear?: number | undefined; toYear?: number | undefined },
): Promise<TRegionProfile> {
  const actor = requireIndicatorReader(ctx);
  assertReadScope(actor, q.region);
  const toYear = q.toYear ?? ctx.now().getUTCFullYear();
  const fromYear = q.fromYear ?? toYear - 9;
  if (fromYear > toYear || toYear - fromYear > 30) throw new AppError('common/validation', { fromYear, toYear });
  // Cached on the embedded database until the next committed mutation (like the other hot reads): a
  // profile is read far more often than values change, and a city's profile resolves thousands of values.
  const key = `indicator:profile:${q.region}:${fromYear}:${toYear}`;
  const hit = ctx.cache.get<TRegionProfile>(key);
  if (hit) return hit;
  const tree = await loadTree(ctx, q.region);
  const name = tree.names.get(q.region);
  if (!name) throw new AppError('region/not_found', { code: q.region });
  const catalog = await loadCatalog(ctx);
  const meta = new Map(catalog.map((i) => [i.code, i]));
  const periods = yearsOf(fromYear, toYear);
  const leaf = (tree.children.get(q.region) ?? []).length === 0;
  const stored = await loadStored(reader(ctx), { root: q.region, exact: leaf, periods, kinds });
  const resolvers = new Map<string, Resolver>();
  for (const p of periods)
    for (const k of kinds) resolvers.set(`${p}|${k}`, new Resolver(meta, stored.get(`${p}|${k}`) ?? new Map(), tree.children));
  const get = (code: string, p: string, k: TIndicatorValueKind) => resolvers.get(`${p}|${k}`)?.get(code, q.region) ?? null;
  const out: TRegionProfile = {
    regionCode: q.region,
    regionName: name,
    periods,
    rows: catalog.map((indicator) => ({
      indicator,
      cells: periods.map((period) => {
        const actual = get(indicator.code, period, 'actual');
        const target = get(indicator.code, period, 'target');
        return {
          period,
          actual,
          target,
          baseline: get(indicator.code, period, 'baseline'),
          attainment: attainment(indicator, actual, target),
        };
      }),
    })),
  };
  ctx.cache.set(key, out);
  return out;
}
