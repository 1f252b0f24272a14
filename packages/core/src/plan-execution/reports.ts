import { AppError, type TProgressReport, type TReportDraftCreate, type TReportDraftUpdate } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { requireReportWriter, requireTaskReader } from './exec.policy.ts';
import { addTaskEvent, type Db, findPlan, type PlanRow, selectNodes } from './exec.repository.ts';
import { taskSchedule } from './plan-progress.ts';
import { canSeeReport, findReport, findReportWithDetails, loadReport, type ReportRow } from './report.repository.ts';

interface Content {
  narrative: string;
  percent: number | null;
  selfStatus: string | null;
  values: Array<{ targetId: number; value: number }>;
}

async function checkValues(db: Db, nodeId: number, values: Content['values']): Promise<void> {
  if (values.length === 0) return;
  const ids = [...new Set(values.map((v) => v.targetId))];
  if (ids.length !== values.length) throw new AppError('report/invalid_target', { reason: 'duplicate target' });
  const rows = await db
    .selectFrom('plan_target')
    .select('id')
    .where('id', 'in', ids)
    .where('node_id', '=', nodeId)
    .where('baseline', '=', false)
    .execute();
  if (rows.length !== ids.length) throw new AppError('report/invalid_target', { targetIds: ids });
}

async function writeValues(tx: Db, reportId: number, values: Content['values']): Promise<void> {
  await tx.deleteFrom('report_target_value').where('report_id', '=', reportId).execute();
  if (values.length)
    await tx
      .insertInto('report_target_value')
      .values(values.map((v) => ({ report_id: reportId, target_id: v.targetId, value: v.value })))
      .execute();
}

/** The writable context of a report: its plan, and the actor allowed to write for its unit. */
async function writable(ctx: Ctx, tx: Db, r: ReportRow) {
  const plan = await findPlan(tx, r.plan_id);
  const actor = await requireReportWriter(ctx, tx, plan, r.node_id, r.org_id);
  return { plan, actor };
}

/**
 * Saves the draft of (task, unit, period): into the current draft when there is one, otherwise as a
 * new version (1, or the next one when the period was already submitted — a correction — or returned).
 */
