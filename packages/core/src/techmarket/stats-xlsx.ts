import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { fenToWan } from '../project/index.ts';
import { contractStats } from './stats.ts';

const typeNames: Record<string, string> = {
  development: '技术开发',
  transfer: '技术转让',
  license: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};
const sellerKindNames: Record<string, string> = {
  enterprise: '企业法人',
  university: '高等院校',
  institute: '科研机构',
  individual: '自然人',
  other: '其他组织',
};

const views = [
  { by: 'type', title: '按合同类别', label: (k: string) => typeNames[k] ?? k },
  { by: 'field', title: '按技术领域', label: (k: string) => k },
  { by: 'sellerKind', title: '按卖方类型', label: (k: string) => sellerKindNames[k] ?? k },
  { by: 'month', title: '按登记月份', label: (k: string) => `${Number(k.slice(5, 7))}月` },
] as const;

/**
 * The year's registered contracts of a region in the layout of the statistical tables (技术合同登记情况):
 * one sheet per breakdown — 合同类别, 技术领域, 卖方类型 (输出主体), 登记月份 — each row 项数, 成交额 and 技术交易额
 * in 万元 with its share, and the total; for 输出 (sellers in the region) or 吸纳 (buyers in it).
 */
export async function contractStatsXlsx(
  ctx: Ctx,
  q: { region?: string | undefined; year: number; direction: 'output' | 'absorption' },
): Promise<{ filename: string; bytes: Uint8Array }> {
  const book = new ExcelJS.Workbook();
  const region = q.region ?? ctx.actor?.regionCode ?? '';
  const regionName = (await ctx.db.selectFrom('region').select('name').where('code', '=', region).executeTakeFirst())?.name ?? region;
  const direction = q.direction === 'output' ? '输出' : '吸纳';
  for (const view of views) {
    const s = await contractStats(ctx, { region, year: q.year, direction: q.direction, by: view.by });
    const sheet = book.addWorksheet(view.title);
    sheet.addRow([`${regionName}${q.year}年技术合同登记情况（${direction}，${view.title}）`]).font = { bold: true, size: 13 };
    sheet.mergeCells(1, 1, 1, 6);
    const head = sheet.addRow(['序号', '项目', '合同数（项）', '成交额（万元）', '技术交易额（万元）', '成交额占比（%）']);
    head.font = { bold: true };
    const share = (fen: number) => (s.total.contractAmountFen > 0 ? Math.round((fen / s.total.contractAmountFen) * 10_000) / 100 : 0);
    s.rows.forEach((r, i) => {
      sheet.addRow([
        i + 1,
        view.label(r.key),
        r.count,
        Number(fenToWan(r.contractAmountFen)),
        Number(fenToWan(r.technicalAmountFen)),
        share(r.contractAmountFen),
      ]);
    });
    const total = sheet.addRow([
      '',
      '合计',
      s.total.count,
      Number(fenToWan(s.total.contractAmountFen)),
      Number(fenToWan(s.total.technicalAmountFen)),
      s.total.count ? 100 : 0,
    ]);
    total.font = { bold: true };
    for (const col of [4, 5]) sheet.getColumn(col).numFmt = '#,##0.00';
    [6, 18, 14, 16, 18, 16].forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
  }
  return { filename: `技术合同登记统计-${regionName}-${q.year}-${direction}.xlsx`, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}
