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

// Where a wrapped number or unit breaks: the line ends in a digit (or a digit and its decimal point or magnitude)…
const endsInNumber = /[0-9０-９](?:[ .．]|[万亿千百])?$/;
// …and the next goes on with digits, the decimal part or the unit (2⏎0名, 7.⏎14%, 3⏎0亿元, 1 2⏎85家, 2.5万⏎亿元).
const goesOnWithNumber = /^(?:[0-9０-９.．%％]|[万亿千百]?(?:元|美元|家|个|项|名|人|件|场|次|期|位|所|支|篇|批|亩|吨|平方米|个百分点))/;
// A line that closes a sentence, a heading or a table row is a line the writer ended.
const closed = /[。；;：:！!？?]$/;

/**
 * Rejoins lines broken where the writer did not break them, as text copied from a PDF or a web page is: a break inside
 * a number or between a number and its unit always; a break inside running text (a line with clause punctuation that
 * does not close its sentence) unless the next line opens a heading or a bullet. Titles, headings and table rows stay
 * apart. A web page's paragraphs and list items are the writer's own breaks: for them `runningText: false` rejoins
 * broken numbers only.
 */
export function joinBrokenLines(text: string, opts: { runningText?: boolean } = {}): string {
  const runningText = opts.runningText ?? true;
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev === undefined || /\t|[|｜]/.test(prev) || /\t|[|｜]/.test(line) || matchHeading(line.trim())) {
      out.push(line);
      continue;
    }
    // Running text has clause punctuation; a heading without a sentence of body (二、主要目标) is not running text.
    const running = /[，,、；;。]/.test(prev) && !(matchHeading(prev.trim()) && !prev.includes('。'));
    // Digits after a word (人才2⏎0名) run on; digits after a field label or a date (日期: 2021-03-04) may not.
    const afterWord = /[\u4e00-\u9fa5][0-9０-９]+[ .．]?$/.test(prev);
    // A line that opens with a date (2026年3月1日, 2026-03-01) starts afresh, whatever ended the line before.
    const dated = /^(?:19|20)\d{2}(?:年|[-/.]\d)/.test(line);
    const inNumber =
      endsInNumber.test(prev) && goesOnWithNumber.test(line) && !dated && (running || afterWord || !/^[0-9０-９]/.test(line));
    // A date alone on its line signs a document off (…电话：0731-8888666⏎2026年2月13日).
    const dateLine = /^(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})$/.test(line.trim());
    const inText = runningText && running && !closed.test(prev) && !dateLine && !/^[—－\-•·*●■◆▪]/.test(line);
    if (inNumber || inText) out[out.length - 1] = `${prev}${line}`;
    else out.push(line);
  }
  return out.join('\n');
}
