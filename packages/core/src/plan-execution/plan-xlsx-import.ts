import {
  AppError,
  cycleLabels,
  planSheetNames,
  planTransferLimits,
  type TImportRowError,
  type TPlanXlsxImportResult,
} from '@kechuang/contracts';
import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { type AuditInput, withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { cellText, openBook, readSheet, type SheetTable } from '../enterprise-registry/xlsx-workbook.ts';
import { yieldTurn } from '../yield-turn.ts';
import { requirePlanManager } from './exec.policy.ts';
import { addTaskEvent, findPlan, loadPlanExec } from './exec.repository.ts';
import { splitDates, type TargetColumn, type TaskColumn, targetHead, taskHead } from './plan-xlsx-columns.ts';

type Fail = (column: string, message: string) => void;

export interface NodeChange {
  row: number;
  id: number;
  set: Partial<{
    title: string;
    leader: string | null;
    start_date: string | null;
    due_date: string | null;
    cycle: string;
    cycle_due_day: number;
    custom_due_dates: string[];
    weight: string;
  }>;
}
export interface TargetChange {
  row: number;
  id: number;
  set: Partial<{
    indicator_name: string;
    value: string;
    value_max: string | null;
    unit: string;
    target_year: number | null;
    normalized_value: string;
    normalized_unit: string;
  }>;
}

const cycleOf = new Map<string, string>(
  Object.entries(cycleLabels).flatMap(([code, label]) => [[label, code] as const, [code, code] as const]),
);
const number = /^-?\d{1,15}(\.\d{1,6})?$/;

function isoDay(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text && text >= '1990-01-01' && text <= '2100-12-31' ? text : null;
}

/** Opens the upload with the enterprise import's safe reader and speaks this module's error codes. */
async function openPlanBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  try {
    return await openBook(bytes);
  } catch (e) {
    if (e instanceof AppError && e.code === 'enterprise/import_too_large') throw new AppError('plan/xlsx_too_large', e.details);
    if (e instanceof AppError) throw new AppError('plan/xlsx_invalid_file', e.details);
    throw e;
  }
}

function readMeta(book: ExcelJS.Workbook): { planId: number; version: number } {
  const ws = book.getWorksheet(planSheetNames.meta);
  const values = new Map<string, string>();
  ws?.eachRow((row) => {
    values.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value));
  });
  const planId = Number(values.get('planId'));
  const version = Number(values.get('version'));
  if (!Number.isInteger(planId) || !Number.isInteger(version)) throw new AppError('plan/xlsx_invalid_file', { reason: 'no plan id' });
  return { planId, version };
}

/** Reads one row's cells by header; `fail` collects problems. */
function rowReader<K extends string>(table: SheetTable, head: Record<K, string>, values: ExcelJS.CellValue[]) {
  return {
    has: (k: K) => table.columns.has(head[k]),
    text: (k: K, asDate = false) => {
      const col = table.columns.get(head[k]);
      return col === undefined ? '' : cellText(values[col] ?? null, asDate);
    },
  };
}

/** The id cell: a positive integer seen once in the sheet. */
function readId(text: string, seen: Map<number, number>, row: number, fail: Fail, idHead: string): number | null {
  if (!/^\d{1,9}$/.test(text)) {
    fail(idHead, text ? `${idHead}应为整数，请勿修改隐藏的编号列` : `${idHead}不能为空（不能新增行，只能修改已有行）`);
    return null;
  }
  const id = Number(text);
  const first = seen.get(id);
  if (first !== undefined) {
    fail(idHead, `${idHead}与第 ${first} 行重复`);
    return null;
  }
  seen.set(id, row);
  return id;
}

type NodeNow = { id: number; title: string; leader: string | null; start_date: string | null; due_date: string | null } & {
  cycle: string;
  cycle_due_day: number;
  custom_due_dates: string[];
  weight: string;
};

