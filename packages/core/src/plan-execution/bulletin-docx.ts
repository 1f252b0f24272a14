import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  type BulletinInput,
  cnDate,
  cnNumber,
  laggingTasks,
  num,
  overallText,
  pct,
  sectionsWithTasks,
  sectionText,
  statusOrder,
  targetNote,
  targetStatusLabels,
  taskStatusLabels,
  totalTasks,
  unitsOf,
} from './bulletin-content.ts';

// The usual layout of a 党政机关公文 (GB/T 9704): a red 发文机关 line, the 文号 and a red rule, the title in
// 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with 一、 headings in 黑体 and （一） in 楷体_GB2312.
const font = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312' } as const;
/** What Word substitutes when a font is missing (written to the font table as w:altName). */
const fallbacks: Record<string, string> = {
  [font.title]: 'SimSun',
  [font.body]: 'FangSong',
  [font.h1]: 'SimHei',
  [font.h2]: 'KaiTi',
};
const red = 'C00000';
/** lagging items named in the document itself; the .xlsx lists every task */
const maxListed = 100;
const pt = (n: number) => n * 2; // docx sizes are half-points
const size = { head: pt(30), title: pt(22), body: pt(16), table: pt(12) };
const lineSpacing = { line: 560, lineRule: 'exact' as const }; // 28 pt: 22 lines a page

function run(text: string, f: string = font.body, extra: Partial<{ bold: boolean; color: string; size: number }> = {}) {
  return new TextRun({
    text,
    font: f,
    size: extra.size ?? size.body,
    ...(extra.bold ? { bold: true } : {}),
    ...(extra.color ? { color: extra.color } : {}),
  });
}

/** The status explanation as a sentence: without the trailing “→ verdict”, ending in 。 */
function reasonText(reason: string): string {
  const text = reason.replace(/\s*→\s*\S+\s*$/, '').trim();
  return text && !/[。；]$/.test(text) ? `${text}。` : text;
}

function body(text: string | TextRun[]) {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text)] : text,
    indent: { firstLine: 640 }, // two characters of 16 pt
    spacing: lineSpacing,
    alignment: AlignmentType.JUSTIFIED,
  });
}

const h1 = (n: number, text: string) =>
  new Paragraph({ children: [run(`${cnNumber(n)}、${text}`, font.h1)], indent: { firstLine: 640 }, spacing: lineSpacing });
const h2 = (n: number, text: string) => body([run(`（${cnNumber(n)}）${text}`, font.h2)]);

function cell(text: string, opts: { bold?: boolean; width: number }) {
  return new TableCell({
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, opts.bold ? font.h1 : font.body, { size: size.table })] }),
    ],
  });
}

function table(head: string[], rows: string[][], widths: number[]) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, { bold: true, width: widths[i] ?? 10 })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, { width: widths[i] ?? 10 })) })),
    ],
  });
}

