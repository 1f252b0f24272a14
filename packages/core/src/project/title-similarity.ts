/*
 * Near-duplicate titles within a call: the Jaccard similarity of the titles' character bigrams (after
 * dropping spaces and punctuation), |A ∩ B| / |A ∪ B|. Chinese titles have no word boundaries, and bigrams
 * catch the usual 换汤不换药 (one or two characters changed, words reordered). Candidate pairs come from an
 * inverted index of bigrams, so a call of thousands of titles is not compared pair by pair.
 */

export function titleBigrams(title: string): Set<string> {
  const clean = title
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
  const out = new Set<string>();
  if (clean.length === 1) out.add(clean);
  for (let i = 0; i + 1 < clean.length; i++) out.add(clean.slice(i, i + 2));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface TitlePair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of titles whose similarity is at least `threshold` (0 < threshold ≤ 1), a < b by position.
 * Prefix filtering (all-pairs similarity join): with each title's bigrams ordered rarest first, two titles
 * with Jaccard ≥ t share at least one bigram among the first |A| − ⌈t·|A|⌉ + 1 of each; only titles sharing
 * such a bigram (and of compatible sizes) are compared, exactly.
 */
export function similarTitlePairs(titles: readonly string[], threshold: number): TitlePair[] {
  const grams = titles.map(titleBigrams);
  const freq = new Map<string, number>();
  for (const g of grams) for (const x of g) freq.set(x, (freq.get(x) ?? 0) + 1);
  const order = (a: string, b: string) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const prefixLength = (n: number) => n - Math.ceil(threshold * n - 1e-9) + 1;
  const index = new Map<string, number[]>();
  const out: TitlePair[] = [];
  const seen = new Set<number>();
  grams.forEach((g, i) => {
    if (g.size === 0) return;
    const sorted = [...g].sort(order);
    const prefix = sorted.slice(0, prefixLength(g.size));
    seen.clear();
    for (const x of prefix) {
      for (const j of index.get(x) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = grams[j] as Set<string>;
        if (other.size < threshold * g.size - 1e-9 || g.size < threshold * other.size - 1e-9) continue;
        const sim = jaccard(g, other);
        if (sim >= threshold) out.push({ a: j, b: i, similarity: sim });
      }
    }
    for (const x of prefix) {
      const posting = index.get(x);
      if (posting) posting.push(i);
      else index.set(x, [i]);
    }
  });
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}
