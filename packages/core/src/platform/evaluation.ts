import {
  AppError,
  type TPlatformEvaluation,
  type TPlatformEvaluationDetail,
  type TPlatformEvaluationInput,
  type TPlatformGrade,
  type TPlatformLevel,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { gradePlatforms } from './grading.ts';
import { refreshPlatformIndicators } from './indicators.ts';
import { requirePlatformManager, requirePlatformReader } from './platform.policy.ts';
import { type Db, json, writeEvent } from './platform.repository.ts';
import { platformType } from './types.ts';

/*
 * A 绩效评价 run: every active platform of the type in the region's subtree recognised by the end of the year
 * is graded on its submitted yearly report (grading.ts). The run is a draft the bureau may re-run until it
 * confirms it under a document number; confirming applies the consequences (摘牌 after a second 不合格).
 */

async function evaluationRow(db: Db, id: number) {
  const e = await db
    .selectFrom('platform_evaluation as e')
    .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'e.type_code'))
    .selectAll('e')
    .select('t.name as type_name')
    .where('e.id', '=', id)
    .orderBy('t.version', 'desc')
    .executeTakeFirst();
  if (!e) throw new AppError('platform/evaluation_not_found', { id });
  const counts = await db
    .selectFrom('platform_grade')
    .select(['grade', (eb) => eb.fn.countAll<string>().as('n')])
    .where('evaluation_id', '=', id)
    .groupBy('grade')
    .execute();
  const c: Record<string, number> = {};
  for (const r of counts) c[r.grade] = Number(r.n);
  return { e, counts: c };
}

function toEvaluation({ e, counts }: Awaited<ReturnType<typeof evaluationRow>>): TPlatformEvaluation {
  return {
    id: e.id,
    typeCode: e.type_code,
    typeName: e.type_name,
    year: e.year,
    regionCode: e.region_code,
    status: e.status as 'draft',
    docNo: e.doc_no,
    counts,
    createdAt: e.created_at.toISOString(),
  };
}

export async function runPlatformEvaluation(ctx: Ctx, input: TPlatformEvaluationInput): Promise<TPlatformEvaluationDetail> {
  const actor = requirePlatformManager(ctx, input.regionCode);
  const type = await platformType(ctx.db, input.typeCode);
  const previous = await ctx.db
    .selectFrom('platform_evaluation')
    .select(['id', 'status'])
    .where('type_code', '=', type.code)
    .where('year', '=', input.year)
    .where('region_code', '=', input.regionCode)
    .execute();
  if (previous.some((p) => p.status === 'confirmed')) throw new AppError('platform/evaluation_state', { year: input.year });
  const platforms = await ctx.db
    .selectFrom('platform as p')
    .leftJoin('platform_report as r', (j) =>
      j.onRef('r.platform_id', '=', 'p.id').on('r.year', '=', input.year).on('r.status', '=', 'submitted'),
    )
    .select(['p.id', 'p.name', 'r.data'])
    .where('p.type_code', '=', type.code)
    .where('p.status', '=', 'active')
    .where('p.region_code', 'like', subtreePattern(input.regionCode))
    .where('p.approved_on', '<=', `${input.year}-12-31`)
    .orderBy('p.id')
    .execute();
  if (platforms.length === 0) throw new AppError('platform/evaluation_empty', { type: type.code, region: input.regionCode });
  const failed = await ctx.db
    .selectFrom('platform_grade as g')
    .innerJoin('platform_evaluation as e', 'e.id', 'g.evaluation_id')
    .select('g.platform_id')
    .where('e.type_code', '=', type.code)
    .where('e.year', '=', input.year - 1)
    .where('e.status', '=', 'confirmed')
    .where('g.grade', '=', '不合格')
    .execute();
  const outcomes = gradePlatforms(
    type,
    platforms.map((p) => ({ platformId: p.id, name: p.name, data: p.data === null ? null : json(p.data) })),
    new Set(failed.map((f) => f.platform_id)),
  );
  const id = await withAudit(ctx, async (tx, record) => {
    if (previous.length > 0)
      await tx
        .deleteFrom('platform_evaluation')
        .where(
          'id',
          'in',
          previous.map((p) => p.id),
        )
        .execute();
    const e = await tx
      .insertInto('platform_evaluation')
      .values({
        type_code: type.code,
        year: input.year,
        region_code: input.regionCode,
        scheme: JSON.stringify({ type: type.code, version: type.version, evaluation: type.evaluation }),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < outcomes.length; i += 5000)
      await tx
        .insertInto('platform_grade')
        .values(
          outcomes.slice(i, i + 5000).map((o) => ({
            evaluation_id: e.id,
            platform_id: o.platformId,
            score: o.score,
            grade: o.grade,
            reported: o.reported,
            consequence: o.consequence,
          })),
        )
        .execute();
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o.grade] = (counts[o.grade] ?? 0) + 1;
    record({
      action: 'platform.evaluation_run',
      entityType: 'platform_evaluation',
      entityId: e.id,
      regionCode: input.regionCode,
      after: { ...input, platforms: outcomes.length, counts, replaced: previous.map((p) => p.id) },
    });
    return e.id;
  });
  return getPlatformEvaluation(ctx, id);
}

