import { AppError, type TStProgressInput, type TStProgressResult } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { loadCatalog } from './catalog.ts';
import { assertReadScope, requireIndicatorReader, requireIndicatorWriter } from './indicator.policy.ts';
import { Resolver } from './rollup.ts';
import { solowContribution } from './solow.ts';
import { loadStored, loadTree } from './values.repository.ts';
import { writeValues } from './write-values.ts';

const inputs = { output: 'gdp', capital: 'capital_stock', labour: 'employed_persons' } as const;

/**
 * 科技进步贡献率 of a region (domain-rules §4, solow.ts) from its actual values — stored, or rolled up from the
 * regions below — of 地区生产总值, 资本存量 and 从业人员数 in year − t and year. Optionally written as the actual
 * value of st_progress_contribution (source 'derived', the formula with its figures as the source reference).
 */
export async function deriveStProgress(ctx: Ctx, input: TStProgressInput): Promise<TStProgressResult> {
  const actor = input.save ? requireIndicatorWriter(ctx) : requireIndicatorReader(ctx);
  assertReadScope(actor, input.region);
  const tree = await loadTree(ctx, input.region);
  if (!tree.names.has(input.region)) throw new AppError('region/not_found', { code: input.region });
  const periods = [String(input.year - input.years), String(input.year)];
  const leaf = (tree.children.get(input.region) ?? []).length === 0;
  const catalog = await loadCatalog(ctx);
  const meta = new Map(catalog.map((i) => [i.code, i]));
  const stored = await loadStored(ctx.db, {
    root: input.region,
    exact: leaf,
    periods,
    kinds: ['actual'],
    indicators: Object.values(inputs),
  });
  const resolvers = periods.map((p) => new Resolver(meta, stored.get(`${p}|actual`) ?? new Map(), tree.children));
  const issues: { path: string; message: string }[] = [];
  const levels = {} as TStProgressResult['levels'];
  for (const [key, code] of Object.entries(inputs) as [keyof typeof inputs, string][]) {
    const [start, end] = resolvers.map((r) => r.get(code, input.region)?.value ?? null);
    periods.forEach((p, i) => {
      if ((i === 0 ? start : end) === null) issues.push({ path: key, message: `缺少${meta.get(code)?.nameZh ?? code}${p}年实际值` });
    });
    levels[key] = { start: start ?? 0, end: end ?? 0 };
  }
  if (issues.length > 0) throw new AppError('common/validation', { issues }, issues.map((i) => i.message).join('；'));
  const r = solowContribution({
    output: [levels.output.start, levels.output.end],
    capital: [levels.capital.start, levels.capital.end],
    labour: [levels.labour.start, levels.labour.end],
    years: input.years,
    alpha: input.alpha,
    beta: input.beta,
  });
  const result: TStProgressResult = {
    regionCode: input.region,
    year: input.year,
    years: input.years,
    alpha: input.alpha,
    beta: input.beta,
    levels,
    ...r,
    saved: false,
  };
  if (!input.save) return result;
  return withAudit(ctx, async (tx, record) => {
    const counts = await writeValues(
      tx,
      [
        {
          indicatorCode: 'st_progress_contribution',
          regionCode: input.region,
          period: String(input.year),
          kind: 'actual',
          value: String(r.contribution),
          source: 'derived',
          sourceRef: `索洛余值法 ${periods[0]}–${periods[1]}，α=${input.alpha}，β=${input.beta}`,
          note: r.basis.slice(0, 500),
        },
      ],
      { userId: actor.userId, via: actor.username, now: ctx.now() },
    );
    record({
      action: 'indicator.st_progress.derive',
      entityType: 'indicator_value',
      entityId: null,
      regionCode: input.region,
      after: { ...input, contribution: r.contribution, ...counts },
    });
    return { ...result, saved: true };
  });
}