/** Adds the fonts with their fallbacks to word/fontTable.xml, so Word without the 方正/GB2312 fonts uses SimSun/FangSong. */
function withFontFallbacks(bytes: Uint8Array): Buffer {
  const files = unzipSync(bytes);
  const table = files['word/fontTable.xml'];
  if (!table) return Buffer.from(bytes);
  const entries = Object.entries(fallbacks)
    .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>`)
    .join('');
  const xml = strFromU8(table).replace(/<w:fonts([^>]*)\/>$/, '<w:fonts$1></w:fonts>');
  files['word/fontTable.xml'] = strToU8(xml.replace('</w:fonts>', `${entries}</w:fonts>`));
  return Buffer.from(zipSync(files));
}

/** The 进度通报 as a .docx in the usual official-document layout. */
export async function renderBulletinDocx(input: BulletinInput): Promise<Buffer> {
  const p = input.progress;
  const total = totalTasks(p.counts);
  const lagging = laggingTasks(p);
  const out: Array<Paragraph | Table> = [];

  // 红头: 发文机关, 文号, a red rule
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400, after: 200 },
      children: [run(input.issuer, font.title, { color: red, size: size.head })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(input.docNumber)],
      border: { bottom: { color: red, space: 6, style: BorderStyle.THICK, size: 18 } },
      spacing: { after: 400 },
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400, line: 700, lineRule: 'exact' },
      children: [run(input.title, font.title, { size: size.title })],
    }),
    new Paragraph({ spacing: lineSpacing, children: [run('各有关单位：')] }),
    body(`现将《${p.title}》${input.periodLabel}推进情况通报如下（统计截至${cnDate(p.asOf)}）。`),
  );

  // 一、总体情况
  out.push(h1(1, '总体情况'));
  out.push(body(overallText(p)));
  out.push(
    table(
      ['状态', '任务数', '占比'],
      [
        ...statusOrder.map((s) => [taskStatusLabels[s], String(p.counts[s]), total ? pct((p.counts[s] / total) * 100) : '—']),
        ['合计', String(total), total ? '100%' : '—'],
      ],
      [40, 30, 30],
    ),
  );

  // 二、各板块进展
  out.push(h1(2, '各板块进展'));
  const sections = sectionsWithTasks(p.sections);
  if (sections.length === 0) out.push(body('本计划未划分板块。'));
  sections.forEach((s, i) => {
    out.push(h2(i + 1, `${s.title}`));
    out.push(body(sectionText(s)));
  });

  // 三、指标完成情况
  out.push(h1(3, '指标完成情况'));
  const targets = p.targets;
  if (targets.length === 0) out.push(body('本计划未设置量化指标。'));
  else {
    const met = targets.filter((t) => t.status === 'met').length;
    out.push(body(`本计划设置量化指标 ${targets.length} 项，已达标 ${met} 项。`));
    out.push(
      table(
        ['指标', '目标值', '实际值', '完成率', '状态', '来源/说明'],
        targets.map((t) => [
          t.indicatorName,
          `${num(t.target)}${t.unit}`,
          t.actual === null ? '暂无数据' : `${num(t.actual)}${t.unit}`,
          t.attainment === null ? '—' : pct(t.attainment * 100),
          targetStatusLabels[t.status],
          targetNote(t),
        ]),
        [22, 13, 13, 11, 11, 30],
      ),
    );
  }

  // 四、滞后事项
  out.push(h1(4, '滞后事项'));
  if (lagging.length === 0) out.push(body('本期无滞后或逾期未报任务。'));
  else if (lagging.length > maxListed)
    out.push(body(`本期滞后或逾期未报任务共 ${lagging.length} 项，以下列出最需关注的 ${maxListed} 项，全部事项见进度明细表。`));
  lagging.slice(0, maxListed).forEach((t, i) => {
    out.push(body(`（${i + 1}）${t.title}（${unitsOf(t)}）：${taskStatusLabels[t.status]}。${reasonText(t.statusReason)}`));
  });

  // 五、下一步工作
  out.push(h1(5, '下一步工作'));
  const units = p.units.filter((u) => u.lagging > 0).map((u) => u.name);
  const late = p.units.filter((u) => u.onTimeRate !== null && u.onTimeRate < 1).map((u) => u.name);
  out.push(
    body(
      units.length > 0
        ? `请${units.join('、')}等单位对滞后事项逐项分析原因，明确整改措施和完成时限，于下一报送期前报送整改情况。`
        : '请各责任单位保持工作力度，按期推进各项任务。',
    ),
  );
  if (late.length > 0) out.push(body(`${late.join('、')}存在未按时报送进展的情况，请严格按照报送周期按时报送。`));
  out.push(body(`${input.issuer}将持续跟踪各项任务推进情况，定期通报进展。`));

  // 落款
  out.push(
    new Paragraph({ spacing: { before: 600, ...lineSpacing }, alignment: AlignmentType.RIGHT, children: [run(input.issuer)] }),
    new Paragraph({ spacing: lineSpacing, alignment: AlignmentType.RIGHT, children: [run(cnDate(input.issuedOn))] }),
  );

  const doc = new Document({
    creator: input.issuer,
    title: input.title,
    styles: { default: { document: { run: { font: font.body, size: size.body } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, // 37/35/28/26 mm
        children: out,
      },
    ],
  });
  return withFontFallbacks(new Uint8Array(await Packer.toBuffer(doc)));
}
