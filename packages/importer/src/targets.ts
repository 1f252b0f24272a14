import { clauseEndAfter, clauseStartBefore, insideSpan, quotedSpans, sentenceStartBefore, targetYearAt } from './clauses.ts';
import { lastComparator, matchQualifier, stripComparators, targetKind } from './comparators.ts';
import type { TBaseline, TTarget } from './draft.ts';
import { lookupIndicator } from './indicator-catalog.ts';
import { findNumbers, type NumberToken } from './numbers.ts';
import { type Node, pathAt } from './sections.ts';
import {
  closesWithBound,
  countsAList,
  describesAThing,
  impliedRank,
  rankComparator,
  readRank,
  restatesAMilestone,
  sentenceTense,
} from './target-rules.ts';
import { matchUnit, normalize } from './units.ts';

export type TargetContext = {
  sections: Node[];
  year: number | null;
  summary: boolean;
};

export const maxTargets = 5_000;
/** Numbers examined at most; a real plan has a few thousand numbers at most. */
const maxCandidates = 50_000;

type Found = { target: TTarget; sentenceStart: number };

// A sentence that states where things stand, not where they should go.
const baselineRe = /截至|截止|已达|已有|已经|现有|累计已/;
// 比2019年底的156家, 较上年的…: the value compared against is a baseline.
const comparedBase = /(?:比|较|从)(?:上年|去年|(?:19|20)\d{2}年)(?:底|末)?的$/;
// Quoted names (“双创计划”) say nothing about tense.
const maskQuoted = (s: string) => s.replace(/“[^”]*”|《[^》]*》/g, (w) => '□'.repeat(w.length));
const leadingNoise =
  /^(?:[\s、和及与]|力争|确保|争取|其中|全年|今年|年内|全市|全县|全区|全省|已有|已达|现有|共有|累计|[到至在]?20\d{2}年(?:底|末)?[，,]?|实现)+/;

