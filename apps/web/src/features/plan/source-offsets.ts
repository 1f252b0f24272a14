import type { markColors } from './plan-format.ts';

export interface SourceMark {
  id: string;
  start: number;
  end: number;
  /** Colour family: a target kind, or `baseline`. */
  tone: keyof typeof markColors;
  /** Shown on hover: the indicator and value. */
  tip: string;
}

export interface TextSelection {
  start: number;
  end: number;
  quote: string;
}

export interface Segment {
  start: number;
  end: number;
  mark: SourceMark | null;
}

/** Cuts the text at every mark boundary; each piece carries the most specific mark covering it. */
export function segment(text: string, marks: readonly SourceMark[], selectedId: string | null): Segment[] {
  const inside = marks.filter((m) => m.start < m.end && m.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    const covering = inside.filter((m) => m.start <= start && end <= m.end);
    const mark = covering.find((m) => m.id === selectedId) ?? covering.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
    out.push({ start, end, mark });
  }
  return out;
}

/** A DOM point (node, offset) inside the pane → a UTF-16 index into the text, via `data-start`. */
function pointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const host = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!host || !root.contains(host)) return null;
    return Number(host.dataset.start) + offset;
  }
  const el = node as HTMLElement;
  const child = el.childNodes[offset];
  if (child) return pointToOffset(root, child, 0);
  // After the last child: the end of that child's text.
  const last = el.lastChild;
  if (!last) return el.dataset?.start ? Number(el.dataset.start) : null;
  const at = pointToOffset(root, last, 0);
  return at === null ? null : at + (last.textContent?.length ?? 0);
}

export function readSelection(root: HTMLElement, text: string): TextSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const a = pointToOffset(root, range.startContainer, range.startOffset);
  const b = pointToOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const start = Math.max(0, Math.min(a, b));
  const end = Math.min(text.length, Math.max(a, b));
  const quote = text.slice(start, end);
  // Trim surrounding white space so the span is exactly the words chosen.
  const lead = quote.length - quote.trimStart().length;
  const trail = quote.length - quote.trimEnd().length;
  if (end - trail <= start + lead) return null;
  return { start: start + lead, end: end - trail, quote: quote.trim() };
}
