import { cycleLabels, planSheetNames } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { requirePlanReader } from './exec.policy.ts';
import { findPlan, groupAssignments, loadAssignments, loadTargets, type NodeRow, selectNodes } from './exec.repository.ts';
import {
  type TargetColumn,
  type TaskColumn,
  targetEditable,
  targetHead,
  targetWidths,
  taskEditable,
  taskHead,
  taskWidths,
} from './plan-xlsx-columns.ts';

const editableFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };
const headFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };

function asDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** The titled path of sections above a node, e.g. 一、强化科技创新主体. */
function sectionTitles(nodes: NodeRow[]): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  for (const n of nodes) {
    let p = n.parent_id === null ? undefined : byId.get(n.parent_id);
    while (p && p.kind !== 'section') p = p.parent_id === null ? undefined : byId.get(p.parent_id);
    if (p) out.set(n.id, `${p.number}${p.title}`);
  }
  return out;
}

function defineColumns<K extends string>(ws: ExcelJS.Worksheet, head: Record<K, string>, widths: Record<K, number>) {
  const keys = Object.keys(head) as K[];
  ws.columns = keys.map((k) => ({ header: head[k], key: k, width: widths[k] }));
  ws.getColumn(1).hidden = true; // the stable id: hidden and locked
  const headRow = ws.getRow(1);
  headRow.font = { bold: true };
  headRow.fill = headFill;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Unlocks and shades the editable cells, then protects the sheet (no password: it only guards slips). */
async function lockSheet<K extends string>(ws: ExcelJS.Worksheet, head: Record<K, string>, editable: K[], rows: number) {
  const keys = Object.keys(head) as K[];
  for (const k of editable) {
    const col = keys.indexOf(k) + 1;
    ws.getCell(1, col).note = '可编辑';
    for (let r = 2; r <= rows + 1; r++) {
      const cell = ws.getCell(r, col);
      cell.protection = { locked: false };
      cell.fill = editableFill;
    }
  }
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true });
}

/**
 * The plan's tasks and targets as a workbook for offline editing: sheet 任务 (one row per task) and
 * sheet 指标 (one row per target), each keyed by a hidden, locked id column; editable cells are
 * unlocked and shaded, 报送周期 is a drop-down and dates are dates. A hidden sheet names the plan and
 * the version the file was taken from. Reading it back with importPlanXlsx changes nothing.
 */
export async function exportPlanXlsx(ctx: Ctx, planId: number): Promise<{ bytes: Buffer; filename: string }> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const [nodes, assignments, targets] = await Promise.all([
    selectNodes(ctx.db).where('n.plan_id', '=', planId).orderBy('n.position').execute(),
    loadAssignments(ctx.db, planId),
    loadTargets(ctx.db, planId),
  ]);
  const orgs = groupAssignments(assignments);
  const sections = sectionTitles(nodes);
  const tasks = nodes.filter((n) => n.kind === 'task');
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const book = new ExcelJS.Workbook();
  book.creator = '科创';
  book.created = ctx.now();
  const tws = book.addWorksheet(planSheetNames.tasks);
  defineColumns(tws, taskHead, taskWidths);
  const names = (list: Array<{ name: string }> | undefined, fallback: string[]) =>
    (list && list.length > 0 ? list.map((o) => o.name) : fallback).join('、');
  for (const n of tasks) {
    const g = orgs.get(n.id);
    const row: Record<TaskColumn, ExcelJS.CellValue> = {
      id: n.id,
      section: sections.get(n.id) ?? '',
      number: n.number,
      title: n.title,
      lead: names(g?.lead, n.lead_units),
      co: names(g?.co, n.co_units),
      leader: n.leader ?? '',
      startDate: asDate(n.start_date),
      dueDate: asDate(n.due_date),
      cycle: cycleLabels[n.cycle as keyof typeof cycleLabels] ?? n.cycle,
      cycleDueDay: n.cycle_due_day,
      customDueDates: n.custom_due_dates.join(', '),
      weight: Number(n.weight),
    };
    tws.addRow(row);
  }
  await lockSheet(tws, taskHead, taskEditable, tasks.length);
  const col = (k: TaskColumn) => (Object.keys(taskHead) as TaskColumn[]).indexOf(k) + 1;
  for (let r = 2; r <= tasks.length + 1; r++) {
    for (const k of ['startDate', 'dueDate'] as const) {
      const cell = tws.getCell(r, col(k));
      cell.numFmt = 'yyyy-mm-dd';
      cell.dataValidation = {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        error: '请输入日期，如 2026-06-30',
      };
    }
    tws.getCell(r, col('cycle')).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(cycleLabels).join(',')}"`],
      showErrorMessage: true,
      error: '请从列表中选择报送周期',
    };
    tws.getCell(r, col('cycleDueDay')).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: false,
      formulae: [1, 28],
      showErrorMessage: true,
      error: '报送日应为 1–28 的整数',
    };
    tws.getCell(r, col('weight')).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: false,
      formulae: [0, 1000],
      showErrorMessage: true,
      error: '权重应为 0–1000 的数',
    };
  }

  const gws = book.addWorksheet(planSheetNames.targets);
  defineColumns(gws, targetHead, targetWidths);
  for (const t of targets) {
    const node = t.node_id === null ? undefined : byId.get(t.node_id);
    const row: Record<TargetColumn, ExcelJS.CellValue> = {
      id: t.id,
      task: node ? `${node.number}${node.title}` : '（全局指标）',
      category: t.baseline ? '基期值' : '目标',
      indicatorName: t.indicator_name,
      indicatorCode: t.indicator_code ?? '',
      value: Number(t.value),
      valueMax: t.value_max === null ? null : Number(t.value_max),
      unit: t.unit,
      targetYear: t.target_year,
    };
    gws.addRow(row);
  }
  await lockSheet(gws, targetHead, targetEditable, targets.length);

  const meta = book.addWorksheet(planSheetNames.meta, { state: 'veryHidden' });
  meta.addRows([
    ['planId', plan.id],
    ['version', plan.version],
    ['exportedAt', ctx.now().toISOString()],
  ]);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, filename: `${plan.title}-任务与指标.xlsx` };
}
