import { AppError, type TProgrammeKind } from '@kechuang/contracts';
import type { DB } from '@kechuang/db';
import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireRole } from '../policy.ts';
import { projectColumns } from './list-projects.ts';
import { wanToFen } from './money.ts';
import { refreshProjectIndicators } from './project-indicators.ts';

/*
 * A bureau brings its history: a past project list (.xlsx, the 项目库 export's columns; 已拨款 is ignored) is
 * checked row by row and imported all or nothing. Every problem is reported with its sheet, row and column,
 * and nothing is written while any row is wrong. Imported projects count in the indicators of their year.
 */

export const projectImportLimits = { bytes: 10 * 1024 * 1024, rows: 20_000 } as const;

interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const statusByName: Record<string, string> = {
  待签任务书: 'contracting',
  执行中: 'executing',
  申请验收: 'acceptance_requested',
  整改中: 'rectifying',
  通过验收: 'passed',
  通过: 'passed',
  整改后通过: 'passed_after_rectification',
  结题: 'concluded',
  不通过: 'failed',
  终止: 'terminated',
  撤销: 'revoked',
};

function programmeKindOf(name: string): TProgrammeKind {
  if (name.includes('自然科学')) return 'natural_science';
  if (name.includes('揭榜')) return 'open_competition';
  if (name.includes('重点研发')) return 'key_rnd';
  if (name.includes('后补助')) return 'post_subsidy';
  if (name.includes('软科学')) return 'soft_science';
  return 'other';
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

/**
 * A dry run checks every row and reports what would be imported without writing; the import proper writes
 * all rows or none.
 */
export async function importProjectsXlsx(
  ctx: Ctx,
  bytes: Uint8Array,
  opts: { dryRun?: boolean } = {},
): Promise<{ imported: number; checked: number; errors: [] }> {
  const actor = requireRole(ctx, 'admin', 'planner');
  if (bytes.length > projectImportLimits.bytes) throw new AppError('project/import_too_large', { bytes: bytes.length });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('project/import_invalid_file', { reason: 'not an .xlsx workbook' });
  }
  const sheet = book.getWorksheet('项目库') ?? book.worksheets[0];
  if (!sheet) throw new AppError('project/import_invalid_file', { reason: 'no sheet' });
  const head = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(text);
  const col = new Map<string, number>();
  head.forEach((h, i) => {
    col.set(h, i);
  });
  const required = ['项目编号', '项目名称', '计划类别', '年度', '所在地区代码', '承担单位', '项目负责人', '资助金额（万元）'];
  const missing = required.filter((h) => !col.has(h));
  if (missing.length > 0) throw new AppError('project/import_invalid_file', { missingColumns: missing, expected: projectColumns });
  if (sheet.rowCount - 1 > projectImportLimits.rows) throw new AppError('project/import_too_large', { rows: sheet.rowCount - 1 });

  const errors: RowError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ sheet: sheet.name, row, column, message });
  const regions = new Set((await ctx.db.selectFrom('region').select('code').where('valid_to', 'is', null).execute()).map((r) => r.code));
  const seen = new Map<string, number>();
  const rows: Array<Insertable<DB['project']> & { project_no: string; region_code: string; year: number }> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    const get = (h: string) => text(values[col.get(h) ?? -1] ?? null);
    if (required.every((h) => get(h) === '')) continue; // blank line
    const no = get('项目编号');
    const title = get('项目名称');
    const programme = get('计划类别');
    const year = Number(get('年度'));
    const region = get('所在地区代码');
    const org = get('承担单位');
    const leader = get('项目负责人');
    const granted = wanToFen(get('资助金额（万元）'));
    const statusName = col.has('状态') ? get('状态') : '';
    for (const [h, v] of [
      ['项目编号', no],
      ['项目名称', title],
      ['计划类别', programme],
      ['承担单位', org],
      ['项目负责人', leader],
    ] as const)
      if (!v) fail(r, h, '不能为空');
    if (no && seen.has(no)) fail(r, '项目编号', `与第 ${seen.get(no)} 行重复`);
    if (no) seen.set(no, r);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) fail(r, '年度', '应为 1990–2100 之间的年份');
    if (!regions.has(region)) fail(r, '所在地区代码', '行政区划代码不存在或已撤销');
    else if (!inRegionScope(actor, region)) fail(r, '所在地区代码', '不在您的管辖范围内');
    if (granted === null) fail(r, '资助金额（万元）', '应为非负数，最多 6 位小数');
    const status = statusName ? statusByName[statusName] : 'passed';
    if (!status) fail(r, '状态', `无法识别的状态“${statusName}”`);
    if (errors.length > 200) break;
    rows.push({
      project_no: no,
      programme_kind: programmeKindOf(programme),
      programme_name: programme,
      region_code: region,
      bureau_region_code: actor.regionCode,
      org_name: org,
      year,
      title,
      field_code: col.has('学科领域') ? get('学科领域') || null : null,
      leader_name: leader,
      granted_fen: granted ?? 0,
      status: status ?? 'passed',
      source: 'import',
    });
  }
  if (errors.length === 0 && rows.length > 0) {
    const clash = await ctx.db
      .selectFrom('project')
      .select('project_no')
      .where(
        'project_no',
        'in',
        rows.map((x) => x.project_no),
      )
      .execute();
    for (const c of clash) fail(seen.get(c.project_no) ?? 0, '项目编号', '该项目编号已在项目库中');
  }
  if (errors.length > 0) throw new AppError('project/import_rows_invalid', { rowErrors: errors.slice(0, 200) });
  if (rows.length === 0) throw new AppError('project/import_invalid_file', { reason: 'no rows' });
  if (opts.dryRun) return { imported: 0, checked: rows.length, errors: [] };

  return withAudit(ctx, async (tx, record) => {
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insertInto('project')
        .values(rows.slice(i, i + 1000))
        .execute();
    const who = { userId: actor.userId, via: actor.username, now: ctx.now() };
    const pairs = new Set(rows.map((x) => `${x.region_code}:${x.year}`));
    for (const pair of pairs) {
      const [region, year] = pair.split(':') as [string, string];
      await refreshProjectIndicators(tx, region, Number(year), who);
    }
    record({ action: 'project.import', entityType: 'project', entityId: null, regionCode: actor.regionCode, after: { rows: rows.length } });
    return { imported: rows.length, checked: rows.length, errors: [] };
  });
}
