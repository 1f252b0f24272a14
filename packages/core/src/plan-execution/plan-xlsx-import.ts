import { AppError, planSheetNames, planTransferLimits, type TImportRowError, type TPlanXlsxImportResult } from '@kechuang/contracts';
import { type AuditInput, withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { readSheet } from '../enterprise-registry/xlsx-workbook.ts';
import { yieldTurn } from '../yield-turn.ts';
import { requirePlanManager } from './exec.policy.ts';
import { addTaskEvent, findPlan, loadPlanExec } from './exec.repository.ts';
import { targetHead, taskHead } from './plan-xlsx-columns.ts';
import {
  type Fail,
  type NodeChange,
  openPlanBook,
  planTargetRow,
  planTaskRow,
  readId,
  readMeta,
  rowReader,
  type TargetChange,
} from './plan-xlsx-rows.ts';

type PlanRow = Awaited<ReturnType<typeof findPlan>>;

/** A checked workbook: what it would change, and every row's problems (nothing is written). */
export interface CheckedPlanXlsx {
  meta: { planId: number; version: number };
  nodeChanges: NodeChange[];
  targetChanges: TargetChange[];
  unchanged: number;
  errors: TImportRowError[];
}

/** Rows checked between two turns of the event loop (a job's check lets requests in meanwhile). */
const rowsPerTurn = 500;

/**
 * Reads back a workbook made by exportPlanXlsx and checks every row against the plan as it is now: only the
 * editable cells (task title, leader, dates, cycle, due day, custom dates, weight; target name, value, upper
 * value, unit, year) make changes.
 */
export async function checkPlanXlsx(ctx: Ctx, plan: PlanRow, bytes: Uint8Array): Promise<CheckedPlanXlsx> {
  const planId = plan.id;
  const book = await openPlanBook(bytes);
  const meta = readMeta(book);
  if (meta.planId !== plan.id) throw new AppError('plan/xlsx_wrong_plan', { filePlanId: meta.planId, planId });
  if (meta.version !== plan.version) throw new AppError('plan/xlsx_stale', { fileVersion: meta.version, version: plan.version });
  const tws = book.getWorksheet(planSheetNames.tasks);
  const gws = book.getWorksheet(planSheetNames.targets);
  const tasks = tws ? readSheet(tws) : null;
  const targets = gws ? readSheet(gws) : null;
  if ((!tasks && !targets) || (tasks && !tasks.columns.has(taskHead.id)) || (targets && !targets.columns.has(targetHead.id)))
    throw new AppError('plan/xlsx_invalid_file', { reason: 'missing sheets or id columns' });
  if ((tasks?.rows.length ?? 0) + (targets?.rows.length ?? 0) > planTransferLimits.rows)
    throw new AppError('plan/xlsx_too_large', { rows: (tasks?.rows.length ?? 0) + (targets?.rows.length ?? 0) });

  const [nodeRows, targetRows] = await Promise.all([
    ctx.db
      .selectFrom('plan_node')
      .select(['id', 'kind', 'title', 'leader', 'start_date', 'due_date', 'cycle', 'cycle_due_day', 'custom_due_dates', 'weight'])
      .where('plan_id', '=', planId)
      .execute(),
    ctx.db
      .selectFrom('plan_target')
      .select(['id', 'indicator_name', 'value', 'value_max', 'unit', 'target_year', 'normalized_value', 'normalized_unit'])
      .where('plan_id', '=', planId)
      .execute(),
  ]);
  const nodes = new Map(nodeRows.map((n) => [n.id, n]));
  const targetById = new Map(targetRows.map((t) => [t.id, t]));
  const errors: TImportRowError[] = [];
  const nodeChanges: NodeChange[] = [];
  const targetChanges: TargetChange[] = [];
  let unchanged = 0;
  let checked = 0;

  if (tasks) {
    const seen = new Map<number, number>();
    for (const { row, values } of tasks.rows) {
      if (++checked % rowsPerTurn === 0) await yieldTurn();
      const fail: Fail = (column, message) => errors.push({ sheet: tasks.sheet, row, column, message });
      const r = rowReader(tasks, taskHead, values);
      const id = readId(r.text('id'), seen, row, fail, taskHead.id);
      if (id === null) continue;
      const now = nodes.get(id);
      if (now?.kind !== 'task') {
        fail(taskHead.id, now ? '该编号是章节而不是任务' : '本计划中没有该编号的任务（不能导入其他计划的行）');
        continue;
      }
      const before = errors.length;
      const set = planTaskRow(r, now, fail);
      if (errors.length > before) continue;
      if (Object.keys(set).length === 0) unchanged++;
      else nodeChanges.push({ row, id, set });
    }
  }
  if (targets) {
    const seen = new Map<number, number>();
    for (const { row, values } of targets.rows) {
      if (++checked % rowsPerTurn === 0) await yieldTurn();
      const fail: Fail = (column, message) => errors.push({ sheet: targets.sheet, row, column, message });
      const r = rowReader(targets, targetHead, values);
      const id = readId(r.text('id'), seen, row, fail, targetHead.id);
      if (id === null) continue;
      const now = targetById.get(id);
      if (!now) {
        fail(targetHead.id, '本计划中没有该编号的指标（不能导入其他计划的行）');
        continue;
      }
      const before = errors.length;
      const set = planTargetRow(r, now, fail);
      if (errors.length > before) continue;
      if (Object.keys(set).length === 0) unchanged++;
      else targetChanges.push({ row, id, set });
    }
  }
  return { meta, nodeChanges, targetChanges, unchanged, errors };
}

/**
 * The answer before anything is written: the counts, and the rows' problems — on a dry run as the answer, on a
 * real import as 400 plan/xlsx_rows_invalid; `done` when there is nothing to write.
 */
export function checkedResult(c: CheckedPlanXlsx, dryRun: boolean): { result: TPlanXlsxImportResult; done: boolean } {
  const result = {
    dryRun,
    applied: false,
    tasksUpdated: c.nodeChanges.length,
    targetsUpdated: c.targetChanges.length,
    unchanged: c.unchanged,
    version: c.meta.version,
    errors: c.errors,
  };
  if (c.errors.length > 0 && !dryRun) throw new AppError('plan/xlsx_rows_invalid', { rowErrors: c.errors.slice(0, 2000) });
  return { result, done: c.errors.length > 0 || dryRun || c.nodeChanges.length + c.targetChanges.length === 0 };
}

export const xlsxRevisionReason = (c: CheckedPlanXlsx) => `Excel 导入更新 ${c.nodeChanges.length} 项任务、${c.targetChanges.length} 项指标`;

/** The one audit row of an applied import, whichever path applied it. */
export function xlsxImportAudit(plan: PlanRow, c: CheckedPlanXlsx, version: number): AuditInput {
  return {
    action: 'plan.xlsx_import',
    entityType: 'plan',
    entityId: plan.id,
    regionCode: plan.region_code,
    before: { version: c.meta.version },
    after: {
      version,
      tasks: c.nodeChanges.slice(0, 200).map((ch) => ({ id: ch.id, ...ch.set })),
      targets: c.targetChanges.slice(0, 200).map((ch) => ({ id: ch.id, ...ch.set })),
    },
  };
}

/**
 * Reads back a workbook made by exportPlanXlsx and updates the plan by id (checkPlanXlsx). Every row is checked
 * first; any problem and nothing is written. Applying bumps the plan's version, keeps the replaced version as a
 * plan_revision, logs each task's edit on its timeline and writes one audit row, in one transaction. A large
 * upload is imported by a job instead (plan-import-xlsx.ts).
 */
export async function importPlanXlsx(
  ctx: Ctx,
  planId: number,
  input: { bytes: Uint8Array; dryRun: boolean },
): Promise<TPlanXlsxImportResult> {
  const plan = await findPlan(ctx.db, planId);
  const actor = requirePlanManager(ctx, plan);
  const checked = await checkPlanXlsx(ctx, plan, input.bytes);
  const { result, done } = checkedResult(checked, input.dryRun);
  if (done) return result;
  const { meta, nodeChanges, targetChanges } = checked;

  return withAudit(ctx, async (tx, record) => {
    const at = ctx.now();
    const snapshot = await loadPlanExec(tx, planId);
    const bumped = await tx
      .updateTable('plan')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', planId)
      .where('version', '=', meta.version)
      .returning('version')
      .executeTakeFirst();
    if (!bumped) throw new AppError('plan/xlsx_stale', { fileVersion: meta.version });
    await tx
      .insertInto('plan_revision')
      .values({
        plan_id: planId,
        version: meta.version,
        snapshot: JSON.stringify(snapshot),
        reason: xlsxRevisionReason(checked),
        changed_by: actor.userId,
        changed_at: at,
      })
      .execute();
    for (const c of nodeChanges) {
      await tx
        .updateTable('plan_node')
        .set((eb) => ({ ...c.set, version: eb('version', '+', 1) }))
        .where('id', '=', c.id)
        .where('plan_id', '=', planId)
        .execute();
      await addTaskEvent(tx, {
        planId,
        nodeId: c.id,
        actorUserId: actor.userId,
        actorName: actor.username,
        kind: 'edit',
        detail: { via: 'xlsx', fields: Object.keys(c.set), version: bumped.version },
        at,
      });
    }
    for (const c of targetChanges)
      await tx.updateTable('plan_target').set(c.set).where('id', '=', c.id).where('plan_id', '=', planId).execute();
    record(xlsxImportAudit(plan, checked, bumped.version));
    return { ...result, applied: true, version: bumped.version };
  });
}
