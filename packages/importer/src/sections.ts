import type { TSection } from './draft.ts';
import { findInlineItems, type HeadingStyle, headingTitle, matchHeading, splitRow, type TableColumns, tableColumns } from './outline.ts';

/** A section node while parsing; table rows keep their cells for the task reader. */
export type Node = TSection & {
  style: HeadingStyle;
  ordinal: number;
  /** Offset where the heading text (after the marker) begins. */
  textAt: number;
  children: Node[];
  row?: { cells: string[]; columns: TableColumns };
};

export const maxSections = 5_000;

type Frame = { style: HeadingStyle; node: Node; ordinal: number };

function lines(text: string): { start: number; end: number; line: string }[] {
  const out: { start: number; end: number; line: string }[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    out.push({ start: pos + lead, end: pos + raw.replace(/\s+$/, '').length, line: raw.trim() });
    pos += raw.length + 1;
  }
  return out;
}

function trimEnd(text: string, end: number, floor: number): number {
  let e = end;
  while (e > floor && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/**
 * Builds the section tree. Numbered headings nest by style: a style seen before closes everything opened after it
 * (a sibling); a new style opens a child. A number out of sequence is body text, not a heading.
 */
export function parseSections(text: string): Node[] {
  const roots: Node[] = [];
  const stack: Frame[] = [];
  const lastOfStyle = new Map<HeadingStyle, number>();
  let table: { columns: TableColumns; parent: Node | null } | null = null;

  const close = (frames: Frame[], at: number) => {
    for (const f of frames) f.node.end = trimEnd(text, at, f.node.start);
  };
  const attach = (node: Node) => {
    const parent = stack.at(-1)?.node;
    (parent ? parent.children : roots).push(node);
  };

  let count = 0;
  for (const { start, end, line } of lines(text)) {
    if (!line) continue;
    // A plan has hundreds of sections; past this the input is not a plan and parsing more only costs.
    if (count >= maxSections) break;
    const cells = splitRow(line);
    if (cells) {
      const columns = tableColumns(cells);
      if (columns && cells.some((c) => /序号|牵头|责任/.test(c))) {
        table = { columns, parent: stack.at(-1)?.node ?? null };
        continue;
      }
      if (table) {
        const { columns } = table;
        const title = cells[columns.title] ?? '';
        const number = columns.number >= 0 ? (cells[columns.number] ?? '') : '';
        const node: Node = {
          number,
          title: headingTitle(title, 0, false),
          start,
          end,
          children: [],
          style: 'row',
          ordinal: 0,
          textAt: start + line.indexOf(title),
          row: { cells, columns },
        };
        (table.parent ? table.parent.children : roots).push(node);
        continue;
      }
    } else {
      table = null;
    }
    const h = matchHeading(line);
    if (!h) continue;
    const at = stack.findIndex((f) => f.style === h.style);
    if (h.style === 'plain') {
      if (stack.length && stack[0]?.style !== 'plain') continue;
      close(stack.splice(0), start);
    } else if (at >= 0) {
      const prev = stack[at]?.ordinal ?? 0;
      if (h.ordinal !== prev + 1) continue;
      close(stack.splice(at).reverse(), start);
    } else {
      const last = lastOfStyle.get(h.style) ?? 0;
      // A pasted excerpt may open mid-list (二、…); below the top level a list starts at 1 or continues.
      if (h.ordinal !== 1 && h.ordinal !== last + 1 && (stack.length || roots.length)) continue;
    }
    const textAt = start + h.bodyAt;
    const node: Node = {
      number: h.number,
      title: headingTitle(text, textAt, false),
      start,
      end,
      children: [],
      style: h.style,
      ordinal: h.ordinal,
      textAt,
    };
    attach(node);
    count++;
    stack.push({ style: h.style, node, ordinal: h.ordinal });
    lastOfStyle.set(h.style, h.ordinal);
  }
  close(stack.splice(0).reverse(), text.length);
  for (const root of roots) addInlineItems(text, root);
  return roots;
}

/** Leaf sections written as 一是…二是…三是… get those items as children. */
function addInlineItems(text: string, node: Node): void {
  if (node.children.length) {
    for (const c of node.children) addInlineItems(text, c);
    return;
  }
  const bodyFrom = node.textAt + node.title.length;
  const body = text.slice(bodyFrom, node.end);
  const items = findInlineItems(body);
  items.forEach((item, i) => {
    const start = bodyFrom + item.at;
    const next = items[i + 1];
    const end = trimEnd(text, next ? bodyFrom + next.at : node.end, start);
    const textAt = bodyFrom + item.textAt;
    node.children.push({
      number: item.number,
      title: headingTitle(text, textAt, true, end),
      start,
      end,
      children: [],
      style: 'inline',
      ordinal: i + 1,
      textAt,
    });
  });
}

/** The public shape: number, title, span, children. */
export function toSections(nodes: Node[]): TSection[] {
  return nodes.map((n) => ({ number: n.number, title: n.title, start: n.start, end: n.end, children: toSections(n.children) }));
}

/** The chain of nodes containing [start, end), outermost first. */
export function pathAt(nodes: Node[], start: number, end: number = start + 1): Node[] {
  const path: Node[] = [];
  let level = nodes;
  for (;;) {
    const hit = level.find((n) => n.start <= start && start < n.end && end <= Math.max(n.end, start + 1));
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}
