import { AppError } from '@kechuang/contracts';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { fenToWan } from '../project/index.ts';
import { loadContract } from './contract.repository.ts';
import { contractRulePacks } from './rule-packs.ts';
import { canReadContract } from './techmarket.policy.ts';

const typeNames: Record<string, string> = {
  development: '技术开发合同',
  transfer: '技术转让合同',
  license: '技术许可合同',
  consulting: '技术咨询合同',
  service: '技术服务合同',
};

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'FangSong', size: 24 })] })] });

/**
 * 技术合同登记证明: the registration number, the type as recognised under the named rule pack, and both
 * amounts — 合同成交额 and the 核定 技术交易额 (2024 draft 第十五条 states both; the 2000 办法 第十四条 the
 * 技术性收入). Only a registered contract has one; the seller and the registrar may download it.
 */
export async function contractCertificateDocx(ctx: Ctx, id: number): Promise<{ filename: string; bytes: Uint8Array }> {
  const actor = requireActor(ctx);
  const { contract: c, point } = await loadContract(ctx.db, id);
  if (!canReadContract(actor, c, point)) throw new AppError('auth/out_of_scope', { id });
  if (c.status !== 'registered' || !c.registrationNo) throw new AppError('techmarket/wrong_status', { status: c.status });
  const pack = contractRulePacks.find((p) => p.id === c.packId);
  const rows: [string, string][] = [
    ['登记编号', c.registrationNo],
    ['合同名称', c.name],
    ['卖方（登记方）', c.sellerName],
    ['买方', c.buyerName],
    ['合同类别', `${typeNames[c.contractType ?? ''] ?? c.contractType ?? ''}（${c.subtype ?? ''}）`],
    ['认定依据', pack ? `${pack.name}；${pack.source}` : (c.packId ?? '')],
    ['合同成交额', `${fenToWan(c.contractAmountFen)} 万元`],
    ['技术交易额（核定）', `${fenToWan(c.technicalAmountFen ?? 0)} 万元`],
    ['技术领域', c.techField],
    ['登记日期', c.registeredOn ?? ''],
    ['登记机构', c.pointName ?? ''],
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: '技术合同认定登记证明', bold: true, font: 'SimHei', size: 36 })],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
          }),
          new Paragraph({
            spacing: { before: 300 },
            children: [
              new TextRun({
                text: '经认定登记的技术合同，可依法享受国家有关促进科技成果转化的税收、信贷和奖励等优惠政策（国科发政字〔2000〕063号 第六条）。',
                font: 'FangSong',
                size: 22,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return { filename: `技术合同登记证明-${c.registrationNo}.docx`, bytes: new Uint8Array(await Packer.toBuffer(doc)) };
}
