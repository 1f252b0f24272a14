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

/**
 * Chosen on the labelled set (`npx tsx bench/techmarket-quality.ts --grid`): the best of a grid of k1, b and the
 * two boosts on the even-numbered demands, checked on the odd-numbered ones (P@5 39.0 %, R@10 98.8 %, MRR
 * 0.931 there, against 39.0 %, 97.6 %, 0.919 for the textbook k1 = 1.2, b = 0.75 with a 0.3 field boost).
 */
export const chosenOptions: RankOptions = { k1: 0.9, b: 0.5, fieldBoost: 0.6, regionBoost: 0.1 };
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

interface Postings {
  docs: Int32Array;
  tfs: Float64Array;
  /** tf·(k1+1)/(tf+k1·(1−b+b·dl/avgdl)) under the chosen k1 and b, computed once */
  impacts: Float64Array;
}

/** An inverted index over documents; built once, queried many times. */
export class RankIndex {
  readonly docs: readonly RankDoc[];
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: Float64Array;
  private readonly avgdl: number;
  /** score accumulator, reused by every query (an index is queried by one caller at a time: queries are synchronous) */
  private readonly acc: Float64Array;
  /** each document's 技术领域 and region code as numbers, for the boosts without string work per candidate */
  private readonly fieldIds: Int32Array;
  private readonly regions: Int32Array;
  private readonly fieldIndex = new Map<string, number>();

  constructor(docs: readonly RankDoc[]) {
    this.docs = docs;
    this.lengths = new Float64Array(docs.length);
    this.acc = new Float64Array(docs.length);
    this.fieldIds = new Int32Array(docs.length);
    this.regions = new Int32Array(docs.length);
    const lists = new Map<string, number[]>();
    let total = 0;
    docs.forEach((d, i) => {
      const tf = new Map<string, number>();
      for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let list = lists.get(t);
        if (!list) {
          list = [];
          lists.set(t, list);
        }
        list.push(i, n);
      }
      this.lengths[i] = d.terms.length;
      total += d.terms.length;
      let f = this.fieldIndex.get(d.fieldCode);
      if (f === undefined) {
        f = this.fieldIndex.size + 1;
        this.fieldIndex.set(d.fieldCode, f);
      }
      this.fieldIds[i] = f;
      this.regions[i] = Number(d.regionCode) || 0;
    });
    this.avgdl = docs.length > 0 ? total / docs.length : 1;
    const { k1, b } = chosenOptions;
    for (const [t, list] of lists) {
      const n = list.length / 2;
      const p: Postings = { docs: new Int32Array(n), tfs: new Float64Array(n), impacts: new Float64Array(n) };
      for (let k = 0; k < n; k++) {
        const d = list[2 * k] as number;
        const tf = list[2 * k + 1] as number;
        p.docs[k] = d;
        p.tfs[k] = tf;
        p.impacts[k] = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * (this.lengths[d] as number)) / this.avgdl));
      }
      this.postings.set(t, p);
    }
  }

  get size(): number {
    return this.docs.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
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
    const touched: number[] = [];
    const acc = this.acc;
    for (const [t, n] of qtf) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      // a query term said several times weighs a little more (saturating, as on the document side)
      const w = (idf * (n * 2.2)) / (n + 1.2);
      if (o.k1 === chosenOptions.k1 && o.b === chosenOptions.b) {
        const docs = p.docs;
        const impacts = p.impacts;
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k] as number;
          if (acc[d] === 0) touched.push(d);
          acc[d] = (acc[d] as number) + w * (impacts[k] as number);
        }
        continue;
      }
      for (let k = 0; k < p.docs.length; k++) {
        const d = p.docs[k] as number;
        const tf = p.tfs[k] as number;
        const norm = o.k1 * (1 - o.b + (o.b * (this.lengths[d] as number)) / this.avgdl);
        if (acc[d] === 0) touched.push(d);
        acc[d] = (acc[d] as number) + (w * tf * (o.k1 + 1)) / (tf + norm);
      }
    }
    return this.finish(touched, query, limit, o, [...qtf.keys()]);
  }

  /** The baseline: the number of distinct shared terms, no weights, no boosts. */
  overlap(query: { terms: readonly string[] }, limit: number): Ranked[] {
    const touched: number[] = [];
    const acc = this.acc;
    const terms = [...new Set(query.terms)];
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      for (let k = 0; k < p.docs.length; k++) {
        const d = p.docs[k] as number;
        if (acc[d] === 0) touched.push(d);
        acc[d] = (acc[d] as number) + 1;
      }
    }
    return this.finish(touched, { fieldCode: null, regionCode: null }, limit, { ...chosenOptions, fieldBoost: 0, regionBoost: 0 }, terms);
  }

  private finish(
    touched: number[],
    query: { fieldCode: string | null; regionCode: string | null },
    limit: number,
    o: RankOptions,
    queryTerms: string[],
  ): Ranked[] {
    const top: Array<{ i: number; score: number; sameField: boolean; region: Nearness }> = [];
    const qField = query.fieldCode === null ? -1 : (this.fieldIndex.get(query.fieldCode) ?? -1);
    const qRegion = query.regionCode ? Number(query.regionCode) || -1 : -1;
    const near = (r: number): Nearness =>
      qRegion < 0
        ? null
        : r === qRegion
          ? 'county'
          : Math.floor(r / 100) === Math.floor(qRegion / 100)
            ? 'city'
            : Math.floor(r / 10000) === Math.floor(qRegion / 10000)
              ? 'province'
              : null;
    let floor = -1;
    for (const i of touched) {
      const s = this.acc[i] as number;
      this.acc[i] = 0;
      const sameField = this.fieldIds[i] === qField;
      const region = near(this.regions[i] as number);
      const score = s * (1 + (sameField ? o.fieldBoost : 0)) * (1 + (region ? o.regionBoost * nearnessWeight[region] : 0));
      if (top.length >= limit && score < floor) continue;
      top.push({ i, score, sameField, region });
      if (top.length > limit * 4) {
        top.sort((a, b) => b.score - a.score || (this.docs[a.i] as RankDoc).id - (this.docs[b.i] as RankDoc).id);
        top.length = limit;
        floor = (top[limit - 1] as { score: number }).score;
      }
    }
    top.sort((a, b) => b.score - a.score || (this.docs[a.i] as RankDoc).id - (this.docs[b.i] as RankDoc).id);
    // the shared terms of the few returned, the most telling (rarest) first
    const byIdf = [...queryTerms].sort((a, b) => this.idf(b) - this.idf(a));
    return top.slice(0, limit).map((x) => {
      const d = this.docs[x.i] as RankDoc;
      const own = new Set(d.terms);
      return { id: d.id, score: x.score, sharedTerms: byIdf.filter((t) => own.has(t)), sameField: x.sameField, region: x.region };
    });
  }
}
