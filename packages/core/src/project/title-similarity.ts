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

/** Every pair of titles whose similarity is at least `threshold` (0 < threshold ≤ 1), a < b by position. */
export function similarTitlePairs(titles: readonly string[], threshold: number): TitlePair[] {
  const grams = titles.map(titleBigrams);
  const index = new Map<string, number[]>();
  const out: TitlePair[] = [];
  const shared = new Map<number, number>();
  grams.forEach((g, i) => {
    shared.clear();
    for (const x of g) {
      const posting = index.get(x);
      if (posting) for (const j of posting) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, n] of shared) {
      const other = grams[j] as Set<string>;
      const sim = n / (g.size + other.size - n);
      if (sim >= threshold) out.push({ a: j, b: i, similarity: sim });
    }
    for (const x of g) {
      const posting = index.get(x);
      if (posting) posting.push(i);
      else index.set(x, [i]);
    }
  });
  return out;
}
