import type { TTargetKind } from './draft.ts';

/**
 * Verbs that turn a quantity into a commitment. Longest first so 提高到 wins over 提高. The list is the genre's
 * vocabulary (工作要点, 实施方案, 行动计划), not any one document's.
 */
const comparatorWords = [
  '不低于',
  '不少于',
  '不超过',
  '提高到',
  '提升到',
  '提高至',
  '提升至',
  '增加到',
  '增长到',
  '增加至',
  '控制在',
  '稳定在',
  '保持在',
  '新组建',
  '新认定',
  '新培育',
  '新引进',
  '新建设',
  '新建成',
  '新设立',
  '新设',
  '增长率',
  '达到',
  '突破',
  '超过',
  '净增',
  '新增',
  '增长',
  '增速',
  '增幅',
  '增加',
  '提高',
  '提升',
  '完成',
  '实现',
  '保持',
  '培育',
  '建设',
  '建成',
  '新建',
  '引进',
  '引育',
  '培养',
  '选派',
  '争取',
  '实施',
  '开展',
  '组建',
  '认定',
  '布局',
  '入库',
  '引入',
  '创建',
  '举办',
  '孵化',
  '登记',
  '转化',
  '获批',
  '扶持',
  '招引',
  '储备',
  '吸引',
  '设立',
  '遴选',
  '推荐',
  '申报',
  '立项',
  '签约',
  '发放',
  '资助',
  '支持',
  '评选',
  '培训',
  '攻克',
  '推广',
  '安排',
  '获得',
  // Activity counts and agreements (举办对接活动12场, 签订合作协议8项, 共建平台6个, 制定标准3项) are targets too.
  '签订',
  '共建',
  '制定',
  '组织',
  '促成',
  '发布',
  '兑现',
  '辅导',
  '举行',
  '承办',
  '集聚',
  '推动',
  '提供',
  '走访',
  '达',
  '超',
];

// Words that set the level itself; when one is present it is the comparator, not an action verb before it.
const primaryWords = new Set(comparatorWords.slice(0, comparatorWords.indexOf('保持') + 1).concat(['达', '超']));
const comparatorRe = new RegExp(comparatorWords.join('|'), 'g');
// Nouns that contain a verb: 增加值 is not 增加, 成果转化 is not 转化.
const nounMask =
  /增加值|组织领导|组织保障|组织实施方案|成果转化|转化应用|建设年|孵化器|孵化基地|转化基地|登记点|登记服务|登记额|登记金额|成果登记|立项争资|支持体系/g;

/** `s` without any commitment verb (培养和引进 → 和). */
export function stripComparators(s: string): string {
  return s.replace(comparatorRe, '');
}

/** The commitment verb nearest before the value in `s` (a level-setting verb wins over an action verb). */
export function lastComparator(s: string): { word: string; at: number } | null {
  const masked = s.replace(nounMask, (w) => '□'.repeat(w.length));
  let primary: { word: string; at: number } | null = null;
  let action: { word: string; at: number } | null = null;
  for (const m of masked.matchAll(comparatorRe)) {
    const hit = { word: m[0], at: m.index };
    if (primaryWords.has(m[0])) primary = hit;
    else action = hit;
  }
  return primary ?? action;
}

const incrementWords = /^(?:新增|净增|增加|新建|新认定|新组建|新培育|新引进|新建设|新建成|新设立|新设)$/;
const boundWords = /^(?:不少于|不低于|超过|达到|突破|达|超)$/;
const newlyRe = /新增|净增|新建|新认定|新组建|新培育|新引进|新建设|新建成|新设立|新设/;

/** Target kind from the comparator, the unit and the words around the value. */
export function targetKind(comparator: string | null, unit: string, context: string): TTargetKind {
  if (unit === '个百分点') return 'increment';
  if (unit === '%') {
    if (/增速|增幅|增长|增率|年均增/.test(context) || (comparator && /增/.test(comparator) && !/提高|提升/.test(comparator)))
      return 'growth';
    return 'share';
  }
  if (/^第/.test(context.slice(-3))) return 'rank';
  if (comparator && incrementWords.test(comparator)) return 'increment';
  // 新建研发机构不少于120家: the bound says how many, the increment verb before it says they are new.
  if (comparator && boundWords.test(comparator) && newlyRe.test(context.slice(0, context.lastIndexOf(comparator)))) return 'increment';
  return 'level';
}

/** A few words after the unit narrow the meaning: 以上, 左右, 以内. */
export function matchQualifier(s: string): string | null {
  const m = /^(以上|左右|以内|以下|上下|之内|多|余)/.exec(s);
  return m ? (m[1] ?? null) : null;
}