export async function saveReportDraft(ctx: Ctx, input: TReportDraftCreate): Promise<TProgressReport> {
  const actor = requireActor(ctx);
  const id = await withAudit(ctx, async (tx, record) => {
    // the task itself (its plan, its reporting cycle) in one read
    const node = await selectNodes(tx).where('n.id', '=', input.nodeId).executeTakeFirst();
    if (!node) throw new AppError('plan/node_not_found', { nodeId: input.nodeId });
    const plan = await findPlan(tx, node.plan_id);
    const orgId = input.orgId ?? actor.orgId;
    await requireReportWriter(ctx, tx, plan, input.nodeId, orgId);
    if (node.kind !== 'task') throw new AppError('plan/not_a_task', { nodeId: node.id });
    const slot = taskSchedule(node, plan).slots.find((s) => s.period === input.period);
    if (!slot) throw new AppError('report/invalid_period', { period: input.period });
    await checkValues(tx, node.id, input.values);
    // two saves of the same period at once (two reporters of a unit, a double click) run one after the other:
    // the second finds the first's draft and updates it instead of inserting the same version again
    await sql`select pg_advisory_xact_lock(hashtext(${`report:${node.id}:${orgId}:${input.period}`}))`.execute(tx);
    const latest = await tx
      .selectFrom('progress_report')
      .select(['id', 'version', 'status'])
      .where('node_id', '=', node.id)
      .where('org_id', '=', orgId)
      .where('period', '=', input.period)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const content = { narrative: input.narrative, percent: input.percent, self_status: input.selfStatus };
    let reportId: number;
    if (latest?.status === 'draft') {
      reportId = latest.id;
      await tx
        .updateTable('progress_report')
        .set((eb) => ({ ...content, row_version: eb('row_version', '+', 1), updated_at: ctx.now() }))
        .where('id', '=', reportId)
        .execute();
    } else {
      const version = (latest?.version ?? 0) + 1;
      const row = await tx
        .insertInto('progress_report')
        .values({
          plan_id: plan.id,
          node_id: node.id,
          org_id: orgId,
          period: slot.period,
          period_end: slot.periodEnd,
          due_date: slot.dueDate,
          version,
          status: 'draft',
          ...content,
          created_by: actor.userId,
          created_at: ctx.now(),
          updated_at: ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      reportId = row.id;
      if (latest)
        await addTaskEvent(tx, {
          planId: plan.id,
          nodeId: node.id,
          actorUserId: actor.userId,
          actorName: actor.username,
          kind: latest.status === 'returned' ? 'report.revise' : 'report.correct',
          reportId,
          detail: { period: slot.period, version, replaces: latest.id },
          at: ctx.now(),
        });
    }
    // a new version starts without values: nothing to clear when none are given
    if (latest?.status === 'draft' || input.values.length > 0) await writeValues(tx, reportId, input.values);
    record({
      action: 'report.save',
      entityType: 'progress_report',
      entityId: reportId,
      regionCode: plan.region_code,
      after: { nodeId: node.id, orgId, period: slot.period, percent: input.percent, values: input.values.length },
    });
    return reportId;
  });
  return loadReport(ctx.db, id);
}

/** Updates a draft; a submitted version is immutable. */
export async function updateReportDraft(ctx: Ctx, id: number, input: TReportDraftUpdate): Promise<TProgressReport> {
  await withAudit(ctx, async (tx, record) => {
    const r = await findReport(tx, id);
    const { plan } = await writable(ctx, tx, r);
    if (r.status !== 'draft') throw new AppError('report/not_draft', { id });
    await checkValues(tx, r.node_id, input.values);
    const res = await tx
      .updateTable('progress_report')
      .set((eb) => ({
        narrative: input.narrative,
        percent: input.percent,
        self_status: input.selfStatus,
        row_version: eb('row_version', '+', 1),
        updated_at: ctx.now(),
      }))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('row_version', '=', input.rowVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('common/conflict', { id });
    await writeValues(tx, id, input.values);
    record({
      action: 'report.save',
      entityType: 'progress_report',
      entityId: id,
      regionCode: plan.region_code,
      after: { percent: input.percent },
    });
  });
  return loadReport(ctx.db, id);
}

/** Submits a draft: from now on immutable; it supersedes earlier versions of the same period. */
export async function submitReport(ctx: Ctx, id: number, rowVersion: number): Promise<TProgressReport> {
  await withAudit(ctx, async (tx, record) => {
    const r = await findReport(tx, id);
    const { plan, actor } = await writable(ctx, tx, r);
    if (r.status !== 'draft') throw new AppError('report/not_draft', { id });
    if (!r.narrative.trim() || r.percent === null) throw new AppError('report/incomplete', { id });
    const res = await tx
      .updateTable('progress_report')
      .set((eb) => ({
        status: 'submitted',
        submitted_at: ctx.now(),
        submitted_by: actor.userId,
        row_version: eb('row_version', '+', 1),
        updated_at: ctx.now(),
      }))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('row_version', '=', rowVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('common/conflict', { id });
    await addTaskEvent(tx, {
      planId: plan.id,
      nodeId: r.node_id,
      actorUserId: actor.userId,
      actorName: actor.username,
      kind: 'report.submit',
      reportId: id,
      detail: {
        period: r.period,
        version: r.version,
        percent: r.percent,
        orgId: r.org_id,
        orgName: r.org_name,
        correction: r.version > 1,
        // 代为填报: submitted by someone outside the reporting unit (the bureau)
        onBehalf: actor.orgId !== r.org_id,
      },
      at: ctx.now(),
    });
    record({
      action: 'report.submit',
      entityType: 'progress_report',
      entityId: id,
      regionCode: plan.region_code,
      after: { nodeId: r.node_id, orgId: r.org_id, period: r.period, version: r.version, percent: r.percent },
    });
  });
  return loadReport(ctx.db, id);
}

/** Starts a new draft version from the latest submitted, accepted or returned one, copying its content and evidence. */
export async function reviseReport(ctx: Ctx, id: number): Promise<TProgressReport> {
  const newId = await withAudit(ctx, async (tx, record) => {
    const r = await findReport(tx, id);
    const { plan, actor } = await writable(ctx, tx, r);
    const later = await tx
      .selectFrom('progress_report')
      .select('id')
      .where('node_id', '=', r.node_id)
      .where('org_id', '=', r.org_id)
      .where('period', '=', r.period)
      .where('version', '>', r.version)
      .executeTakeFirst();
    if (r.status === 'draft' || later) throw new AppError('report/not_revisable', { id });
    const version = r.version + 1;
    const row = await tx
      .insertInto('progress_report')
      .values({
        plan_id: r.plan_id,
        node_id: r.node_id,
        org_id: r.org_id,
        period: r.period,
        period_end: r.period_end,
        due_date: r.due_date,
        version,
        status: 'draft',
        narrative: r.narrative,
        percent: r.percent,
        self_status: r.self_status,
        created_by: actor.userId,
        created_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('report_target_value')
      .columns(['report_id', 'target_id', 'value'])
      .expression((eb) =>
        eb
          .selectFrom('report_target_value')
          .select([eb.val(row.id).as('report_id'), 'target_id', 'value'])
          .where('report_id', '=', id),
      )
      .execute();
    await tx
      .insertInto('report_attachment')
      .columns(['report_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'storage_key', 'uploaded_by', 'uploaded_at'])
      .expression((eb) =>
        eb
          .selectFrom('report_attachment')
          .select([
            eb.val(row.id).as('report_id'),
            'filename',
            'content_type',
            'size_bytes',
            'sha256',
            'storage_key',
            'uploaded_by',
            'uploaded_at',
          ])
          .where('report_id', '=', id),
      )
      .execute();
    await addTaskEvent(tx, {
      planId: plan.id,
      nodeId: r.node_id,
      actorUserId: actor.userId,
      actorName: actor.username,
      kind: r.status === 'returned' ? 'report.revise' : 'report.correct',
      reportId: row.id,
      detail: { period: r.period, version, replaces: id },
      at: ctx.now(),
    });
    record({
      action: 'report.revise',
      entityType: 'progress_report',
      entityId: row.id,
      regionCode: plan.region_code,
      after: { from: id, version },
    });
    return row.id;
  });
  return loadReport(ctx.db, newId);
}

export async function getReport(ctx: Ctx, id: number): Promise<TProgressReport> {
  const { row: r, report } = await findReportWithDetails(ctx.db, id);
  const plan: PlanRow = await findPlan(ctx.db, r.plan_id);
  const actor = await requireTaskReader(ctx, ctx.db, plan, r.node_id);
  if (!canSeeReport(actor, r)) throw new AppError('report/not_found', { id });
  return report;
}

/** Deletes a draft (never a submitted version). */
export async function deleteReportDraft(ctx: Ctx, id: number): Promise<void> {
  const unreferenced = await withAudit(ctx, async (tx, record) => {
    const r = await findReport(tx, id);
    const { plan } = await writable(ctx, tx, r);
    if (r.status !== 'draft') throw new AppError('report/not_draft', { id });
    const keys = (await tx.selectFrom('report_attachment').select('storage_key').where('report_id', '=', id).execute()).map(
      (a) => a.storage_key,
    );
    await tx.deleteFrom('progress_report').where('id', '=', id).where('status', '=', 'draft').execute();
    // a draft revised from an earlier version shares that version's files: keep those
    const kept = keys.length
      ? new Set(
          (await tx.selectFrom('report_attachment').select('storage_key').where('storage_key', 'in', keys).execute()).map(
            (a) => a.storage_key,
          ),
        )
      : new Set<string>();
    record({
      action: 'report.delete_draft',
      entityType: 'progress_report',
      entityId: id,
      regionCode: plan.region_code,
      before: { period: r.period, version: r.version, attachments: keys.length },
    });
    return keys.filter((k) => !kept.has(k));
  });
  // the stored files go once the deletion is committed (a failure leaves an orphan file, never a dangling row)
  if (ctx.files) for (const key of unreferenced) await ctx.files.delete(key).catch(() => undefined);
}