// The number of a list item the clause opens with (1． / （一） / ①) is not part of the target.
const headingMarker = /^(?:\d{1,3}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*/;
// A head noun that needs the subject of the target before it (强度 → 研发投入强度).
const shortHead = /^(?:投入)?(?:强度|总数|总量|增幅|增速|比重|占比)/;
const adverbs = /^(?:持续|继续|积极|大力|加快|进一步|努力|着力|全力|重点|每年|年均)+$/;

// 超过10亿元的 describes the firms meant; its verb does not govern the count after it.
const specRe = /(?:超过|超|达到|达|不低于|不少于|以上)[0-9.]+[亿万千]?[元家个人]?(?:以上)?的/g;
const maskSpecs = (s: string) => s.replace(specRe, (w) => '□'.repeat(w.length));

/** The words before a colon at `colon`, without a list number (（一）高新技术企业数：). */
function colonLabel(text: string, colon: number): string {
  const start = clauseStartBefore(text, colon);
  const raw = text.slice(start, colon);
  return cleanName(raw.slice(headingMarker.exec(raw)?.[0].length ?? 0));
}

/** True for 培养和引进: verbs and conjunctions only, no noun to name an indicator. */
function onlyVerbs(s: string): boolean {
  return s.length > 0 && /^[和及与、并或]*$/.test(stripComparators(s));
}

function cleanName(s: string): string {
  return s
    .replace(leadingNoise, '')
    .replace(/[（(][^（）()]*[）)]/g, (m) => (/R&D/i.test(m) ? m : ''))
    .replace(/由.*$/, '')
    .replace(/(?:的|为|是|要|将|年均|每年|分别|总量|力争|确保|争取|继续|持续)+$/, '')
    .trim();
}

/** The year a section heading names (二、2024年工作计划), innermost first. */
function sectionYear(path: Node[]): number | null {
  for (const n of [...path].reverse()) {
    const m = /((?:19|20)\d{2})年/.exec(n.title);
    if (m) return Number(m[1]);
  }
  return null;
}

function sectionTitles(path: Node[]): string {
  return path.map((n) => n.title).join('/');
}

/** Reads every quantitative target (and baseline) from the text; see test/golden/README.md for the reading. */
export function extractTargets(text: string, ctx: TargetContext): { targets: TTarget[]; baselines: TBaseline[] } {
  const quoted = quotedSpans(text);
  const found: Found[] = [];
  const baselines: TBaseline[] = [];
  let candidates = 0;
  for (const tok of findNumbers(text)) {
    // A real plan has a few hundred; past this the input is not a plan, and the cap keeps a hostile one cheap.
    if (found.length + baselines.length >= maxTargets || ++candidates > maxCandidates) break;
    const r = readOne(text, tok, quoted, ctx, found.at(-1));
    if (!r) continue;
    if (r.baseline) {
      const { comparator: _c, targetYear, ...rest } = r.target;
      baselines.push({ ...rest, year: targetYear });
    } else {
      found.push({ target: r.target, sentenceStart: sentenceStartBefore(text, tok.start) });
    }
  }
  splitRespectively(found);
  return { targets: found.map((f) => f.target), baselines };
}

/** 高新技术企业和科技型中小企业分别超过90家和870家: the i-th value belongs to the i-th name. */
function splitRespectively(found: Found[]): void {
  for (let i = 0; i < found.length; i++) {
    const head = found[i]!;
    if (!head.target.quote.includes('分别')) continue;
    const group = [head];
    for (let j = i + 1; j < found.length && found[j]!.sentenceStart === head.sentenceStart; j++) group.push(found[j]!);
    const names = head.target.indicator.name.split(/和|及|与|、/).filter(Boolean);
    if (names.length !== group.length) continue;
    group.forEach((f, k) => {
      const name = names[k]!;
      const t = f.target;
      t.indicator = { name, code: lookupIndicator(name, t.unit, t.kind === 'growth')?.code ?? null };
      t.normalized = normalize(t.value, t.unit, name);
    });
  }
}

function readOne(
  text: string,
  tok: NumberToken,
  quoted: [number, number][],
  ctx: TargetContext,
  prev: Found | undefined,
): { target: TTarget; baseline: boolean } | null {
  // 10余场, 20多家: an approximate count puts 余/多 between the number and its measure word.
  const approx = !tok.percentWord && /[余多]/.test(text[tok.end] ?? '') ? (text[tok.end] ?? null) : null;
  const unitHit =
    (tok.percentWord ? { unit: '%', end: tok.end } : matchUnit(text, approx ? tok.end + 1 : tok.end)) ??
    (impliedRank(text, tok.start, tok.end) ? { unit: '位', end: tok.end } : null);
  if (!unitHit) return null;
  const before = text[tok.start - 1] ?? '';
  const after = text[unitHit.end] ?? '';
  if (/[A-Za-z0-9.\-/_]/.test(before) || /[A-Za-z]/.test(text[tok.end] ?? '')) return null;
  // 一 before a measure word is the indefinite article (一批, 一处, 一支); 之一 is a fraction; 第一位 is a rank.
  if (tok.chinese && !tok.percentWord && /^[一]$/.test(tok.raw) && !/[第前]/.test(before)) return null;
  if (insideSpan(quoted, tok.start)) return null;
  // 等14条 sums up a list; 3个月 is a duration; 第3位 a rank only with 排名 nearby.
  if (before === '等') return null;
  if (/^[年月日天周届]/.test(after) && unitHit.unit !== '%') return null;
  const clauseStart = clauseStartBefore(text, tok.start);
  const clause = text.slice(clauseStart, tok.start);
  // 每季度召开1次 is a routine's frequency, not a quantity to reach.
  if (/^[次场期轮]$/.test(unitHit.unit) && /每(?:年|半年|季度|季|月|周|旬|天|日)[^，,；;。]{0,12}$/.test(clause)) return null;
  // 给予最高20万元奖励, 每家补贴10万元: a policy's amount per beneficiary, not a quantity the region commits to.
  const perBeneficiary = /(?:给予|最高|一次性|每家|每个|每项|每人|每户)[^，,；;。]{0,6}$|(?:奖励|奖补|补助|补贴|资助)$/;
  if (/元|^[亿万]$/.test(unitHit.unit) && perBeneficiary.test(clause)) return null;
  // 年营收超过1亿元的企业: a property of the firms meant, not a target (the count after it may be one).
  if (
    /^的?(?:[\u4e00-\u9fa5]{0,4})(?:企业|项目|单位|公司|团队|机构|产品|人才)/.test(text.slice(unitHit.end, unitHit.end + 8)) &&
    /的/.test(text.slice(unitHit.end, unitHit.end + 3)) &&
    !/增速|增幅/.test(text.slice(unitHit.end, unitHit.end + 6))
  )
    return null;
  const rankRead = readRank(text, tok.start, clause, unitHit.unit, unitHit.end);
  if (rankRead === 'none') return null;
  const rank = rankRead === 'rank';
  if (countsAList(text, tok.start, unitHit.end, unitHit.unit, clause)) return null;
  if (restatesAMilestone(tok.raw, clause, text.slice(unitHit.end, unitHit.end + 4))) return null;
  if (describesAThing(clause, text.slice(unitHit.end, unitHit.end + 8))) return null;

  const qualifier = approx ?? matchQualifier(text.slice(unitHit.end, unitHit.end + 2));
  const valueEnd = unitHit.end + (qualifier?.length ?? 0);
  const sentenceStart = sentenceStartBefore(text, tok.start);
  const sameSentence = prev && prev.sentenceStart === sentenceStart && prev.target.end <= tok.start;
  const segStart = sameSentence && prev.target.end > clauseStart ? prev.target.end : clauseStart;
  const seg = text.slice(segStart, tok.start);
  const cmp = lastComparator(maskSpecs(seg)) ?? (sameSentence && segStart === prev.target.end ? null : lastComparator(maskSpecs(clause)));
  const path = pathAt(ctx.sections, tok.start);
  const inGoals = /目标/.test(sectionTitles(path));

  let comparator = cmp?.word ?? null;
  // 由2022年的320家增加到…: the starting point of a target is its baseline.
  const fromMatch = /由([^，,；;。由]{0,24})$/.exec(clause);
  const fromBase = fromMatch !== null && !lastComparator(fromMatch[1] ?? '');
  const sentence = text.slice(sentenceStart, tok.start);
  const clauseText = text.slice(clauseStart, tok.start);
  const tense = sentenceTense(path, maskQuoted(sentence), clauseText, ctx.year, ctx.summary);
  // A sentence dated before the document's year; 已达285家 in the clause or a sentence opened by 截至… (unless the
  // clause looks ahead, or the sentence reports the year's own result); 由…的 or 比2019年底的 before the value.
  const baseline =
    tense === 'past' ||
    (tense !== 'achieved' &&
      (baselineRe.test(clauseText) || (/^\s*(?:截至|截止|目前)/.test(sentence) && !/力争|到20\d{2}|预计|计划|将|确保/.test(clauseText)))) ||
    fromBase ||
    comparedBase.test(clause);
  // 高新技术企业数：500家 — a label before a colon names the indicator.
  const label = seg.trim() === '' && /[：:]/.test(text[clauseStart - 1] ?? '') ? colonLabel(text, clauseStart - 1) : '';
  if (!cmp && !baseline) {
    const gap = text.slice(prev?.target.end ?? 0, clauseStart);
    if (sameSentence && prev && gap.length <= 40 && !/[。；;\n]/.test(gap)) {
      comparator = prev.target.comparator;
    } else if (unitHit.unit === '%' && /比重|比例|占|率|强度|增速|增幅|增长/.test(seg + text.slice(valueEnd, valueEnd + 6))) {
      comparator = null;
    } else if (
      !(inGoals && seg.length >= 2) &&
      !rank &&
      !(label && (inGoals || lookupIndicator(label, unitHit.unit, false))) &&
      !(closesWithBound(text, valueEnd, qualifier) && cleanName(seg).length >= 2)
    ) {
      // A summary states what was achieved without a verb (规上工业企业研发费用 41.3 亿元): a noun before it suffices.
      if (!(tense === 'achieved' && cleanName(seg).length >= 2)) return null;
    }
  }

  // Indicator: the words before the verb, else between verb and value, else the noun after the value.
  const cmpAt = cmp ? cmp.at : seg.length;
  const marker = headingMarker.exec(seg)?.[0].length ?? 0;
  let name = label || cleanName(seg.slice(marker, Math.max(marker, cmpAt)));
  // A pre-verb part that is only a slogan, an adverb or another verb (培养和引进不少于30名) names nothing.
  if (/^“[^”]*”$/.test(name) || adverbs.test(name) || (onlyVerbs(name) && !shortHead.test(name))) name = '';
  if (!name && cmp) name = cleanName(seg.slice(Math.max(marker, cmp.at + cmp.word.length)));
  // 比上年增加8家 measures the indicator before it.
  if (sameSentence && prev && /^(?:比|较)(?:上年|去年|上一年|2\d{3}年)|^同比/.test(name)) name = prev.target.indicator.name;
  const clauseEnd = clauseEndAfter(text, valueEnd);
  const tail = text.slice(valueEnd, clauseEnd);
  let quoteEnd = valueEnd;
  if (!name || name.length < 2) {
    const post = cleanName(tail.replace(/^的/, ''));
    if (post && post.length <= 30) {
      name = post;
      quoteEnd = clauseEnd;
    }
  }
  const growthTail = /^的?(增速|增幅|增长率|增长)/.exec(tail);
  if (growthTail) {
    name = `${name}${growthTail[1]}`;
    quoteEnd = valueEnd + growthTail[0].length;
  }
  if (comparator && /^(?:增速|增幅|增长率)$/.test(comparator)) name = `${name}${comparator}`;
  // A short head (强度, 总数, 增幅) borrows the subject of the target before it in the sentence.
  if (sameSentence && prev && name.length <= 4 && shortHead.test(name)) {
    const subject = prev.target.indicator.name.replace(/(?:总量|总额|总数|数量)$/, '');
    if (!name.startsWith(subject)) name = `${subject}${name}`;
  }

  const unit = unitHit.unit;
  let kind = targetKind(comparator, unit, `${seg}${tail.slice(0, 8)}`);
  if (rank) {
    kind = 'rank';
    comparator = rankComparator;
  }
  const growth = kind === 'growth';
  const entry = lookupIndicator(name, unit, growth);
  if (tense === 'achieved' && !baseline) kind = 'actual';

  let quoteStart = segStart + (headingMarker.exec(seg)?.[0].length ?? 0);
  while (quoteStart < tok.start && /[\s、和及与]/.test(text[quoteStart] ?? '')) quoteStart++;
  const target: TTarget = {
    indicator: { name: name || seg.trim(), code: entry?.code ?? null },
    value: tok.value,
    valueMax: tok.valueMax,
    unit,
    // A position is a position whichever measure word writes it (第3名, 第3位).
    normalized: rank ? { value: tok.value, unit: '位' } : normalize(tok.value, unit, name),
    comparator,
    qualifier,
    kind,
    targetYear: targetYearAt(text, tok.start, sectionYear(path) ?? ctx.year),
    quote: text.slice(quoteStart, quoteEnd),
    start: quoteStart,
    end: quoteEnd,
    sectionPath: path.map((n) => n.number || n.title),
  };
  return { target, baseline };
}
