import type { TApplicationListQuery } from '@kechuang/contracts';
import { AppError } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, subtreePattern } from '../query.ts';
import { type TableColumn, tableXlsx } from '../xlsx-table.ts';
import { shanghaiIso } from './call-time.ts';
import { summaryQuery } from './get-application.ts';
import { fenToWan } from './money.ts';
import { isApplicant } from './project.policy.ts';

const statusZh: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  recommended: '已推荐',
  returned: '已退回',
  under_review: '评审中',
  selected: '拟立项',
  rejected: '未立项',
  withdrawn: '已撤回',
};

/** The application list the actor sees (same filters as the list), as one sheet; money in 万元. */
export async function exportApplicationsXlsx(ctx: Ctx, input: Omit<TApplicationListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const actor = requireActor(ctx);
  let q = summaryQuery(ctx.db);
  if (isRegionWide(actor)) q = q.where('a.region_code', 'like', subtreePattern(actor.regionCode)).where('a.status', '<>', 'draft');
  else if (isApplicant(actor)) q = q.where('a.org_id', '=', actor.orgId);
  else throw new AppError('auth/forbidden');
  if (input.callId) q = q.where('a.call_id', '=', input.callId);
  if (input.status) q = q.where('a.status', '=', input.status);
  if (input.q) q = q.where('a.title', 'ilike', containsPattern(input.q));
  const rows = await q.orderBy('a.id').limit(100_000).execute();
  return tableXlsx('申报书', applicationColumns, rows);
}

type Row = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];
const applicationColumns: TableColumn<Row>[] = [
  { header: '编号', width: 8, value: (r) => r.id },
  { header: '申报指南', width: 30, value: (r) => r.call_title },
  { header: '项目名称', width: 40, value: (r) => r.title },
  { header: '申报单位', width: 30, value: (r) => r.org_name },
  { header: '所在地区代码', width: 14, value: (r) => r.region_code },
  { header: '项目负责人', width: 12, value: (r) => r.leader_name },
  { header: '申请财政资金（万元）', width: 18, value: (r) => Number(fenToWan(r.fiscal_fen)) },
  { header: '状态', width: 10, value: (r) => statusZh[r.status] ?? r.status },
  { header: '提交时间', width: 18, value: (r) => (r.submitted_at ? shanghaiIso(r.submitted_at).slice(0, 16).replace('T', ' ') : '') },
];
