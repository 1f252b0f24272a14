import { AppError } from '@kechuang/contracts';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { fenToWan } from './money.ts';
import { requireManagerOf } from './project.policy.ts';
import { findCall } from './project.repository.ts';

/*
 * 立项公示: the projects a call's decision selected, published for objection before the 任务书 are signed;
 * the same list as .docx (the notice) and .xlsx (for the bureau's records). Read by the bureau that owns
 * the call.
 */

interface Line {
  projectNo: string;
  title: string;
  orgName: string;
  leaderName: string;
  grantedWan: string;
}

async function approvalLines(ctx: Ctx, callId: number) {
  const call = await findCall(ctx.db, callId, ctx.now());
  requireManagerOf(ctx, call.regionCode);
  const rows = await ctx.db
    .selectFrom('project')
    .select(['project_no', 'title', 'org_name', 'leader_name', 'granted_fen'])
    .where('call_id', '=', callId)
    .where('status', '<>', 'revoked')
    .orderBy('project_no')
    .execute();
  if (rows.length === 0) throw new AppError('project/wrong_status', { callId, reason: 'no project selected yet' });
  const lines: Line[] = rows.map((r) => ({
    projectNo: r.project_no,
    title: r.title,
    orgName: r.org_name,
    leaderName: r.leader_name,
    grantedWan: fenToWan(r.granted_fen),
  }));
  const total = fenToWan(rows.reduce((s, r) => s + BigInt(r.granted_fen), 0n));
  return { call, lines, total };
}

const headers = ['序号', '项目编号', '项目名称', '承担单位', '项目负责人', '资助金额（万元）'];

export async function approvalListXlsx(ctx: Ctx, callId: number): Promise<Buffer> {
  const { call, lines, total } = await approvalLines(ctx, callId);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('立项公示');
  sheet.addRow([`${call.title} 拟立项项目公示名单`]);
  sheet.addRow(headers);
  sheet.getRow(2).font = { bold: true };
  lines.forEach((l, i) => {
    sheet.addRow([i + 1, l.projectNo, l.title, l.orgName, l.leaderName, Number(l.grantedWan)]);
  });
  sheet.addRow(['合计', '', `${lines.length} 项`, '', '', Number(total)]);
  [6, 16, 40, 30, 12, 16].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cell = (text: string) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 24 })] })] });

export async function approvalListDocx(ctx: Ctx, callId: number): Promise<Buffer> {
  const { call, lines, total } = await approvalLines(ctx, callId);
  const today = bureauDate(ctx.now());
  const body = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })], indent: { firstLine: 640 } });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `关于${call.title}拟立项项目的公示`, font: '方正小标宋简体', size: 44 })],
          }),
          body(`根据${call.title}，经形式审查和评审，拟对以下 ${lines.length} 个项目予以立项，资助金额合计 ${total} 万元，现予以公示。`),
          body('公示期内，任何单位和个人对公示项目有异议的，请以书面形式向本局反映，并提供必要的证明材料。'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: headers.map(cell) }),
              ...lines.map(
                (l, i) =>
                  new TableRow({ children: [String(i + 1), l.projectNo, l.title, l.orgName, l.leaderName, l.grantedWan].map(cell) }),
              ),
              new TableRow({ children: ['合计', '', `${lines.length} 项`, '', '', total].map(cell) }),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: today, font: '仿宋_GB2312', size: 32 })] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
