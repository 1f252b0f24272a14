import { AppError, type TUpward } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { type TableColumn, tableXlsx } from '../xlsx-table.ts';
import { fenToWan } from './money.ts';
import { requireManagerOf } from './project.policy.ts';
import { refreshProjectIndicators } from './project-indicators.ts';

/*
 * 争资: projects the bureau recommends upward to provincial or national programmes, and what they won, so
 * "立项争资3500万元" is measured from records (indicator st_project_funding).
 */

type Row = {
  id: number;
  project_id: number | null;
  region_code: string;
  org_name: string;
  title: string;
  level: string;
  programme_name: string;
  year: number;
  recommended_on: string;
  status: string;
  won_fen: string | null;
  version: number;
};
const toUpward = (r: Row): TUpward => ({
  id: r.id,
  projectId: r.project_id,
  regionCode: r.region_code,
  orgName: r.org_name,
  title: r.title,
  level: r.level as TUpward['level'],
  programmeName: r.programme_name,
  year: r.year,
  recommendedOn: r.recommended_on,
  status: r.status as TUpward['status'],
  wonFen: r.won_fen === null ? null : Number(r.won_fen),
  version: r.version,
});

export async function createUpward(
  ctx: Ctx,
  input: Omit<TUpward, 'id' | 'status' | 'wonFen' | 'version' | 'projectId'> & { projectId?: number | null | undefined },
): Promise<TUpward> {
  requireManagerOf(ctx, input.regionCode);
  return withAudit(ctx, async (tx, record) => {
    if (input.projectId) {
      const p = await tx.selectFrom('project').select('id').where('id', '=', input.projectId).executeTakeFirst();
      if (!p) throw new AppError('project/not_found', { id: input.projectId });
    }
    const row = await tx
      .insertInto('project_upward')
      .values({
        project_id: input.projectId ?? null,
        region_code: input.regionCode,
        org_name: input.orgName,
        title: input.title,
        level: input.level,
        programme_name: input.programmeName,
        year: input.year,
        recommended_on: input.recommendedOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({ action: 'project.upward.create', entityType: 'project_upward', entityId: row.id, regionCode: row.region_code, after: input });
    return toUpward(row);
  });
}

export async function setUpwardResult(
  ctx: Ctx,
  id: number,
  input: { version: number; status: 'won' | 'lost'; wonFen?: number | undefined },
): Promise<TUpward> {
  return withAudit(ctx, async (tx, record) => {
    const before = await tx.selectFrom('project_upward').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('project/upward_not_found', { id });
    requireManagerOf(ctx, before.region_code);
    if (before.version !== input.version) throw new AppError('common/conflict', { id, version: input.version });
    if (input.status === 'won' && (input.wonFen === undefined || input.wonFen <= 0))
      throw new AppError('project/won_amount_required', { id });
    const row = await tx
      .updateTable('project_upward')
      .set((eb) => ({
        status: input.status,
        won_fen: input.status === 'won' ? (input.wonFen ?? null) : null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshProjectIndicators(tx, row.region_code, row.year, {
      userId: ctx.actor?.userId ?? null,
      via: ctx.actor?.username ?? null,
      now: ctx.now(),
    });
    record({
      action: 'project.upward.result',
      entityType: 'project_upward',
      entityId: id,
      regionCode: row.region_code,
      before: { status: before.status, wonFen: before.won_fen },
      after: input,
    });
    return toUpward(row);
  });
}

export async function listUpward(ctx: Ctx, input: { year?: number | undefined; region?: string | undefined }): Promise<TUpward[]> {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  let q = ctx.db.selectFrom('project_upward').selectAll().where('region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) q = q.where('region_code', 'like', subtreePattern(input.region));
  if (input.year) q = q.where('year', '=', input.year);
  return (await q.orderBy('id', 'desc').limit(2000).execute()).map(toUpward);
}

const upwardStatusZh = { recommended: '已推荐', won: '获得立项', lost: '未获立项' } as const;
const upwardColumns: TableColumn<TUpward>[] = [
  { header: '年度', width: 8, value: (u) => u.year },
  { header: '项目名称', width: 40, value: (u) => u.title },
  { header: '承担单位', width: 30, value: (u) => u.orgName },
  { header: '地区代码', width: 10, value: (u) => u.regionCode },
  { header: '层级', width: 8, value: (u) => (u.level === 'national' ? '国家' : '省') },
  { header: '计划名称', width: 24, value: (u) => u.programmeName },
  { header: '推荐日期', width: 12, value: (u) => u.recommendedOn },
  { header: '结果', width: 10, value: (u) => upwardStatusZh[u.status] },
  { header: '争取资金（万元）', width: 16, value: (u) => (u.wonFen === null ? null : Number(fenToWan(u.wonFen))) },
];

/** 争资: the recommendations upward the actor sees, as one sheet; money in 万元. */
export async function exportUpwardXlsx(ctx: Ctx, input: { year?: number | undefined; region?: string | undefined }): Promise<Buffer> {
  return tableXlsx('争资', upwardColumns, await listUpward(ctx, input));
}
