import ExcelJS from 'exceljs';
import { type BulletinInput, cnDate, targetStatusLabels, taskStatusLabels, unitsOf } from './bulletin-content.ts';

export const bulletinSheetNames = { tasks: '任务进展', targets: '指标完成', units: '单位报送' } as const;

const reportStatusLabels: Record<string, string> = { draft: '草稿', submitted: '已提交待审核', accepted: '已采纳', returned: '已退回' };
const statusFill: Record<string, string> = {
  done: 'FFD9F2E0',
  on_track: 'FFE8F4FD',
  lagging: 'FFFFF1D6',
  severely_lagging: 'FFFCDCDC',
  overdue_unreported: 'FFFCDCDC',
  met: 'FFD9F2E0',
};

function sheet(book: ExcelJS.Workbook, name: string, title: string, head: Array<[string, number]>): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, head.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const row = ws.getRow(2);
  head.forEach(([h, w], i) => {
    row.getCell(i + 1).value = h;
    const col = ws.getColumn(i + 1);
    col.width = w;
    // one style per column rather than per cell: thousands of rows stay quick to write
    col.alignment = { vertical: 'top', wrapText: w >= 20 };
  });
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  return ws;
}

function paint(row: ExcelJS.Row, col: number, status: string) {
  const argb = statusFill[status];
  if (argb) row.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The 进度通报 as a workbook: every task with its status, reason and latest report; every target against its goal; the units. */
export async function renderBulletinXlsx(input: BulletinInput): Promise<Buffer> {
  const p = input.progress;
  const book = new ExcelJS.Workbook();
  book.creator = input.issuer;
  const suffix = `（${input.periodLabel}，截至${cnDate(p.asOf)}）`;

  const tasks = sheet(book, bulletinSheetNames.tasks, `${p.title} 任务进展${suffix}`, [
    ['序号', 8],
    ['板块', 22],
    ['任务', 46],
    ['责任单位', 30],
    ['状态', 10],
    ['状态说明', 40],
    ['完成进度(%)', 11],
    ['最新报送期次', 12],
    ['报送状态', 12],
    ['最新进展', 50],
    ['报送时间', 18],
  ]);
  for (const t of p.tasks) {
    const r = t.latestReport;
    const row = tasks.addRow([
      t.number,
      t.sectionTitle ?? '',
      t.title,
      unitsOf(t),
      taskStatusLabels[t.status],
      t.statusReason,
      t.percent,
      r?.period ?? '',
      r ? (reportStatusLabels[r.status] ?? r.status) : '未报送',
      r?.narrative ?? '',
      r?.submittedAt ? r.submittedAt.slice(0, 16).replace('T', ' ') : '',
    ]);
    paint(row, 5, t.status);
  }

  const targets = sheet(book, bulletinSheetNames.targets, `${p.title} 指标完成情况${suffix}`, [
    ['指标', 28],
    ['指标代码', 14],
    ['单位', 8],
    ['目标值', 12],
    ['基期值', 12],
    ['实际值', 12],
    ['应达值', 12],
    ['完成率(%)', 11],
    ['状态', 10],
    ['说明', 40],
    ['数据来源', 30],
  ]);
  for (const t of p.targets) {
    const row = targets.addRow([
      t.indicatorName,
      t.indicatorCode ?? '',
      t.unit,
      t.target,
      t.baseline,
      t.actual,
      t.expected === null ? null : Number(t.expected.toFixed(4)),
      t.attainment === null ? null : Number((t.attainment * 100).toFixed(1)),
      targetStatusLabels[t.status],
      t.statusReason,
      t.actualSourceLabel ?? '',
    ]);
    paint(row, 9, t.status);
  }

  const units = sheet(book, bulletinSheetNames.units, `责任单位报送情况${suffix}`, [
    ['单位', 30],
    ['任务数', 10],
    ['滞后任务', 10],
    ['应报期次', 10],
    ['按时报送', 10],
    ['按时报送率(%)', 14],
  ]);
  for (const u of p.units) {
    units.addRow([
      u.name,
      u.tasks,
      u.lagging,
      u.slotsDue,
      u.slotsOnTime,
      u.onTimeRate === null ? null : Number((u.onTimeRate * 100).toFixed(1)),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
