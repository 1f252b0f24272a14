import { platformLevelZh, platformStatusZh, type TPlatform, type TPlatformListQuery } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { listPlatforms } from './registry.ts';
import { loadPlatformTypes } from './types.ts';

/** The registry as filtered, one sheet; the type's own fields as columns after the common ones. */
export async function exportPlatformsXlsx(ctx: Ctx, input: Omit<TPlatformListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const types = await loadPlatformTypes(ctx.db);
  const items: TPlatform[] = [];
  for (let page = 1; page <= 100; page++) {
    const got = await listPlatforms(ctx, { ...input, page, pageSize: 200 });
    items.push(...got.items);
    if (items.length >= got.total || got.items.length === 0) break;
  }
  const fieldKeys = [...new Map(types.flatMap((t) => t.fields.map((f) => [f.key, `${f.label}（${f.unit}）`] as const))).entries()].filter(
    ([k]) => items.some((p) => p.fields[k] !== undefined),
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('创新平台');
  sheet.addRow([
    '编号',
    '平台名称',
    '类型',
    '级别',
    '依托单位',
    '地区',
    '认定文号',
    '认定日期',
    '状态',
    '最近绩效评价',
    ...fieldKeys.map(([, l]) => l),
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of items)
    sheet.addRow([
      p.id,
      p.name,
      p.typeName,
      platformLevelZh[p.level],
      p.orgName,
      p.regionName,
      p.docNo,
      p.approvedOn,
      platformStatusZh[p.status],
      p.lastGrade ?? '',
      ...fieldKeys.map(([k]) => p.fields[k] ?? ''),
    ]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 || i === 4 ? 36 : 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
