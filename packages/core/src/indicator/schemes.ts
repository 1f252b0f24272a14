import { AppError, type TEvaluationScheme, type TSchemeNode, type TStoredScheme, type ZEvaluationSchemeInput } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import type { z } from 'zod';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { catalogMap } from './catalog.ts';
import { validateScheme } from './evaluation/index.ts';
import { assertReadScope, requireIndicatorReader, requireIndicatorWriter } from './indicator.policy.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Input = z.output<typeof ZEvaluationSchemeInput>;

export function schemeCodes(def: TEvaluationScheme): string[] {
  const out: string[] = [];
  const walk = (n: TSchemeNode) => (n.kind === 'indicator' ? out.push(n.code) : n.children.forEach(walk));
  def.groups.forEach(walk);
  return out;
}

function selectSchemes(db: Db) {
  return db
    .selectFrom('evaluation_scheme as s')
    .innerJoin('region as r', 'r.code', 's.parent_region_code')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.name',
      's.description',
      's.level',
      's.parent_region_code',
      'r.name as region_name',
      'r.level as region_level',
      's.definition',
      'u.username',
      's.version',
      's.created_at',
      's.updated_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectSchemes>['execute']>>[number];
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function toScheme(r: Row): TStoredScheme {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    level: r.level as 2 | 3,
    parentRegionCode: r.parent_region_code,
    parentRegionName: r.region_name,
    definition: r.definition as TEvaluationScheme,
    createdBy: r.username,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Loads a scheme the actor may read (its parent region in the actor's subtree). */
export async function findScheme(ctx: Ctx, db: Db, id: number): Promise<TStoredScheme> {
  const actor = requireIndicatorReader(ctx);
  const row = await selectSchemes(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('indicator/scheme_not_found', { id });
  assertReadScope(actor, row.parent_region_code);
  return toScheme(row);
}

/** The engine's checks (zod shape, weights, duplicate codes …) plus: every indicator is in the catalog, and the level lies below the parent. */
async function checked(ctx: Ctx, db: Db, input: Input): Promise<TEvaluationScheme> {
  const def = validateScheme(input.definition);
  const catalog = await catalogMap(ctx, db);
  const unknown = schemeCodes(def).filter((c) => !catalog.has(c));
  if (unknown.length > 0)
    throw new AppError('indicator/invalid_scheme', {
      issues: unknown.map((c) => ({ path: 'definition', message: `指标“${c}”不在指标目录中` })),
    });
  const parent = await db.selectFrom('region').select(['level']).where('code', '=', input.parentRegionCode).executeTakeFirst();
  if (!parent) throw new AppError('region/not_found', { code: input.parentRegionCode });
  if (parent.level >= input.level)
    throw new AppError('indicator/invalid_scheme', { issues: [{ path: 'level', message: '被评价地区的层级须低于上级地区' }] });
  return def;
}

export async function listSchemes(ctx: Ctx, q: { region?: string | undefined }): Promise<TStoredScheme[]> {
  const actor = requireIndicatorReader(ctx);
  const region = q.region ?? actor.regionCode;
  assertReadScope(actor, region);
  const rows = await selectSchemes(ctx.db).where('s.parent_region_code', 'like', subtreePattern(region)).orderBy('s.id', 'desc').execute();
  return rows.map(toScheme);
}

export async function getScheme(ctx: Ctx, id: number): Promise<TStoredScheme> {
  return findScheme(ctx, ctx.db, id);
}

export async function createScheme(ctx: Ctx, input: Input): Promise<TStoredScheme> {
  const actor = requireIndicatorWriter(ctx);
  assertReadScope(actor, input.parentRegionCode);
  return withAudit(ctx, async (tx, record) => {
    const def = await checked(ctx, tx, input);
    const { id } = await tx
      .insertInto('evaluation_scheme')
      .values({
        name: input.name,
        description: input.description,
        level: input.level,
        parent_region_code: input.parentRegionCode,
        definition: JSON.stringify(def),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const out = await findScheme(ctx, tx, id);
    record({
      action: 'indicator.scheme.create',
      entityType: 'evaluation_scheme',
      entityId: id,
      regionCode: input.parentRegionCode,
      after: out,
    });
    return out;
  });
}

export async function updateScheme(ctx: Ctx, id: number, input: Input & { version: number }): Promise<TStoredScheme> {
  const actor = requireIndicatorWriter(ctx);
  assertReadScope(actor, input.parentRegionCode);
  return withAudit(ctx, async (tx, record) => {
    const before = await findScheme(ctx, tx, id);
    if (before.version !== input.version) throw new AppError('common/conflict', { id });
    const def = await checked(ctx, tx, input);
    await tx
      .updateTable('evaluation_scheme')
      .set((eb) => ({
        name: input.name,
        description: input.description,
        level: input.level,
        parent_region_code: input.parentRegionCode,
        definition: JSON.stringify(def),
        version: eb('version', '+', 1),
        updated_at: ctx.now(),
      }))
      .where('id', '=', id)
      .execute();
    const out = await findScheme(ctx, tx, id);
    record({
      action: 'indicator.scheme.update',
      entityType: 'evaluation_scheme',
      entityId: id,
      regionCode: input.parentRegionCode,
      before,
      after: out,
    });
    return out;
  });
}

/**
 * Deletes a scheme and its stored runs (their results go with it; the audit log keeps the scheme's
 * definition and how many runs it had). `version`: the one the user confirmed on.
 */
export async function deleteScheme(ctx: Ctx, id: number, version: number): Promise<{ ok: true }> {
  const actor = requireIndicatorWriter(ctx);
  return withAudit(ctx, async (tx, record) => {
    const before = await findScheme(ctx, tx, id);
    assertReadScope(actor, before.parentRegionCode);
    if (before.version !== version) throw new AppError('common/conflict', { id });
    const runs = await tx
      .selectFrom('evaluation_run')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('scheme_id', '=', id)
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('evaluation_scheme').where('id', '=', id).execute();
    record({
      action: 'indicator.scheme.delete',
      entityType: 'evaluation_scheme',
      entityId: id,
      regionCode: before.parentRegionCode,
      before: { ...before, runs: Number(runs.n) },
    });
    return { ok: true as const };
  });
}
