import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng.ts';
import { ranksOf, ranksOnly } from './rank.ts';

describe('ranksOnly (the sensitivity hot path)', () => {
  it('gives the same competition ranks as ranksOf, ties and near-ties included', () => {
    const rng = mulberry32(3);
    for (let t = 0; t < 50; t++) {
      const n = 1 + Math.floor(rng() * 300);
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) scores[i] = rng() < 0.3 ? Math.floor(rng() * 5) * 10 + (rng() < 0.5 ? 1e-12 : 0) : rng() * 100;
      const codes = Array.from({ length: n }, (_, i) => String(100000 + ((i * 7919) % 900000)));
      const a = new Int32Array(n);
      const b = new Int32Array(n);
      ranksOf(scores, codes, a, new Array(n));
      ranksOnly(scores, b, new Float64Array(n), new Float64Array(n));
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });
});
