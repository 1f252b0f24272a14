import { parseChineseInteger } from './numbers.ts';

/** Heading styles in the order documents usually nest them; used only to tell styles apart. */
export type HeadingStyle = 'chapter' | 'article' | 'plain' | 'cn' | 'pcn' | 'num' | 'numd' | 'pnum' | 'nump' | 'circ' | 'inline' | 'row';

export type HeadingMatch = {
  style: HeadingStyle;
  /** The number as written, without the trailing 、 or . (一 / （一） / 1 / ① / 第三条). */
  number: string;
  /** Ordinal for sequence checks; 0 for unnumbered headings. */
  ordinal: number;
  /** Offset of the text after the marker, relative to the line start. */
  bodyAt: number;
};

const cnDigits = '一二三四五六七八九十百零〇两';
const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

// Generic headings of the genre that carry no number (they stand alone on their line).
const plainHeading =
  /^(?:[一二三四五六七八九十]+[、.]\s*)?(?:指导思想|总体要求|总体思路|基本原则|主要目标|发展目标|工作目标|总体目标|目标任务|重点任务|主要任务|工作任务|重点工作|保障措施|工作措施|工作要求|组织保障|组织实施|实施步骤|进度安排)$/;

type PatternSpec = { style: HeadingStyle; re: RegExp; ord: 1 | 2 | 3 };
const specs: PatternSpec[] = [
  { style: 'chapter', re: new RegExp(`^第([${cnDigits}\\d]+)(?:章|部分|节)\\s*`), ord: 1 },
  { style: 'article', re: new RegExp(`^第([${cnDigits}\\d]+)条\\s*`), ord: 1 },
  { style: 'cn', re: new RegExp(`^([${cnDigits}]+)\\s*[、.．]\\s*`), ord: 1 },
  { style: 'pcn', re: new RegExp(`^([（(][${cnDigits}]+[）)])[、.．]?\\s*`), ord: 2 },
  { style: 'num', re: /^(\d{1,3})\s*[.．](?![\d])\s*/, ord: 1 },
  { style: 'numd', re: /^(\d{1,3})\s*[、]\s*/, ord: 1 },
  { style: 'pnum', re: /^([（(]\d{1,3}[）)])[、.．]?\s*/, ord: 2 },
  { style: 'nump', re: /^(\d{1,3})\s*[)）]\s*/, ord: 1 },
  { style: 'circ', re: new RegExp(`^([${circled}])[、.．]?\\s*`), ord: 3 },
];
const patterns = specs.map(({ style, re, ord }) => ({
  style,
  re,
  ordinal: (m: RegExpExecArray) => {
    const raw = m[1] ?? '';
    if (ord === 3) return circled.indexOf(raw) + 1;
    const inner = ord === 2 ? raw.slice(1, -1) : raw;
    return /^\d+$/.test(inner) ? Number(inner) : parseChineseInteger(inner);
  },
}));

const headingStart = new RegExp(`^[\\d（(${cnDigits}${circled}第]`);

/** The heading a line starts with, if any. `line` is already left-trimmed. */
export function matchHeading(line: string): HeadingMatch | null {
  // Cheap first-character test: most lines are body text.
  if (line.length > 18 && !headingStart.test(line)) return null;
  const bare = line.replace(/[：:]\s*$/, '').trim();
  if (bare.length <= 16 && plainHeading.test(bare) && !/^[一二三四五六七八九十]/.test(bare)) {
    return { style: 'plain', number: '', ordinal: 0, bodyAt: 0 };
  }
  for (const p of patterns) {
    const m = p.re.exec(line);
    if (!m) continue;
    const ordinal = p.ordinal(m);
    if (ordinal === null || ordinal <= 0) continue;
    const rest = line.slice(m[0].length);
    // A numbered line needs text after the marker; 1.5亿 or 2、3家 are not headings.
    if (!rest || /^(?:[\d.]+\s*[%％亿万家个项名人]|[%％])/.test(rest)) continue;
    const number = p.style === 'chapter' || p.style === 'article' ? m[0].trim() : (m[1] ?? '');
    return { style: p.style, number, ordinal, bodyAt: m[0].length };
  }
  return null;
}

/** Heading text: from the marker to the first 。 (or ；/; for inline items) or the end of the line, less a trailing ；. */
export function headingTitle(text: string, from: number, inline: boolean, end = text.length): string {
  const stop = inline ? '。；;\n' : '。\n';
  let i = from;
  while (i < end && !stop.includes(text[i] ?? '')) i++;
  const raw = text.slice(from, i);
  // Responsible units in a trailing parenthesis are task data, not part of the heading.
  return raw
    .replace(/[（(][^（）()]*(?:牵头|责任|配合)[^（）()]*[）)]\s*$/, '')
    .replace(/[：:；;，,]\s*$/, '')
    .trim();
}

// 一是…二是… and 第一，…第二，… split a paragraph into items.
const inlineRe = new RegExp(`(^|[。；;，,：:\\s])(?:([${cnDigits}]+)是|第([${cnDigits}]+)[，,、：:])`, 'g');

/** Inline items 一是…二是…三是… in a body: positions of each marker, in order; needs at least two. */
export function findInlineItems(body: string): { at: number; number: string; textAt: number }[] {
  const found: { at: number; number: string; textAt: number }[] = [];
  let expect = 1;
  let form: 'shi' | 'di' | null = null;
  for (const m of body.matchAll(inlineRe)) {
    const kind = m[2] !== undefined ? 'shi' : 'di';
    const num = m[2] ?? m[3] ?? '';
    if (parseChineseInteger(num) !== expect || (form && form !== kind)) continue;
    form = kind;
    const at = m.index + (m[1]?.length ?? 0);
    const number = kind === 'shi' ? `${num}是` : `第${num}`;
    found.push({ at, number, textAt: at + number.length + (kind === 'di' ? 1 : 0) });
    expect++;
  }
  return found.length >= 2 ? found : [];
}

const cellSep = /\t|\s*[|｜]\s*/;

/** Table cells of a line laid out as a row (tab or | separated), or null. */
export function splitRow(line: string): string[] | null {
  if (!/\t|[|｜]/.test(line)) return null;
  const cells = line
    .replace(/^\s*[|｜]|[|｜]\s*$/g, '')
    .split(cellSep)
    .map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

export type TableColumns = { number: number; title: number; lead: number; co: number; deadline: number };

/** Reads a task table's header row (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限). */
export function tableColumns(cells: string[]): TableColumns | null {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const title = find(/任务|事项|工作内容|具体内容|措施/);
  if (title < 0) return null;
  const lead = find(/牵头|责任单位|负责单位|主办/);
  const co = cells.findIndex((c, i) => i !== lead && /配合|协办|参与|协同|责任单位/.test(c));
  return { number: find(/序号|编号/), title, lead, co, deadline: find(/时限|时间|期限/) };
}
