/**
 * The rows of a plan workbook (exportPlanXlsx's sheets) read back: the workbook opened safely, its plan and
 * version, and each task or target row's editable cells checked against the record as it is now, every
 * problem named by column. Pure: the importer (plan-xlsx-import.ts) decides what to write.
 */
import { AppError, cycleLabels, planSheetNames } from '@kechuang/contracts';
import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { cellText, openBook, type SheetTable } from '../enterprise-registry/xlsx-workbook.ts';
import { splitDates, type TargetColumn, type TaskColumn, targetHead, taskHead } from './plan-xlsx-columns.ts';

export type Fail = (column: string, message: string) => void;

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

/** A target's editable columns as stored. */
export interface TargetNow {
  id: number;
  indicator_name: string;
  value: string;
  value_max: string | null;
  unit: string;
  target_year: number | null;
  normalized_value: string;
  normalized_unit: string;
}

export interface TargetChange {
  row: number;
  id: number;
  set: Partial<Omit<TargetNow, 'id'>>;
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
export async function openPlanBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  try {
    return await openBook(bytes);
  } catch (e) {
    if (e instanceof AppError && e.code === 'enterprise/import_too_large') throw new AppError('plan/xlsx_too_large', e.details);
    if (e instanceof AppError) throw new AppError('plan/xlsx_invalid_file', e.details);
    throw e;
  }
}

export function readMeta(book: ExcelJS.Workbook): { planId: number; version: number } {
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
export function rowReader<K extends string>(table: SheetTable, head: Record<K, string>, values: ExcelJS.CellValue[]) {
  return {
    has: (k: K) => table.columns.has(head[k]),
    text: (k: K, asDate = false) => {
      const col = table.columns.get(head[k]);
      return col === undefined ? '' : cellText(values[col] ?? null, asDate);
    },
  };
}

/** The id cell: a positive integer seen once in the sheet. */
export function readId(text: string, seen: Map<number, number>, row: number, fail: Fail, idHead: string): number | null {
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

export type NodeNow = { id: number; title: string; leader: string | null; start_date: string | null; due_date: string | null } & {
  cycle: string;
  cycle_due_day: number;
  custom_due_dates: string[];
  weight: string;
};

export function planTaskRow(r: ReturnType<typeof rowReader<TaskColumn>>, now: NodeNow, fail: Fail): NodeChange['set'] {
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

export function planTargetRow(r: ReturnType<typeof rowReader<TargetColumn>>, now: TargetNow, fail: Fail): TargetChange['set'] {
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
