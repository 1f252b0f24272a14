import type { TIntegrityListQuery } from '@kechuang/contracts';
import ExcelJS from 'exceljs';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireIntegrityReader } from './integrity.policy.ts';
import { type RecordRow, recordView } from './integrity.repository.ts';
import { activityZh, appealZh, listZh, severityZh, statusZh } from './labels.ts';
import { filteredRecords } from './list-records.ts';
import { periodZh } from './period.ts';
import { measureZh, packById, typeZh } from './rule-packs.ts';

/** The register as filtered, one sheet; the identity number never appears (only its last four characters). */
export async function exportRecordsXlsx(ctx: Ctx, input: Omit<TIntegrityListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const actor = requireIntegrityReader(ctx);
  const today = bureauDate(ctx.now());
  const rows = await filteredRecords(ctx.db, actor.regionCode, input, today).orderBy('r.id').limit(100_000).execute();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('科研诚信记录');
  sheet.addRow([
    '编号',
    '名单',
    '对象类型',
    '姓名/单位名称',
    '工作单位',
    '身份证末四位',
    '统一社会信用代码',
    '失信类型',
    '严重程度',
    '处理措施',
    '限制范围',
    '期限',
    '处理决定文号',
    '作出单位',
    '作出日期',
    '行为发生日期',
    '适用规则',
    '申诉',
    '状态',
    '地区代码',
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const raw of rows) {
    const r = recordView(raw as RecordRow, today);
    const pack = packById(r.packId);
    sheet.addRow([
      r.id,
      listZh[r.listKind],
      r.subjectKind === 'person' ? '人员' : '单位',
      r.subjectName,
      r.subjectUnit ?? '',
      r.idLast4 ?? '',
      r.uscc ?? '',
      typeZh(pack, r.misconductType),
      r.severity ? severityZh[r.severity] : '',
      r.measures.map((m) => measureZh(pack, m)).join('；'),
      r.banScope.map((a) => activityZh[a]).join('、'),
      r.periodStart ? periodZh(r) : '',
      r.docNo ?? '',
      r.issuer ?? '',
      r.decidedOn ?? '',
      r.occurredOn ?? '',
      r.packName ?? '',
      appealZh[r.appealStatus],
      statusZh[r.status],
      r.regionCode,
    ]);
  }
  [8, 12, 8, 24, 24, 10, 22, 40, 10, 40, 20, 32, 24, 20, 12, 12, 36, 10, 8, 10].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
