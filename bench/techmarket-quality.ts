/**
 * Matching quality on the labelled set (bench/data/techmarket-matching.json): for each demand, the
 * achievements ranked by a method; precision@5 (true pairs among the first five, over five) and recall@10
 * (true pairs among the first ten, over the demand's true pairs), averaged over demands. Used by
 * bench/techmarket.ts; `npx tsx bench/techmarket-quality.ts` prints the table alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chosenOptions, type Ranked, RankIndex, type RankOptions } from '../packages/core/src/techmarket/market/rank.ts';
import { entryTerms, termsOf } from '../packages/core/src/techmarket/market/text.ts';

interface LabelledSet {
  demands: Array<{ id: string; title: string; description: string; fieldCode: string; regionCode: string; relevant: string[] }>;
  achievements: Array<{ id: string; title: string; description: string; fieldCode: string; regionCode: string }>;
}

export const labelledSet = (): LabelledSet =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'data/techmarket-matching.json'), 'utf8')) as LabelledSet;

export interface Quality {
  method: string;
  p5: number;
  r10: number;
  /** the first true pair's reciprocal rank, averaged (0 when none in the first ten) */
  mrr: number;
  /** demands with no true pair in the first ten */
  misses: number;
}

export function measure(set: LabelledSet, subset?: (i: number) => boolean) {
  const num = (id: string) => Number(id.slice(1));
  // the plain baseline: every word of two characters or more, no stop words, counted once
  const plainIndex = new RankIndex(
    set.achievements.map((a) => ({
      id: num(a.id),
      terms: termsOf(`${a.title} ${a.description}`, { plain: true }),
      fieldCode: a.fieldCode,
      regionCode: a.regionCode,
    })),
  );
  const index = new RankIndex(
    set.achievements.map((a) => ({
      id: num(a.id),
      terms: entryTerms({ title: a.title, keywords: [], body: a.description }),
      fieldCode: a.fieldCode,
      regionCode: a.regionCode,
    })),
  );
  const demands = set.demands
    .filter((_, i) => subset?.(i) ?? true)
    .map((d) => ({
      plain: termsOf(`${d.title} ${d.description}`, { plain: true }),
      terms: entryTerms({ title: d.title, keywords: [], body: d.description }),
      fieldCode: d.fieldCode,
      regionCode: d.regionCode,
      relevant: new Set(d.relevant.map(num)),
    }));
  const score = (method: string, rank: (q: (typeof demands)[number]) => Ranked[]): Quality => {
    let p5 = 0;
    let r10 = 0;
    let misses = 0;
    let mrr = 0;
    for (const d of demands) {
      const ids = rank(d).map((r) => r.id);
      const first = ids.findIndex((id) => d.relevant.has(id));
      if (first >= 0) mrr += 1 / (first + 1);
      const hits5 = ids.slice(0, 5).filter((id) => d.relevant.has(id)).length;
      const hits10 = ids.slice(0, 10).filter((id) => d.relevant.has(id)).length;
      p5 += hits5 / 5;
      r10 += hits10 / d.relevant.size;
      if (hits10 === 0) misses++;
    }
    return { method, p5: p5 / demands.length, r10: r10 / demands.length, mrr: mrr / demands.length, misses };
  };
  const bm = (o: RankOptions) => (q: (typeof demands)[number]) => index.bm25(q, 10, o);
  return {
    demands: demands.length,
    achievements: index.size,
    baseline: score('关键词重合（基线：结巴分词，全部词）', (q) => plainIndex.overlap({ terms: q.plain }, 10)),
    variants: [
      score('关键词重合（去停用词）', (q) => index.overlap(q, 10)),
      score('BM25', bm({ ...chosenOptions, fieldBoost: 0, regionBoost: 0 })),
      score('BM25 × 领域', bm({ ...chosenOptions, regionBoost: 0 })),
      score('BM25 × 领域 × 地域（采用）', bm(chosenOptions)),
    ],
    grid: (opts: RankOptions[]) => opts.map((o) => ({ o, q: score(JSON.stringify(o), bm(o)) })),
  };
}

/** the demands' words, for a look at what jieba made of them */
export const sampleTerms = (set: LabelledSet) => termsOf(set.demands[0]?.description ?? '');

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = labelledSet();
  const m = measure(set);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(`${m.demands} 个需求 × ${m.achievements} 项成果`);
  const colloquial = measure(set, (i) => (set.demands[i]?.id ?? '') >= 'D63');
  console.log(`其中口语化需求（D63–D82）${colloquial.demands} 条：`);
  for (const q of [colloquial.baseline, ...colloquial.variants])
    console.log(
      `  ${q.method.padEnd(24)} P@5 ${pct(q.p5).padStart(6)}  R@10 ${pct(q.r10).padStart(6)}  MRR ${q.mrr.toFixed(3)}  前十无命中 ${q.misses}`,
    );
  console.log('全部：');
  for (const q of [m.baseline, ...m.variants])
    console.log(
      `${q.method.padEnd(24)} P@5 ${pct(q.p5).padStart(6)}  R@10 ${pct(q.r10).padStart(6)}  MRR ${q.mrr.toFixed(3)}  前十无命中 ${q.misses}`,
    );
  if (process.argv.includes('--grid')) {
    const grid: RankOptions[] = [];
    for (const k1 of [0.9, 1.2, 1.6])
      for (const b of [0.5, 0.75, 0.9])
        for (const fieldBoost of [0, 0.15, 0.3, 0.6])
          for (const regionBoost of [0, 0.1, 0.3]) grid.push({ k1, b, fieldBoost, regionBoost });
    const even = measure(set, (i) => i % 2 === 0).grid(grid);
    const odd = measure(set, (i) => i % 2 === 1).grid(grid);
    even.sort((a, b) => b.q.p5 + b.q.r10 + b.q.mrr - (a.q.p5 + a.q.r10 + a.q.mrr));
    const chosen = JSON.stringify(chosenOptions);
    for (const g of [...even.slice(0, 8), ...even.filter((x) => x.q.method === chosen)]) {
      const o = odd.find((x) => x.q.method === g.q.method)?.q;
      console.log(
        `${g.q.method} even P@5 ${pct(g.q.p5)} R@10 ${pct(g.q.r10)} MRR ${g.q.mrr.toFixed(3)} | odd P@5 ${pct(o?.p5 ?? 0)} R@10 ${pct(o?.r10 ?? 0)} MRR ${(o?.mrr ?? 0).toFixed(3)}`,
      );
    }
  }
}
