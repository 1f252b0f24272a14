/**
 * Named rules the target reader applies, one kind each; every rule has unit tests with invented sentences in
 * target-rules.test.ts. A rule reads the genre, never one document's sentence.
 */
import { clauseStartBefore } from './clauses.ts';
import type { Node } from './sections.ts';

/**
 * Kind: rank. A position to reach or hold: 第N位/名 or 前N位/名 after a ranking word (排名进入全省前15位, 稳居全省第三位,
 * 保持县（市）第一位). It is kind `rank`, value N, comparator ≤ (met when the position reached is N or better; see
 * docs/decisions/0010-rank-targets.md). A position that conditions an award or a sanction (排名前3位的镇街,
 * 排名后两位) is no target, nor is 第N without a ranking word (第3项).
 */
// 全省第9, 全市第一: the region itself names the ranking.
const rankWords = /排名|位次|位列|位居|居|进入|保持|跻身|列|升至|提升至|提升到|晋升|力争|全(?:国|省|市|区|县|州)\s*$/;
/** The character before `at`, past the spaces a PDF export puts around numbers (第 2). */
const charBefore = (text: string, at: number) =>
  text
    .slice(Math.max(0, at - 4), at)
    .replace(/\s+$/, '')
    .at(-1) ?? '';
export const rankComparator = '≤';

export function readRank(text: string, start: number, clause: string, unit: string, unitEnd: number): 'rank' | 'none' | null {
  const before = charBefore(text, start);
  if (before === '后' && /[位名]/.test(unit) && /排名|位次/.test(clause)) return 'none';
  if (before !== '第' && before !== '前') return null;
  if (!/^[位名]$/.test(unit) || !rankWords.test(clause.replace(/\s*[第前]\s*$/, ''))) return before === '第' ? 'none' : null;
  return text[unitEnd] === '的' ? 'none' : 'rank';
}

/** Kind: rank. 增速位列全市第三, 排名前五: a position without its measure word, closing its clause, reads as N 位. */
export function impliedRank(text: string, start: number, end: number): boolean {
  const before = charBefore(text, start);
  if (before !== '第' && before !== '前') return false;
  if (!/^\s*(?:[，,；;。！!？?\n）)]|$)/.test(text.slice(end, end + 2))) return false;
  return rankWords.test(text.slice(clauseStartBefore(text, start), start).replace(/\s*[第前]\s*$/, ''));
}

/**
 * Kind: floor without a verb. 全年科普受众5万人次以上。: a value that closes its clause with 以上, 以内 or 左右 states a
 * level to reach even without a verb; a value the qualifier leads on into a noun (1亿元以上企业) describes that noun.
 */
export function closesWithBound(text: string, valueEnd: number, qualifier: string | null): boolean {
  return /^(?:以上|以内|左右)$/.test(qualifier ?? '') && /^(?:[，,；;。！!？?\n]|$)/.test(text.slice(valueEnd, valueEnd + 1));
}

/**
 * Kind: count over a list. A number that sums up or describes a list of policies or measures (出台政策措施共15条,
 * 落实支持创新的12项政策, 出台《…》等政策文件5个) names the list's length, not a quantity the region commits to.
 */
const listNouns = /政策|措施|举措|文件|意见|办法|条款/;
export function countsAList(text: string, start: number, unitEnd: number, unit: string, clause: string): boolean {
  if (!/^[条项个份件]$/.test(unit)) return false;
  const after = text.slice(unitEnd, unitEnd + 4);
  if (/^(?:政策|措施|举措|文件|意见|办法)/.test(after)) return true;
  // 出台《…》等政策文件5个: 等 closes a list, the count after its noun sums it up.
  if (/等[^，,；;。]{0,8}(?:政策|措施|举措|文件|意见|办法)$/.test(clause)) return true;
  return text[start - 1] === '共' && listNouns.test(clause);
}

/**
 * Kind: milestone restated in words. 首次突破千家, 突破百亿元大关: a round figure a summary uses to celebrate a value it
 * has already given, not a value of its own.
 */
export function restatesAMilestone(raw: string, clause: string, tail: string): boolean {
  if (!/^[十百千万]$/.test(raw)) return false;
  return /首次|首破/.test(clause) || /^大关/.test(tail);
}

/**
 * Kind: property of what is meant. 设立规模10亿元的基金, 年营收超过1亿元的企业: the number describes the thing that
 * follows 的; the thing may be a target, its size is not.
 */
export function describesAThing(clause: string, after: string): boolean {
  const rest = after.replace(/^(?:以上|以下|左右|多)/, '');
  if (!rest.startsWith('的')) return false;
  return (
    /(?:规模|总投资|年营收|营业收入|年产值|面积)(?:达|超过|超)?$/.test(clause) || /^的[\u4e00-\u9fa5]{0,4}(?:基金|集群|园区)/.test(rest)
  );
}

/** The year a section heading or a sentence opening names (2023年工作回顾, 2021年底，…), or null. */
function yearOf(s: string): number | null {
  const m = /((?:19|20)\d{2})年/.exec(s);
  return m ? Number(m[1]) : null;
}

// Sections that report what was done (2023年工作完成情况, 工作成效, 工作回顾); 提升转化成效 is a task, not a report.
const achievedSection =
  /完成情况|工作总结|(?:工作|主要|取得)成效|成效(?:明显|显著)|回顾|进展情况|推进情况|开展情况|(?:主要|工作|取得)成绩|主要指标情况/;
// Sections and sentences that look ahead: their numbers are targets, in a summary too.
const forwardSection = /计划|打算|安排|思路|目标|展望|下一步|明年/;
const forwardSentence = /力争|明年|下一步|下一年|预计|确保|计划(?:到|在|于|新增|实现|完成)|将(?:新增|实现|完成|达到|力争)/;
const pastOpening = /^\s*(?:截至|截止|到)?((?:19|20)\d{2})年(?:底|末)?(?:[，,]|为|是|有|已)/;

export type Tense = 'forward' | 'achieved' | 'past' | 'plain';

/**
 * Kind follows the sentence, not the document. A sentence looks ahead when its section or its words do (2024年工作
 * 计划, 力争); it reports what the year achieved in a summary or a section that reports (完成情况, 成效); it states a
 * baseline when it is dated before the document's year (2021年底，…为655家; a plan's 2023年工作回顾). `sentence`
 * runs from the start of the sentence to the value, with quoted names masked.
 */
export function sentenceTense(path: Node[], sentence: string, clause: string, docYear: number | null, summary: boolean): Tense {
  if (forwardSentence.test(sentence)) return 'forward';
  const opening = pastOpening.exec(sentence);
  if (docYear !== null && opening && Number(opening[1]) < docYear) return 'past';
  const dated = /((?:19|20)\d{2})年(?:底|末)?(?:为|是|有)$/.exec(clause);
  if (docYear !== null && dated && Number(dated[1]) < docYear) return 'past';
  // The innermost section that says which way it looks decides.
  for (const title of path.map((n) => n.title).reverse()) {
    const year = yearOf(title);
    if (year !== null && docYear !== null && year !== docYear) return year > docYear ? 'forward' : 'past';
    if (achievedSection.test(title)) return 'achieved';
    if (forwardSection.test(title)) return 'forward';
  }
  return summary ? 'achieved' : 'plain';
}