export async function listPlatformEvaluations(ctx: Ctx): Promise<TPlatformEvaluation[]> {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  const ids = await ctx.db
    .selectFrom('platform_evaluation')
    .select('id')
    .where('region_code', 'like', subtreePattern(actor.regionCode))
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const out: TPlatformEvaluation[] = [];
  for (const { id } of ids) out.push(toEvaluation(await evaluationRow(ctx.db, id)));
  return out;
}

export async function getPlatformEvaluation(ctx: Ctx, id: number): Promise<TPlatformEvaluationDetail> {
  const row = await evaluationRow(ctx.db, id);
  requirePlatformReader(ctx, row.e.region_code);
  const results = await ctx.db
    .selectFrom('platform_grade as g')
    .innerJoin('platform as p', 'p.id', 'g.platform_id')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select(['g.platform_id', 'p.name', 'o.name as org_name', 'p.level', 'g.score', 'g.grade', 'g.reported', 'g.consequence'])
    .where('g.evaluation_id', '=', id)
    .orderBy('g.score', 'desc')
    .orderBy('g.platform_id')
    .execute();
  return {
    ...toEvaluation(row),
    results: results.map((r) => ({
      platformId: r.platform_id,
      name: r.name,
      orgName: r.org_name,
      level: r.level as TPlatformLevel,
      score: Number(r.score),
      grade: r.grade as TPlatformGrade,
      reported: r.reported,
      consequence: r.consequence as 'delist' | null,
    })),
  };
}

/** Confirms the grades under a document number and applies the consequences (摘牌). */
export async function confirmPlatformEvaluation(
  ctx: Ctx,
  id: number,
  input: { docNo: string; on: string },
): Promise<TPlatformEvaluationDetail> {
  const { e } = await evaluationRow(ctx.db, id);
  const actor = requirePlatformManager(ctx, e.region_code);
  if (e.status !== 'draft') throw new AppError('platform/evaluation_state', { id });
  await withAudit(ctx, async (tx, record) => {
    await tx
      .updateTable('platform_evaluation')
      .set({ status: 'confirmed', doc_no: input.docNo, confirmed_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    const delist = await tx
      .selectFrom('platform_grade as g')
      .innerJoin('platform as p', 'p.id', 'g.platform_id')
      .select(['p.id', 'p.type_code', 'p.region_code', 'p.level', 'p.status'])
      .where('g.evaluation_id', '=', id)
      .where('g.consequence', '=', 'delist')
      .execute();
    const regions = new Set<string>();
    for (const p of delist) {
      if (p.status !== 'active') continue;
      await writeEvent(
        tx,
        { id: p.id, typeCode: p.type_code, regionCode: p.region_code },
        {
          kind: 'delist',
          from: p.level as TPlatformLevel,
          to: null,
          docNo: input.docNo,
          on: input.on,
          note: `${e.year}年度绩效评价连续两年不合格`,
          userId: actor.userId,
        },
      );
      await tx.updateTable('platform').set({ status: 'delisted' }).where('id', '=', p.id).execute();
      regions.add(p.region_code);
    }
    for (const r of regions) await refreshPlatformIndicators(tx, r, [Number(input.on.slice(0, 4))], ctx, actor.userId);
    record({
      action: 'platform.evaluation_confirm',
      entityType: 'platform_evaluation',
      entityId: id,
      regionCode: e.region_code,
      before: { status: 'draft' },
      after: { status: 'confirmed', docNo: input.docNo, on: input.on, delisted: delist.map((p) => p.id) },
    });
  });
  return getPlatformEvaluation(ctx, id);
}
