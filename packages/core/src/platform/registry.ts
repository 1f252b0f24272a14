import {
  AppError,
  type TPlatformDetail,
  type TPlatformEventInput,
  type TPlatformInput,
  type TPlatformLevel,
  type TPlatformListQuery,
  type TPlatformPage,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope, isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern } from '../query.ts';
import { refreshPlatformIndicators } from './indicators.ts';
import { canManagePlatform, canReadPlatform, canReportPlatform, isUnitUser, requirePlatformManager } from './platform.policy.ts';
import { json, levelAbove, platformQuery, toPlatform, writeEvent } from './platform.repository.ts';
import { assertTypeFields, platformType } from './types.ts';

/** The registry: the bureau sees its subtree, a 依托单位 its own platforms. */
export async function listPlatforms(ctx: Ctx, input: TPlatformListQuery): Promise<TPlatformPage> {
  const actor = requireActor(ctx);
  let q = platformQuery(ctx.db);
  if (isRegionWide(actor)) q = q.where('p.region_code', 'like', subtreePattern(input.region ?? actor.regionCode));
  else if (isUnitUser(actor)) q = q.where('p.org_id', '=', actor.orgId);
  else throw new AppError('auth/forbidden');
  if (input.region && isRegionWide(actor) && !inRegionScope(actor, input.region))
    throw new AppError('auth/out_of_scope', { region: input.region });
  if (input.type) q = q.where('p.type_code', '=', input.type);
  if (input.level) q = q.where('p.level', '=', input.level);
  if (input.status) q = q.where('p.status', '=', input.status);
  if (input.q) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('p.name', 'like', like), eb('o.name', 'like', like), eb('p.doc_no', 'like', like)]));
  }
  const { limit, offset } = pageWindow(input);
  const rows = await q
    .select((eb) => eb.fn.countAll<string>().over().as('total'))
    .orderBy('p.approved_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map(toPlatform), total: Number(rows[0]?.total ?? 0), page: input.page, pageSize: input.pageSize };
}

export async function getPlatform(ctx: Ctx, id: number): Promise<TPlatformDetail> {
  const actor = requireActor(ctx);
  const row = await platformQuery(ctx.db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('platform/not_found', { id });
  const p = toPlatform(row);
  if (!canReadPlatform(actor, p)) throw new AppError('auth/out_of_scope', { id });
  const events = await ctx.db
    .selectFrom('platform_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.kind', 'e.from_level', 'e.to_level', 'e.doc_no', 'e.on_date', 'e.note', 'u.display_name'])
    .where('e.platform_id', '=', id)
    .orderBy('e.on_date')
    .orderBy('e.id')
    .execute();
  const reports = await ctx.db.selectFrom('platform_report').selectAll().where('platform_id', '=', id).orderBy('year', 'desc').execute();
  const grades = await ctx.db
    .selectFrom('platform_grade as g')
    .innerJoin('platform_evaluation as e', 'e.id', 'g.evaluation_id')
    .select(['e.year', 'e.id', 'g.score', 'g.grade'])
    .where('g.platform_id', '=', id)
    .where('e.status', '=', 'confirmed')
    .orderBy('e.year', 'desc')
    .execute();
  return {
    ...p,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as 'recognise',
      fromLevel: e.from_level as TPlatformLevel | null,
      toLevel: e.to_level as TPlatformLevel | null,
      docNo: e.doc_no,
      on: e.on_date,
      note: e.note,
      by: e.display_name ?? null,
    })),
    reports: reports.map((r) => ({
      year: r.year,
      data: json(r.data),
      status: r.status as 'draft',
      submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    })),
    grades: grades.map((g) => ({ year: g.year, evaluationId: g.id, score: Number(g.score), grade: g.grade as '合格' })),
    canReport: canReportPlatform(actor, p) && p.status === 'active',
    canManage: canManagePlatform(actor, p),
  };
}

/** A platform recognised elsewhere (国家级、省级) or before the system, entered by the bureau with its 文号. */
export async function registerPlatform(ctx: Ctx, input: TPlatformInput): Promise<TPlatformDetail> {
  const org = await ctx.db.selectFrom('organization').select(['id', 'region_code']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new AppError('common/validation', { issues: [{ path: 'orgId', message: '依托单位不存在' }] });
  const actor = requirePlatformManager(ctx, org.region_code);
  const type = await platformType(ctx.db, input.typeCode);
  assertTypeFields(type, input.fields);
  const id = await withAudit(ctx, async (tx, record) => {
    const p = await tx
      .insertInto('platform')
      .values({
        name: input.name,
        type_code: type.code,
        type_version: type.version,
        level: input.level,
        org_id: org.id,
        region_code: org.region_code,
        doc_no: input.docNo,
        approved_on: input.approvedOn,
        fields: JSON.stringify(input.fields),
        application_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEvent(
      tx,
      { id: p.id, typeCode: type.code, regionCode: org.region_code },
      { kind: 'recognise', from: null, to: input.level, docNo: input.docNo, on: input.approvedOn, userId: actor.userId },
    );
    await refreshPlatformIndicators(tx, org.region_code, [Number(input.approvedOn.slice(0, 4))], ctx, actor.userId);
    record({ action: 'platform.register', entityType: 'platform', entityId: p.id, regionCode: org.region_code, after: input });
    return p.id;
  });
  return getPlatform(ctx, id);
}

/** 升级, 降级 or 摘牌 with the document that decided it; the history and the counts follow. */
export async function changePlatformStatus(ctx: Ctx, id: number, input: TPlatformEventInput): Promise<TPlatformDetail> {
  const p = await ctx.db.selectFrom('platform').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('platform/not_found', { id });
  const actor = requirePlatformManager(ctx, p.region_code);
  if (p.status === 'delisted') throw new AppError('platform/delisted', { id });
  const from = p.level as TPlatformLevel;
  let to: TPlatformLevel | null = null;
  if (input.kind !== 'delist') {
    if (!input.level) throw new AppError('common/validation', { issues: [{ path: 'level', message: '请选择新的级别' }] });
    const ok = input.kind === 'upgrade' ? levelAbove(input.level, from) : levelAbove(from, input.level);
    if (!ok) throw new AppError('platform/level_invalid', { from, to: input.level });
    to = input.level;
  }
  await withAudit(ctx, async (tx, record) => {
    await writeEvent(
      tx,
      { id, typeCode: p.type_code, regionCode: p.region_code },
      { kind: input.kind, from, to, docNo: input.docNo, on: input.on, note: input.note, userId: actor.userId },
    );
    await tx
      .updateTable('platform')
      .set(to === null ? { status: 'delisted' } : { level: to })
      .where('id', '=', id)
      .execute();
    await refreshPlatformIndicators(tx, p.region_code, [Number(input.on.slice(0, 4))], ctx, actor.userId);
    record({
      action: `platform.${input.kind}`,
      entityType: 'platform',
      entityId: id,
      regionCode: p.region_code,
      before: { level: from, status: p.status },
      after: { level: to ?? from, status: to === null ? 'delisted' : 'active', docNo: input.docNo, on: input.on },
    });
  });
  return getPlatform(ctx, id);
}
