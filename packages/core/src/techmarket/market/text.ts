import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';

/*
 * The words of a market text: jieba in search mode (a long word and its parts, 锂电池 → 锂电 电池 锂电池), so a
 * query and an entry meet on the parts when they phrase the whole differently. Single characters, numbers
 * and the words every listing uses (技术, 需求, 企业 …) carry no meaning for matching and are dropped.
 */
let jieba: Jieba | undefined;
const segmenter = (): Jieba => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

const stopWords = new Set(
  (
    '技术 研究 开发 研发 应用 需求 企业 公司 单位 项目 产品 我们 本公司 进行 提高 提升 实现 解决 问题 相关 具有 可以 能够 以及 通过 ' +
    '用于 一种 目前 需要 希望 寻求 合作 方面 方法 工作 领域 国内 国外 行业 主要 基于 关键 开展 提供 要求 包括 情况 存在 现有 采用 ' +
    '方式 过程 其中 没有 已经 成为 形成 产生 利用 使用 较高 较低 大量 不同 一定 各种 及其 以上 以下 达到 不足 等等 有限公司 ' +
    '有限 责任 股份 集团 服务 平台 市场 成果 转化 转让 许可 寻找 拟 年 万元 亿元 方案 能力 水平 效果 质量 特点 优势 前景 效益 经济 社会'
  ).split(/\s+/),
);

const meaningful = (w: string): boolean => {
  if (stopWords.has(w)) return false;
  if (/^[\d.%]+$/.test(w)) return false;
  if (/^[a-z0-9-]+$/.test(w)) return w.length >= 2;
  // CJK: at least two characters
  return /\p{Script=Han}/u.test(w) && [...w].length >= 2;
};

/**
 * The meaningful words of a text, with repeats (term frequencies count). `plain` keeps the boilerplate words
 * too (only punctuation and single characters go): the plain keyword baseline of the benchmark.
 */
export function termsOf(text: string, opts: { plain?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(text.normalize('NFKC').toLowerCase(), true)) {
    const w = raw.trim();
    if (!w) continue;
    if (opts.plain ? /[\p{Script=Han}a-z0-9]/u.test(w) && [...w].length >= 2 : meaningful(w)) out.push(w);
  }
  return out;
}

/** An entry's terms: keywords count twice and the title once more, as a listing's own emphasis. */
export function entryTerms(e: { title: string; keywords: readonly string[]; body: string }): string[] {
  const kw = e.keywords.join(' ');
  return [...termsOf(e.title), ...termsOf(e.title), ...termsOf(kw), ...termsOf(kw), ...termsOf(e.body)];
}

export const distinctTerms = (terms: readonly string[]): string[] => [...new Set(terms)];

/** Pinyin initials of a title, lower case (高精度光谱仪 → gjdgpy); other characters kept as they are. */
export function initialsOf(title: string): string {
  return pinyin(title, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
