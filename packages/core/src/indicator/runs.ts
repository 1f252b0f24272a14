import {
  AppError,
  type TEvaluationInput,
  type TEvaluationResult,
  type TEvaluationRun,
  type TEvaluationScheme,
  type TRunRegion,
  type TRunSummary,
  type TSensitivity,
  type TStoredScheme,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { catalogMap } from './catalog.ts';
import { evaluate, sensitivity } from './evaluation/index.ts';
import { requireIndicatorWriter } from './indicator.policy.ts';
import { Resolver } from './rollup.ts';
import { findScheme, schemeCodes } from './schemes.ts';
import { loadStored, loadTree, withOperands } from './values.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type Origins = { stored: number; rolledUp: number; derived: number };

/**
 * The engine's input for a scheme and year: every current region of the scheme's level under its parent,
 * with its actual values (stored, or rolled up / derived from the regions below — never a mean of ratios)
 * and its targets (for the distance-to-target method).
 */
export async function gatherInput(
  ctx: Pick<Ctx, 'db' | 'cache'>,
  /** parentRegionCode null = every region of the level in the country (bench/indicators.ts) */
  scheme: Pick<TStoredScheme, 'level'> & { parentRegionCode: string | null; definition: TEvaluationScheme },
  year: number,
): Promise<{ input: TEvaluationInput; origins: Origins; excluded: { code: string; name: string }[] }> {
  const tree = await loadTree(ctx, scheme.parentRegionCode);
  const regions = [...tree.levels]
    .filter(([, level]) => level === scheme.level)
    .map(([code]) => ({ code, name: tree.names.get(code) ?? code }));
  const codes = [...new Set(schemeCodes(scheme.definition))];
  const catalog = await catalogMap(ctx);
  const period = String(year);
  const stored = await loadStored(ctx.db, {
    root: scheme.parentRegionCode,
    indicators: withOperands(codes, catalog),
    periods: [period],
    kinds: ['actual', 'target'],
  });
  const actual = new Resolver(catalog, stored.get(`${period}|actual`) ?? new Map(), tree.children);
  const targetTable = stored.get(`${period}|target`);
  // no stored target at all: every target resolves to null (nothing to roll up or derive from)
  const target = targetTable && targetTable.size > 0 ? new Resolver(catalog, targetTable, tree.children) : null;
  const origins: Origins = { stored: 0, rolledUp: 0, derived: 0 };
  const values: TEvaluationInput['values'] = {};
  const targets: TEvaluationInput['values'] = {};
  for (const r of regions) {
    const v: Record<string, number | null> = {};
    const t: Record<string, number | null> = {};
    for (const c of codes) {
      const a = actual.get(c, r.code);
      v[c] = a?.value ?? null;
      if (a) origins[a.origin === 'rolled_up' ? 'rolledUp' : a.origin]++;
      t[c] = target?.get(c, r.code)?.value ?? null;
    }
    values[r.code] = v;
    targets[r.code] = t;
  }
  // A region with no value for any indicator of the scheme (e.g. a statistical zone such as a 高新区 code
  // that reports nothing) is not evaluated rather than ranked last on imputed zeros; runs name them.
  const excluded = regions.filter((r) => Object.values(values[r.code] ?? {}).every((x) => x === null));
  for (const r of excluded) {
    delete values[r.code];
    delete targets[r.code];
  }
  const evaluated = regions.filter((r) => !excluded.includes(r));
  return { input: { regions: evaluated, values, targets }, origins, excluded };
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function selectRuns(db: Db) {
  return db
    .selectFrom('evaluation_run as e')
    .leftJoin('app_user as u', 'u.id', 'e.computed_by')
    .select([
      'e.id',
      'e.scheme_id',
      'e.scheme_version',
      'e.year',
      'e.region_count',
      'e.computed_at',
      'e.computed_via',
      'e.previous_ranks_from',
      'u.username',
    ]);
}
type RunRow = Awaited<ReturnType<ReturnType<typeof selectRuns>['execute']>>[number];
function toSummary(r: RunRow): TRunSummary {
  return {
    id: r.id,
    schemeId: r.scheme_id,
    schemeVersion: r.scheme_version,
    year: r.year,
    regionCount: r.region_count,
    computedAt: iso(r.computed_at),
    computedBy: r.username ?? r.computed_via,
    previousRanksFrom: r.previous_ranks_from as TRunSummary['previousRanksFrom'],
  };
}

/**
 * The steps of a run, reported as they end (a run started as a job shows them as its progress): values
 * loaded, previous ranks found, scores and ranks computed, sensitivity analysed, run saved.
 */
export const runSteps = 5;

/**
 * Runs a scheme for a year and stores the result. Previous ranks (进位/退位) come from the latest stored
 * run of year − 1, or else from evaluating year − 1 with today's scheme when there are values for it.
 */
export async function createRun(
  ctx: Ctx,
  schemeId: number,
  body: { year: number; samples: number; perturbation: number },
  /** called with the number of steps done (of runSteps) as each ends */
  onStep?: (done: number) => Promise<void>,
): Promise<TEvaluationRun> {
  const step = async (done: number) => {
    if (onStep) await onStep(done);
  };
  const actor = requireIndicatorWriter(ctx);
  const scheme = await findScheme(ctx, ctx.db, schemeId);
  const { input, origins, excluded } = await gatherInput(ctx, scheme, body.year);
  if (input.regions.length === 0) throw new AppError('indicator/no_regions', { schemeId });
  await step(1);
  const prevRun = await ctx.db
    .selectFrom('evaluation_run')
    .select(['result'])
    .where('scheme_id', '=', schemeId)
    .where('year', '=', body.year - 1)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  let previousRanksFrom: TRunSummary['previousRanksFrom'] = 'none';
  let previousRanks: Record<string, number> | undefined;
  if (prevRun) {
    previousRanks = Object.fromEntries((prevRun.result as TEvaluationResult).results.map((r) => [r.code, r.rank]));
    previousRanksFrom = 'run';
  } else {
    const prev = await gatherInput(ctx, scheme, body.year - 1);
    if (prev.origins.stored + prev.origins.rolledUp + prev.origins.derived > 0) {
      previousRanks = Object.fromEntries(evaluate(scheme.definition, prev.input).results.map((r) => [r.code, r.rank]));
      previousRanksFrom = 'computed';
    }
  }
  await step(2);
  const full = previousRanks ? { ...input, previousRanks } : input;
  const result = evaluate(scheme.definition, full);
  if (excluded.length > 0) result.method.notes.push(`未参评（方案内所有指标均无数据）：${excluded.map((r) => r.name).join('、')}。`);
  await step(3);
  const sens = sensitivity(scheme.definition, full, { samples: body.samples, perturbation: body.perturbation, seed: 1 });
  await step(4);
  const run = await withAudit(ctx, async (tx, record) => {
    const { id } = await tx
      .insertInto('evaluation_run')
      .values({
        scheme_id: schemeId,
        scheme_version: scheme.version,
        year: body.year,
        definition: JSON.stringify(scheme.definition),
        result: JSON.stringify(result),
        sensitivity: JSON.stringify(sens),
        origins: JSON.stringify(origins),
        region_count: input.regions.length,
        previous_ranks_from: previousRanksFrom,
        computed_by: actor.userId,
        computed_via: actor.username,
        computed_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'indicator.evaluation.run',
      entityType: 'evaluation_run',
      entityId: id,
      regionCode: scheme.parentRegionCode,
      after: { schemeId, year: body.year, regions: input.regions.length, origins },
    });
    return loadRun(ctx, tx, id);
  });
  await step(runSteps);
  return run;
}

async function loadRun(ctx: Ctx, db: Db, runId: number): Promise<TEvaluationRun> {
  const row = await selectRuns(db)
    .select(['e.definition', 'e.result', 'e.sensitivity', 'e.origins'])
    .where('e.id', '=', runId)
    .executeTakeFirst();
  if (!row) throw new AppError('indicator/run_not_found', { runId });
  await findScheme(ctx, db, row.scheme_id); // scope check through the scheme
  return {
    ...toSummary(row),
    definition: row.definition as TEvaluationScheme,
    result: row.result as TEvaluationResult,
    sensitivity: row.sensitivity as TSensitivity,
    origins: row.origins as Origins,
  };
}

export async function listRuns(ctx: Ctx, schemeId: number): Promise<TRunSummary[]> {
  await findScheme(ctx, ctx.db, schemeId);
  return (await selectRuns(ctx.db).where('e.scheme_id', '=', schemeId).orderBy('e.year', 'desc').orderBy('e.id', 'desc').execute()).map(
    toSummary,
  );
}

export async function getRun(ctx: Ctx, runId: number): Promise<TEvaluationRun> {
  return loadRun(ctx, ctx.db, runId);
}

/** One region's score, rank, tier and per-indicator breakdown in a run. */
export async function getRunRegion(ctx: Ctx, runId: number, code: string): Promise<TRunRegion> {
  const run = await loadRun(ctx, ctx.db, runId);
  const region = run.result.results.find((r) => r.code === code);
  if (!region) throw new AppError('region/not_found', { code });
  return { runId, year: run.year, region, sensitivity: run.sensitivity[code] ?? null, regionCount: run.regionCount };
}
