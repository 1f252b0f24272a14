import { AppError, type TProgramme, type TProgrammeInput } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { requireManagerOf } from './project.policy.ts';

const toProgramme = (r: { id: number; region_code: string; kind: string; name: string }): TProgramme => ({
  id: r.id,
  regionCode: r.region_code,
  kind: r.kind as TProgramme['kind'],
  name: r.name,
});

/** 计划类别 of the bureau's region (admin or planner within it). */
export async function createProgramme(ctx: Ctx, input: TProgrammeInput): Promise<TProgramme> {
  requireManagerOf(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    const clash = await tx
      .selectFrom('project_programme')
      .select('id')
      .where('region_code', '=', input.regionCode)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash) throw new AppError('project/duplicate_programme', { name: input.name });
    const row = await tx
      .insertInto('project_programme')
      .values({ region_code: input.regionCode, kind: input.kind, name: input.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({
      action: 'project.programme.create',
      entityType: 'project_programme',
      entityId: row.id,
      regionCode: row.region_code,
      after: input,
    });
    return toProgramme(row);
  });
}

/** The programmes of the bureau's subtree (region-wide roles only). */
export async function listProgrammes(ctx: Ctx): Promise<TProgramme[]> {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  const rows = await ctx.db
    .selectFrom('project_programme')
    .selectAll()
    .where('region_code', 'like', subtreePattern(actor.regionCode))
    .orderBy('region_code')
    .orderBy('id')
    .execute();
  return rows.map(toProgramme);
}
