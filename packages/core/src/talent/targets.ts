import { AppError, regionContains, type TServiceTargetQuery, type TServiceTargetRow } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { containsPattern, subtreePattern } from '../query.ts';
import { tableXlsx } from '../xlsx-table.ts';
import { requireTalentReader, requireTalentWriter } from './talent.policy.ts';
import { type Db, loadCommissioner } from './talent.repository.ts';

/*
 * 服务对象 (villages, co-operatives, enterprises) across the bureau's 特派员: listed with their region codes and how
 * often they were served, corrected by the bureau or the 特派员 themself, removed while nothing was logged for
 * them, and exported to Excel. A 服务对象 lies in the county the 特派员 is dispatched to, and a 村 code (12 digits,
 * 统计用区划代码) begins with its county's code.
 */

export interface TargetInput {
  kind: string;
  name: string;
  regionCode: string;
  villageCode: string | null;
}

export function checkTargetPlace(commissionerRegion: string, input: TargetInput): void {
  if (!regionContains(commissionerRegion, input.regionCode)) throw new AppError('talent/target_region', { regionCode: input.regionCode });
  if (input.villageCode && !input.villageCode.startsWith(input.regionCode.slice(0, 6)))
    throw new AppError('talent/target_region', { villageCode: input.villageCode });
}

function targetQuery(db: Db) {
  return db
    .selectFrom('service_target as t')
    .innerJoin('commissioner as c', 'c.id', 't.commissioner_id')
    .innerJoin('talent as a', 'a.id', 'c.talent_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select([
      't.id',
      't.kind',
      't.name',
      't.region_code',
      't.village_code',
      't.served_logs',
      't.commissioner_id',
      'p.name as commissioner_name',
      'c.year',
    ]);
}
type TargetRow = Awaited<ReturnType<ReturnType<typeof targetQuery>['executeTakeFirstOrThrow']>>;

const toRow = (r: TargetRow): TServiceTargetRow => ({
  id: r.id,
  kind: r.kind as TServiceTargetRow['kind'],
  name: r.name,
  regionCode: r.region_code,
  villageCode: r.village_code,
  commissionerId: r.commissioner_id,
  commissionerName: r.commissioner_name,
  year: r.year,
  servedLogs: r.served_logs,
});

function scoped(ctx: Ctx, q: Omit<TServiceTargetQuery, 'page' | 'pageSize'>) {
  const actor = requireActor(ctx);
  const region = q.region ?? actor.regionCode;
  requireTalentReader(ctx, region);
  let query = targetQuery(ctx.db).where('t.region_code', 'like', subtreePattern(region));
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.kind) query = query.where('t.kind', '=', q.kind);
  if (q.q) {
    const like = containsPattern(q.q);
    query = query.where((eb) => eb.or([eb('t.name', 'like', like), eb('p.name', 'like', like)]));
  }
  return query;
}

export async function listTargets(ctx: Ctx, q: TServiceTargetQuery) {
  const query = scoped(ctx, q);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('t.region_code')
    .orderBy('t.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toRow), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** The bureau of the 特派员's county, or the 特派员 themself. */
async function targetForChange(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const t = await targetQuery(ctx.db).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('talent/target_not_found', { id });
  const c = await loadCommissioner(ctx.db, t.commissioner_id);
  if (c.user_id !== actor.userId) requireTalentWriter(ctx, c.region_code);
  return { t, c };
}

export async function updateTarget(ctx: Ctx, id: number, input: TargetInput): Promise<TServiceTargetRow> {
  const { t, c } = await targetForChange(ctx, id);
  checkTargetPlace(c.region_code, input);
  return withAudit(ctx, async (tx, record) => {
    await tx
      .updateTable('service_target')
      .set({ kind: input.kind, name: input.name, region_code: input.regionCode, village_code: input.villageCode })
      .where('id', '=', id)
      .execute();
    record({
      action: 'talent.target.update',
      entityType: 'service_target',
      entityId: id,
      regionCode: c.region_code,
      before: { kind: t.kind, name: t.name, regionCode: t.region_code, villageCode: t.village_code },
      after: input,
    });
    return toRow(await targetQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function deleteTarget(ctx: Ctx, id: number): Promise<{ id: number }> {
  const { t, c } = await targetForChange(ctx, id);
  return withAudit(ctx, async (tx, record) => {
    const logged = await tx.selectFrom('service_log').select('id').where('target_id', '=', id).limit(1).executeTakeFirst();
    if (logged) throw new AppError('talent/target_has_logs', { id });
    await tx.deleteFrom('service_target').where('id', '=', id).execute();
    record({
      action: 'talent.target.delete',
      entityType: 'service_target',
      entityId: id,
      regionCode: c.region_code,
      before: { commissionerId: t.commissioner_id, kind: t.kind, name: t.name, regionCode: t.region_code, villageCode: t.village_code },
    });
    return { id };
  });
}

const kindZh: Record<string, string> = { village: '村', coop: '合作社', enterprise: '企业' };

export async function exportTargetsXlsx(ctx: Ctx, q: Omit<TServiceTargetQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const rows = (await scoped(ctx, q).orderBy('t.region_code').orderBy('t.id').limit(50_000).execute()).map(toRow);
  return tableXlsx(
    '服务对象',
    [
      { header: '服务对象', width: 30, value: (r: TServiceTargetRow) => r.name },
      { header: '类型', width: 8, value: (r) => kindZh[r.kind] ?? r.kind },
      { header: '地区代码', width: 10, value: (r) => r.regionCode },
      { header: '村级区划代码', width: 14, value: (r) => r.villageCode },
      { header: '科技特派员', width: 10, value: (r) => r.commissionerName },
      { header: '选派年度', width: 8, value: (r) => r.year },
      { header: '服务次数', width: 8, value: (r) => r.servedLogs },
    ],
    rows,
  );
}
