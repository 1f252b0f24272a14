/*
 * Ranking one text against many: BM25 over jieba terms (Robertson & Zaragoza, "The Probabilistic Relevance
 * Framework: BM25 and Beyond", 2009), multiplied by boosts for the same 技术领域 and for nearness of region.
 * A candidate must share at least one term: field and region only reorder texts that already speak of the
 * same thing. The plain baseline counts shared distinct terms. bench/techmarket.ts measures both on the
 * labelled set (bench/data/techmarket-matching.json) and the weights here are the ones that measure chose.
 */

export interface RankDoc {
  id: number;
  terms: readonly string[];
  fieldCode: string;
  regionCode: string;
}

export interface RankOptions {
  k1: number;
  b: number;
  /** score × (1 + fieldBoost) when the 技术领域 is the same */
  fieldBoost: number;
  /** score × (1 + regionBoost × nearness), nearness 1 (same county), 2/3 (same city), 1/3 (same province) */
  regionBoost: number;
}

export const chosenOptions: RankOptions = { k1: 1.2, b: 0.75, fieldBoost: 0.3, regionBoost: 0.1 };
export const methodName = 'BM25（jieba 分词）× 技术领域加权 × 地域加权';

export type Nearness = 'county' | 'city' | 'province' | null;

export function nearness(a: string, b: string): Nearness {
  if (a === b) return 'county';
  if (a.slice(0, 4) === b.slice(0, 4)) return 'city';
  if (a.slice(0, 2) === b.slice(0, 2)) return 'province';
  return null;
}
const nearnessWeight = { county: 1, city: 2 / 3, province: 1 / 3 } as const;

export interface Ranked {
  id: number;
  score: number;
  /** shared terms, the most telling (highest idf) first */
  sharedTerms: string[];
  sameField: boolean;
  region: Nearness;
}

interface Posting {
  doc: number;
  tf: number;
}

/** An inverted index over documents; built once, queried many times. */
export class RankIndex {
  readonly docs: readonly RankDoc[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: Float64Array;
  private readonly avgdl: number;

  constructor(docs: readonly RankDoc[]) {
    this.docs = docs;
    this.lengths = new Float64Array(docs.length);
    let total = 0;
    docs.forEach((d, i) => {
      const tf = new Map<string, number>();
      for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = this.postings.get(t);
        if (!list) {
          list = [];
          this.postings.set(t, list);
        }
        list.push({ doc: i, tf: n });
      }
      this.lengths[i] = d.terms.length;
      total += d.terms.length;
    });
    this.avgdl = docs.length > 0 ? total / docs.length : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 × boosts; the `limit` best, ties broken by the lower id. */
  bm25(
    query: { terms: readonly string[]; fieldCode: string | null; regionCode: string | null },
    limit: number,
    o = chosenOptions,
  ): Ranked[] {
    const qtf = new Map<string, number>();
    for (const t of query.terms) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    const scores = new Map<number, number>();
    const shared = new Map<number, string[]>();
    const terms = [...qtf.keys()].sort((a, b) => this.idf(b) - this.idf(a));
    for (const t of terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const idf = this.idf(t);
      // a query term said several times weighs a little more (saturating, as on the document side)
      const qw = ((qtf.get(t) as number) * 2.2) / ((qtf.get(t) as number) + 1.2);
      for (const p of list) {
        const norm = o.k1 * (1 - o.b + (o.b * (this.lengths[p.doc] as number)) / this.avgdl);
        const s = (idf * qw * (p.tf * (o.k1 + 1))) / (p.tf + norm);
        scores.set(p.doc, (scores.get(p.doc) ?? 0) + s);
        const sh = shared.get(p.doc);
        if (sh) sh.push(t);
        else shared.set(p.doc, [t]);
      }
    }
    return this.finish(scores, shared, query, limit, o);
  }

  /** The baseline: the number of distinct shared terms, no weights, no boosts. */
  overlap(query: { terms: readonly string[] }, limit: number): Ranked[] {
    const scores = new Map<number, number>();
    const shared = new Map<number, string[]>();
    for (const t of new Set(query.terms)) {
      for (const p of this.postings.get(t) ?? []) {
        scores.set(p.doc, (scores.get(p.doc) ?? 0) + 1);
        const sh = shared.get(p.doc);
        if (sh) sh.push(t);
        else shared.set(p.doc, [t]);
      }
    }
    return this.finish(scores, shared, { fieldCode: null, regionCode: null }, limit, { ...chosenOptions, fieldBoost: 0, regionBoost: 0 });
  }

  private finish(
    scores: Map<number, number>,
    shared: Map<number, string[]>,
    query: { fieldCode: string | null; regionCode: string | null },
    limit: number,
    o: RankOptions,
  ): Ranked[] {
    const out: Ranked[] = [];
    for (const [i, s] of scores) {
      const d = this.docs[i] as RankDoc;
      const sameField = query.fieldCode !== null && d.fieldCode === query.fieldCode;
      const region = query.regionCode ? nearness(query.regionCode, d.regionCode) : null;
      const score = s * (1 + (sameField ? o.fieldBoost : 0)) * (1 + (region ? o.regionBoost * nearnessWeight[region] : 0));
      out.push({ id: d.id, score, sharedTerms: shared.get(i) ?? [], sameField, region });
    }
    // partial selection would do for very large candidate sets; a sort of the candidates is fast enough here
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out.slice(0, limit);
  }
}
