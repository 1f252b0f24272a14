import { AppError, type TProject, type TProjectListQuery, type TProjectSummary } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import ExcelJS from 'exceljs';
import type { Actor, Ctx } from '../context.ts';
import { inRegionScope, isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern, totalFromPage } from '../query.ts';
import { fenToWan } from './money.ts';
import { isApplicant } from './project.policy.ts';
import type { Db } from './project.repository.ts';
import { assertProjectReadable, findProjectRow, loadProject, projectQuery, toProjectSummary } from './project-records.ts';

/*
 * 项目库: every project the actor may see, searchable by programme, year, region, field, status, leader and
 * unit, sorted and paged; the same filter exports to .xlsx (money in 万元).
 */

const sortColumn = { year: 'p.year', grantedFen: 'p.granted_fen', title: 'p.title', id: 'p.id' } as const;
/*
 * The same order as an expression no index provides. A leader's name matches a handful of projects, but the
 * planner cannot tell a name's prefix from a common one (a histogram bucket holds a thousand names): given
 * ORDER BY year LIMIT 20 it would walk the whole year index backwards looking for them (250 ms at 100,000
 * projects) instead of reading the few rows from the leader index and sorting them.
 */
const unindexedSort = {
  year: sql`p.year + 0`,
  grantedFen: sql`p.granted_fen + 0`,
  title: sql`p.title || ''`,
  id: sql`p.id + 0`,
} as const;

function filtered(db: Db, actor: Actor, input: Omit<TProjectListQuery, 'page' | 'pageSize'>) {
  let q = projectQuery(db);
  if (isRegionWide(actor)) {
    const pattern = subtreePattern(actor.regionCode);
    q = q.where((eb) => eb.or([eb('p.region_code', 'like', pattern), eb('p.bureau_region_code', 'like', pattern)]));
  } else if (isApplicant(actor)) q = q.where('p.org_id', '=', actor.orgId);
  else throw new AppError('auth/forbidden');
  if (input.region) {
    if (isRegionWide(actor) && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
    q = q.where('p.region_code', 'like', subtreePattern(input.region));
  }
  if (input.programmeKind) q = q.where('p.programme_kind', '=', input.programmeKind);
  if (input.year) q = q.where('p.year', '=', input.year);
  if (input.fieldCode) q = q.where('p.field_code', 'like', `${input.fieldCode.replace(/[\\%_]/g, '')}%`);
  if (input.status) q = q.where('p.status', '=', input.status);
  if (input.leader) q = q.where('p.leader_name', 'like', `${input.leader.replace(/[\\%_]/g, (c) => `\\${c}`)}%`); // 负责人: by name, from its start
  if (input.org) q = q.where('p.org_name', 'like', containsPattern(input.org));
  if (input.q)
    q = q.where((eb) =>
      eb.or([eb('p.title', 'like', containsPattern(input.q as string)), eb('p.project_no', 'like', containsPattern(input.q as string))]),
    );
  return q;
}

/**
 * One page in one statement: the page's rows (only the columns a summary shows, no window count, so the database
 * stops at the page), with the paid sums of those rows only; the filtered count separately when the page does
 * not tell it. Served from the read cache (dropped by any committed write to the tables it reads).
 */
type Page = { items: TProjectSummary[]; total: number; page: number; pageSize: number };

const summaryColumns = [
  'p.id',
  'p.project_no',
  'p.application_id',
  'p.programme_kind',
  'p.programme_name',
  'p.region_code',
  'p.org_id',
  'p.org_name',
  'p.year',
  'p.title',
  'p.field_code',
  'p.leader_name',
  'p.granted_fen',
  'p.status',
  'p.source',
  'p.version',
] as const;

export async function listProjects(ctx: Ctx, input: TProjectListQuery): Promise<Page> {
  const actor = requireActor(ctx);
  const key = `projects:${isRegionWide(actor) ? actor.regionCode : `org${actor.orgId}`}:${JSON.stringify(input)}`;
  const cached = ctx.cache.get<Page>(key);
  if (cached) return cached;
  const base = filtered(ctx.db, actor, input);
  const { limit, offset } = pageWindow(input);
  const sort = sortColumn[input.sort].slice(2) as 'year' | 'granted_fen' | 'title' | 'id';
  // the sums are taken after the limit, for the page's rows only (in the select list of the paged query they
  // would be computed for every matching row before the sort)
  const page = base
    .clearSelect()
    .select(summaryColumns)
    .orderBy(input.leader ? unindexedSort[input.sort] : sql.ref(sortColumn[input.sort]), input.order)
    .orderBy('p.id', input.order)
    .limit(limit)
    .offset(offset)
    .as('page');
  const rows = await ctx.db
    .selectFrom(page)
    .selectAll('page')
    .select(sql<string>`coalesce((select sum(pp.amount_fen) from project_payment pp where pp.project_id = page.id), 0)`.as('paid_fen'))
    .orderBy(`page.${sort}`, input.order)
    .orderBy('page.id', input.order)
    .execute();
  // a search by leader or title mostly fits one page, whose length is then the total: no count query
  const total =
    totalFromPage(rows.length, input) ??
    Number((await base.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const result = { items: rows.map(toProjectSummary), total, page: input.page, pageSize: input.pageSize };
  ctx.cache.set(key, result, ['project', 'project_payment']);
  return result;
}

export async function getProject(ctx: Ctx, id: number): Promise<TProject> {
  const actor = requireActor(ctx);
  assertProjectReadable(actor, await findProjectRow(ctx.db, id), id);
  return loadProject(ctx.db, id);
}

export const projectColumns = [
  '项目编号',
  '项目名称',
  '计划类别',
  '年度',
  '所在地区代码',
  '承担单位',
  '项目负责人',
  '学科领域',
  '资助金额（万元）',
  '已拨款（万元）',
  '状态',
] as const;

const statusZh: Record<string, string> = {
  contracting: '待签任务书',
  executing: '执行中',
  acceptance_requested: '申请验收',
  rectifying: '整改中',
  passed: '通过验收',
  passed_after_rectification: '整改后通过',
  concluded: '结题',
  failed: '不通过',
  terminated: '终止',
  revoked: '撤销',
};

/** The filtered 项目库 as one sheet, at most 100,000 rows. */
export async function exportProjectsXlsx(ctx: Ctx, input: Omit<TProjectListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const actor = requireActor(ctx);
  const rows = await filtered(ctx.db, actor, input)
    .orderBy(sortColumn[input.sort], input.order)
    .orderBy('p.id', input.order)
    .limit(100_000)
    .execute();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('项目库');
  sheet.addRow([...projectColumns]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow([
      r.project_no,
      r.title,
      r.programme_name,
      r.year,
      r.region_code,
      r.org_name,
      r.leader_name,
      r.field_code ?? '',
      Number(fenToWan(r.granted_fen)),
      Number(fenToWan(r.paid_fen)),
      statusZh[r.status] ?? r.status,
    ]);
  }
  projectColumns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = i === 1 ? 40 : 16;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
