import { matchHeading } from './outline.ts';

/**
 * Rejoins lines a PDF wrapped at the page width: a line that does not end a sentence runs on into the next, unless the
 * next starts a heading. Without this, 达到\n35亿元 would lose its verb and a heading its tail.
 */
export function reflowWrappedLines(text: string): string {
  const lines = text.split('\n');
  const widths = lines.map((l) => l.length).sort((a, b) => a - b);
  // The page width: the length most full lines reach (the 80th percentile is robust to short headings).
  const full = widths[Math.floor(widths.length * 0.8)] ?? 0;
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const runsOn = prev !== undefined && prev.length >= full * 0.85 && !/[。；;：:！!？?]$/.test(prev) && !matchHeading(line.trim());
    if (runsOn) out[out.length - 1] = `${prev}${line}`;
    else out.push(line);
  }
  return out.join('\n');
}
