import { AppError, type TBulletin, type TBulletinCreate, type TBulletinSummary } from '@kechuang/contracts';
import { sql } from 'kysely';
import { withAudit } from '../audit/with-audit.ts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { laggingTasks, totalTasks } from './bulletin-content.ts';
import { renderBulletinFiles } from './bulletin-render.ts';
import { requirePlanManager, requirePlanReader } from './exec.policy.ts';
import { type Db, findPlan } from './exec.repository.ts';
import { loadPlanProgress } from './plan-progress.ts';

function selectBulletins(db: Db) {
  return db
    .selectFrom('plan_bulletin as b')
    .leftJoin('app_user as u', 'u.id', 'b.generated_by')
    .select([
      'b.id',
      'b.plan_id',
      'b.title',
      'b.period_label',
      'b.as_of',
      'b.summary',
      'b.generated_at',
      'u.display_name as generated_by',
      sql<number>`octet_length(b.docx)`.as('docx_bytes'),
      sql<number>`octet_length(b.xlsx)`.as('xlsx_bytes'),
    ]);
}
type BulletinRow = Awaited<ReturnType<ReturnType<typeof selectBulletins>['executeTakeFirstOrThrow']>>;

function toBulletin(r: BulletinRow): TBulletin {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    periodLabel: r.period_label,
    asOf: r.as_of,
    summary: r.summary as TBulletinSummary,
    docxBytes: Number(r.docx_bytes),
    xlsxBytes: Number(r.xlsx_bytes),
    generatedBy: r.generated_by,
    generatedAt: r.generated_at.toISOString(),
  };
}

/** The steps of a bulletin, for a job's progress: progress loaded, .docx, .xlsx, archived. */
export const bulletinSteps = 4;

/**
 * Generates the 进度通报 of a plan as of a day: the .docx in official-document layout and the .xlsx of
 * every task and target, from loadPlanProgress; both are archived in plan_bulletin (audited). Runs as a
 * job (bulletin-job.ts): `step` reports each step done.
 */
export async function generateBulletin(
  ctx: Ctx,
  planId: number,
  input: TBulletinCreate,
  step: (done: number) => Promise<void> = async () => undefined,
): Promise<TBulletin> {
  const plan = await findPlan(ctx.db, planId);
  const actor = requirePlanManager(ctx, plan);
  const asOf = input.asOf ?? bureauDate(ctx.now());
  const [progress, org, previous] = await Promise.all([
    loadPlanProgress(ctx.db, planId, asOf),
    ctx.db.selectFrom('organization').select('name').where('id', '=', actor.orgId).executeTakeFirst(),
    ctx.db
      .selectFrom('plan_bulletin')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow(),
  ]);
  const docNumber = input.docNumber ?? `进度通报〔${plan.year}〕第${Number(previous.n) + 1}期`;
  const title = input.title ?? `关于《${plan.title}》${input.periodLabel}进展情况的通报`;
  const bulletin = {
    issuer: org?.name ?? plan.region_name,
    docNumber,
    title,
    periodLabel: input.periodLabel,
    progress,
    issuedOn: bureauDate(ctx.now()),
  };
  await step(1);
  // in a render process of its own: other requests are served meanwhile (bulletin-render.ts)
  const { docx, xlsx } = await renderBulletinFiles(bulletin, (format) => step(format === 'docx' ? 2 : 3));
  const summary: TBulletinSummary = {
    docNumber,
    tasks: totalTasks(progress.counts),
    completion: progress.completion,
    counts: progress.counts,
    lagging: laggingTasks(progress).length,
    targets: progress.targets.length,
    targetsMet: progress.targets.filter((t) => t.status === 'met').length,
  };
  const stored = await withAudit(ctx, async (tx, record) => {
    const { id } = await tx
      .insertInto('plan_bulletin')
      .values({
        plan_id: planId,
        title,
        period_label: input.periodLabel,
        as_of: asOf,
        summary: JSON.stringify(summary),
        docx,
        xlsx,
        generated_by: actor.userId,
        generated_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'plan.bulletin_generate',
      entityType: 'plan_bulletin',
      entityId: id,
      regionCode: plan.region_code,
      after: { planId, title, periodLabel: input.periodLabel, asOf, ...summary },
    });
    return toBulletin(await selectBulletins(tx).where('b.id', '=', id).executeTakeFirstOrThrow());
  });
  await step(bulletinSteps);
  return stored;
}

/** The archive of a plan's bulletins, newest first (without the files). */
export async function listBulletins(ctx: Ctx, planId: number): Promise<{ items: TBulletin[] }> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const rows = await selectBulletins(ctx.db)
    .where('b.plan_id', '=', planId)
    .orderBy('b.generated_at', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return { items: rows.map(toBulletin) };
}

const types = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** One archived file of a bulletin. */
export async function getBulletinFile(
  ctx: Ctx,
  planId: number,
  bulletinId: number,
  format: 'docx' | 'xlsx',
): Promise<{ bytes: Uint8Array; filename: string; contentType: string }> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const row = await ctx.db
    .selectFrom('plan_bulletin')
    .select(['title', format])
    .where('id', '=', bulletinId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!row) throw new AppError('bulletin/not_found', { planId, bulletinId });
  const bytes = (row as unknown as Record<'docx' | 'xlsx', Uint8Array>)[format];
  return { bytes, filename: `${row.title}.${format}`, contentType: types[format] };
}
