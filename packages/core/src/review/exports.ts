import { AppError, type TCriterion, type TReviewSubjectKind } from '@kechuang/contracts';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { loadPanels } from './panels.ts';
import { computeRanking } from './ranking.ts';
import { requireReviewManager } from './review.policy.ts';
import { loadBatch } from './review.repository.ts';
import { getRubric } from './rubric.ts';

/*
 * 评分表 (.xlsx: the ranking and every expert's sheet) and 评审意见 (.docx: the panel's opinions, the experts
 * numbered rather than named, with the aggregated score). For the bureau that runs the review.
 */

const methodZh = { mean: '算术平均', trimmed_mean: '去掉最高分和最低分后平均', median: '中位数' } as const;

/** The column names of each kind's subjects: name, unit, group, number. */
const labels: Record<TReviewSubjectKind, { name: string; unit: string; group: string; no: string }> = {
  project_application: { name: '项目名称', unit: '申报单位', group: '支持方向', no: '申报书编号' },
  platform_application: { name: '平台名称', unit: '依托单位', group: '平台类型', no: '认定申请编号' },
  acceptance: { name: '项目名称', unit: '承担单位', group: '计划类别', no: '项目编号（系统）' },
};

export async function scoreSheetXlsx(
  ctx: Ctx,
  query: { subjectKind: TReviewSubjectKind; batchId: number },
): Promise<{ bytes: Buffer; title: string }> {
  const batch = await loadBatch(ctx.db, query.subjectKind, query.batchId);
  requireReviewManager(ctx, batch.regionCode);
  const rubric = await getRubric(ctx, query);
  const ranking = await computeRanking(ctx.db, query.subjectKind, query.batchId, rubric);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评审排名');
  sheet.addRow([`${batch.title} 评审结果（${methodZh[rubric.aggregation]}，分差阈值 ${rubric.dispersionThreshold}）`]);
  const head = [
    '排名',
    '组内排名',
    '编号',
    labels[query.subjectKind].name,
    labels[query.subjectKind].unit,
    labels[query.subjectKind].group,
    '评分专家数',
    '得分',
    '最高分',
    '最低分',
    '分差',
    '分差过大',
    '否决意见',
  ];
  sheet.addRow(head).font = { bold: true };
  for (const r of ranking.rows)
    sheet.addRow([
      r.rank ?? '',
      r.groupRank ?? '',
      r.subjectId,
      r.title,
      r.orgName,
      r.group ?? '',
      r.n,
      r.score === null ? '' : Number(r.score),
      r.max === null ? '' : Number(r.max),
      r.min === null ? '' : Number(r.min),
      r.spread === null ? '' : Number(r.spread),
      r.dispersed ? '是' : '',
      r.vetoed ? '有' : '',
    ]);
  [6, 8, 8, 40, 30, 14, 10, 10, 10, 10, 10, 10, 10].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const sheets = book.addWorksheet('专家评分');
  const criteria = rubric.criteria as TCriterion[];
  sheets.addRow([
    '编号',
    labels[query.subjectKind].name,
    '专家',
    '状态',
    ...criteria.map((c) => `${c.name}（${c.min}–${c.max}）`),
    '总分',
    '否决',
    '评审意见',
  ]).font = {
    bold: true,
  };
  const panels = await loadPanels(ctx.db, { batch: { kind: query.subjectKind, id: query.batchId } });
  const scores = await ctx.db
    .selectFrom('review_score')
    .selectAll()
    .where('assignment_id', 'in', [0, ...panels.flatMap((p) => p.members.map((m) => m.assignmentId))])
    .execute();
  const byAssignment = new Map(scores.map((s) => [s.assignment_id, s]));
  for (const p of panels)
    for (const m of p.members.filter((x) => x.seat)) {
      const s = byAssignment.get(m.assignmentId);
      const sc = (s?.scores as Record<string, string> | undefined) ?? {};
      sheets.addRow([
        p.subjectId,
        p.subjectTitle,
        m.name,
        m.status,
        ...criteria.map((c) => (sc[c.key] === undefined ? '' : Number(sc[c.key]))),
        s ? Number(s.total) : '',
        s?.veto ? '是' : '',
        s?.opinion ?? '',
      ]);
    }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), title: batch.title };
}

export async function opinionsDocx(ctx: Ctx, panelId: number): Promise<{ bytes: Buffer; title: string }> {
  const [panel] = await loadPanels(ctx.db, { panelId });
  if (!panel) throw new AppError('review/panel_not_found', { id: panelId });
  requireReviewManager(ctx, panel.regionCode);
  const rubric = await getRubric(ctx, { subjectKind: panel.subjectKind, batchId: panel.batchId });
  const ranking = await computeRanking(ctx.db, panel.subjectKind, panel.batchId, rubric);
  const row = ranking.rows.find((r) => r.subjectId === panel.subjectId);
  const seated = panel.members.filter((m) => m.seat && m.status === 'submitted');
  const scores = await ctx.db
    .selectFrom('review_score')
    .selectAll()
    .where('assignment_id', 'in', [0, ...seated.map((m) => m.assignmentId)])
    .execute();
  const text = (t: string, size = 28, bold = false) => new TextRun({ text: t, font: '仿宋_GB2312', size, bold });
  const para = (t: string, bold = false) => new Paragraph({ children: [text(t, 28, bold)], spacing: { after: 120 } });
  const cell = (t: string) => new TableCell({ children: [new Paragraph({ children: [text(t, 24)] })] });
  const criteria = rubric.criteria as TCriterion[];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '专家评审意见', font: '方正小标宋简体', size: 40 })],
          }),
          para(`${labels[panel.subjectKind].name}：${panel.subjectTitle}`),
          para(`${labels[panel.subjectKind].no}：${panel.subjectId}`),
          para(
            `评审得分：${row?.score ?? '—'}（${methodZh[rubric.aggregation]}，${seated.length} 位专家）${row?.rank ? `，本批次排名第 ${row.rank} 位` : ''}${row?.dispersed ? '；专家评分分差过大，建议复议' : ''}${row?.vetoed ? '；有专家提出否决意见' : ''}`,
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: ['专家', ...criteria.map((c) => c.name), '总分'].map(cell) }),
              ...scores.map((s, i) => {
                const sc = s.scores as Record<string, string>;
                return new TableRow({ children: [`专家${i + 1}`, ...criteria.map((c) => sc[c.key] ?? ''), String(s.total)].map(cell) });
              }),
            ],
          }),
          para('评审意见：', true),
          ...scores.map((s, i) => para(`专家${i + 1}：${s.opinion || '（无）'}${s.veto ? '（否决）' : ''}`)),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(bureauDate(ctx.now()), 28)] }),
        ],
      },
    ],
  });
  return { bytes: Buffer.from(await Packer.toBuffer(doc)), title: panel.subjectTitle };
}