function planTaskRow(r: ReturnType<typeof rowReader<TaskColumn>>, now: NodeNow, fail: Fail): NodeChange['set'] {
  const set: NodeChange['set'] = {};
  const h = taskHead;
  const next = { start: now.start_date, due: now.due_date, cycle: now.cycle, custom: now.custom_due_dates };
  if (r.has('title')) {
    const v = r.text('title');
    if (!v) fail(h.title, '任务名称不能为空');
    else if (v.length > 500) fail(h.title, '任务名称最多 500 字');
    else if (v !== now.title) set.title = v;
  }
  if (r.has('leader')) {
    const v = r.text('leader') || null;
    if (v && v.length > 100) fail(h.leader, '责任领导最多 100 字');
    else if (v !== now.leader) set.leader = v;
  }
  for (const [k, field, key] of [
    ['startDate', 'start_date', 'start'],
    ['dueDate', 'due_date', 'due'],
  ] as const) {
    if (!r.has(k)) continue;
    const t = r.text(k, true);
    const v = t === '' ? null : isoDay(t);
    if (t !== '' && v === null) fail(h[k], '应为日期，如 2026-06-30');
    else {
      next[key] = v;
      if (v !== now[field]) set[field] = v;
    }
  }
  if (next.start && next.due && next.start > next.due) fail(h.dueDate, '完成时限不能早于开始日期');
  if (r.has('cycle')) {
    const v = cycleOf.get(r.text('cycle'));
    if (!v) fail(h.cycle, `报送周期应为：${Object.values(cycleLabels).join('、')}`);
    else {
      next.cycle = v;
      if (v !== now.cycle) set.cycle = v;
    }
  }
  if (r.has('cycleDueDay')) {
    const t = r.text('cycleDueDay');
    const v = /^\d{1,2}$/.test(t) ? Number(t) : Number.NaN;
    if (!(v >= 1 && v <= 28)) fail(h.cycleDueDay, '报送日应为 1–28 的整数');
    else if (v !== now.cycle_due_day) set.cycle_due_day = v;
  }
  if (r.has('customDueDates')) {
    const parts = splitDates(r.text('customDueDates'));
    const days = parts.map(isoDay);
    if (days.some((d) => d === null)) fail(h.customDueDates, '自定义报送日期应为日期，多个以逗号分隔，如 2026-06-30, 2026-12-31');
    else if (days.length > 60) fail(h.customDueDates, '自定义报送日期最多 60 个');
    else {
      const list = [...new Set(days as string[])].sort();
      next.custom = list;
      if (list.join() !== now.custom_due_dates.join()) set.custom_due_dates = list;
    }
  }
  if (next.cycle === 'custom' && next.custom.length === 0) fail(h.customDueDates, '报送周期为“自定义”时须填写自定义报送日期');
  if (r.has('weight')) {
    const t = r.text('weight');
    if (!number.test(t) || new Decimal(t).lt(0) || new Decimal(t).gt(1000)) fail(h.weight, '权重应为 0–1000 的数');
    else if (!new Decimal(t).eq(now.weight)) set.weight = t;
  }
  return set;
}

interface TargetNow {
  id: number;
  indicator_name: string;
  value: string;
  value_max: string | null;
  unit: string;
  target_year: number | null;
  normalized_value: string;
  normalized_unit: string;
}

function planTargetRow(r: ReturnType<typeof rowReader<TargetColumn>>, now: TargetNow, fail: Fail): TargetChange['set'] {
  const set: TargetChange['set'] = {};
  const h = targetHead;
  let value = now.value;
  if (r.has('indicatorName')) {
    const v = r.text('indicatorName');
    if (!v) fail(h.indicatorName, '指标名称不能为空');
    else if (v.length > 100) fail(h.indicatorName, '指标名称最多 100 字');
    else if (v !== now.indicator_name) set.indicator_name = v;
  }
  if (r.has('value')) {
    const t = r.text('value');
    if (!number.test(t)) fail(h.value, '目标值应为数字，最多 6 位小数');
    else {
      value = t;
      if (!new Decimal(t).eq(now.value)) set.value = t;
    }
  }
  if (r.has('valueMax')) {
    const t = r.text('valueMax');
    if (t !== '' && !number.test(t)) fail(h.valueMax, '上限值应为数字或留空');
    else if (t !== '' && number.test(value) && new Decimal(t).lt(value)) fail(h.valueMax, '上限值不能小于目标值');
    else if ((t === '' ? null : t) !== now.value_max && !(t !== '' && now.value_max !== null && new Decimal(t).eq(now.value_max)))
      set.value_max = t === '' ? null : t;
  }
  let unit = now.unit;
  if (r.has('unit')) {
    const v = r.text('unit');
    if (v.length > 20) fail(h.unit, '单位最多 20 字');
    else {
      unit = v;
      if (v !== now.unit) set.unit = v;
    }
  }
  if (r.has('targetYear')) {
    const t = r.text('targetYear');
    const v = t === '' ? null : /^\d{4}$/.test(t) ? Number(t) : Number.NaN;
    if (v !== null && !(v >= 1990 && v <= 2100)) fail(h.targetYear, '目标年份应为 1990–2100 的四位整数或留空');
    else if (v !== now.target_year) set.target_year = v;
  }
  // keep the normalised value (used to match indicator data) in step with the value
  if (set.value !== undefined || set.unit !== undefined) {
    const old = new Decimal(now.value);
    if (unit === now.unit && !old.isZero()) set.normalized_value = new Decimal(value).mul(now.normalized_value).div(old).toString();
    else {
      set.normalized_value = value;
      set.normalized_unit = unit;
    }
  }
  return set;
}

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
