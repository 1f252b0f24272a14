/** Text-level helpers the target reader uses: clause bounds, quoted spans, target years. */

const clauseDelims = '，,；;。！？!?\n\t：:';
const sentenceDelims = '；;。！？!?\n\t';

// Look-arounds are bounded so text without punctuation (a pasted blob, a mangled file) stays linear.
const reach = 160;

const tables = new Map<string, Set<number>>();
function codes(delims: string): Set<number> {
  let t = tables.get(delims);
  if (!t) {
    t = new Set([...delims].map((c) => c.charCodeAt(0)));
    tables.set(delims, t);
  }
  return t;
}

export function clauseStartBefore(text: string, at: number, delims = clauseDelims): number {
  const stop = codes(delims);
  const floor = Math.max(0, at - reach);
  for (let i = at - 1; i >= floor; i--) if (stop.has(text.charCodeAt(i))) return i + 1;
  return floor;
}

export function clauseEndAfter(text: string, at: number, delims = clauseDelims): number {
  const stop = codes(delims);
  const ceil = Math.min(text.length, at + reach);
  for (let i = at; i < ceil; i++) if (stop.has(text.charCodeAt(i))) return i;
  return ceil;
}

export const sentenceStartBefore = (text: string, at: number) => clauseStartBefore(text, at, sentenceDelims);
export const sentenceEndAfter = (text: string, at: number) => clauseEndAfter(text, at, sentenceDelims);

// A quote rarely spans a line or runs long; an unbalanced mark is ignored.
const quotedRe = /“[^”\n]{0,80}”|《[^》\n]{0,80}》|〔[^〕\n]{0,80}〕|【[^】\n]{0,80}】|「[^」\n]{0,80}」|‘[^’\n]{0,80}’|"[^"\n]{0,80}"/g;

/** Spans inside quotation marks, title marks and bracketed document numbers; a number there is a name, not a target. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(quotedRe)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

export function insideSpan(spans: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s[0]) hi = mid - 1;
    else if (at >= s[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const yearRe = /(到|至|于|在|力争到|力争)?(20\d{2})年(底|末|前|内)?([，,、]?)/g;

/**
 * The year a target is set for: the last 到2025年 / 2021年， / 2025年底 before it in the same paragraph; otherwise
 * the plan's year. A year used as a name (2020年科技成果对接会) does not count.
 */
export function targetYearAt(text: string, at: number, fallback: number | null): number | null {
  const lineStart = clauseStartBefore(text, at, '\n');
  const before = text.slice(lineStart, at);
  let year: number | null = null;
  for (const m of before.matchAll(yearRe)) {
    const next = before[m.index + m[0].length] ?? '';
    if (/[月度\d]/.test(next) && !m[4]) continue;
    if (m[1] || m[3] || m[4]) year = Number(m[2]);
  }
  if (year !== null) return year;
  return fallback;
}
