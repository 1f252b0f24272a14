import type { TApplicationListQuery } from '@kechuang/contracts';
import { AppError } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, subtreePattern } from '../query.ts';
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
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('申报书');
  sheet.addRow(['编号', '申报指南', '项目名称', '申报单位', '所在地区代码', '项目负责人', '申请财政资金（万元）', '状态', '提交时间']);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows)
    sheet.addRow([
      r.id,
      r.call_title,
      r.title,
      r.org_name,
      r.region_code,
      r.leader_name,
      Number(fenToWan(r.fiscal_fen)),
      statusZh[r.status] ?? r.status,
      r.submitted_at ? shanghaiIso(r.submitted_at).slice(0, 16).replace('T', ' ') : '',
    ]);
  [8, 30, 40, 30, 14, 12, 18, 10, 18].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
