import { indicatorFileColumns as H, indicatorValueKindNames, type TIndicatorValueKind } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { catalogMap } from './catalog.ts';
import { assertReadScope, requireIndicatorReader } from './indicator.policy.ts';

export function styleSheet(sheet: ExcelJS.Worksheet, widths: number[]) {
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
}

/**
 * The current values of a region subtree as a workbook in the import layout (指标代码, 地区代码, 期间, 类型,
 * 数值, 备注) followed by reference columns (指标名称, 单位, 地区名称, 来源) that the import ignores, so
 * an exported file imports back unchanged.
 */
export async function exportValuesXlsx(
  ctx: Ctx,
  q: { region?: string | undefined; indicator?: string | undefined; fromYear?: number | undefined; toYear?: number | undefined },
): Promise<Buffer> {
  const actor = requireIndicatorReader(ctx);
  const region = q.region ?? actor.regionCode;
  assertReadScope(actor, region);
  const catalog = await catalogMap(ctx);
  let query = ctx.db
    .selectFrom('indicator_value as v')
    .innerJoin('region as r', 'r.code', 'v.region_code')
    .select(['v.indicator_code', 'v.region_code', 'r.name', 'v.period', 'v.kind', 'v.value', 'v.note', 'v.source'])
    .where('v.superseded_at', 'is', null)
    .where('v.region_code', 'like', subtreePattern(region));
  if (q.indicator) query = query.where('v.indicator_code', '=', q.indicator);
  if (q.fromYear) query = query.where('v.period', '>=', String(q.fromYear));
  if (q.toYear) query = query.where('v.period', '<', String(q.toYear + 1));
  const rows = await query
    .orderBy('v.region_code')
    .orderBy('v.indicator_code')
    .orderBy('v.period')
    .orderBy('v.kind')
    .limit(200_000)
    .execute();
  const book = new ExcelJS.Workbook();
  book.creator = '科创 Kechuang';
  book.created = ctx.now();
  const ws = book.addWorksheet('指标数据');
  ws.addRow([H.indicator, H.region, H.period, H.kind, H.value, H.note, '指标名称', '单位', '地区名称', '来源']);
  for (const r of rows) {
    const ind = catalog.get(r.indicator_code);
    ws.addRow([
      r.indicator_code,
      r.region_code,
      r.period,
      indicatorValueKindNames[r.kind as TIndicatorValueKind],
      Number(r.value),
      r.note,
      ind?.nameZh ?? '',
      ind?.unit ?? '',
      r.name,
      r.source,
    ]);
  }
  for (const c of [2, 3]) ws.getColumn(c).numFmt = '@';
  styleSheet(ws, [28, 10, 10, 8, 16, 24, 30, 10, 16, 10]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
