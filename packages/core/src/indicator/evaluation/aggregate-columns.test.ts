import type { TEvaluationScheme } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { scoreColumns, scoreTree } from './aggregate.ts';
import { mulberry32 } from './prng.ts';
import { compileScheme, validateScheme } from './scheme.ts';

const ind = (code: string, weight: number) => ({
  kind: 'indicator' as const,
  code,
  weight,
  polarity: 'positive' as const,
  normalisation: { method: 'minmax' as const },
});

describe('scoreColumns (sensitivity hot path)', () => {
  it('scores every region bit-for-bit as scoreTree does, with dropped values, both aggregations', () => {
    for (const aggregation of ['arithmetic', 'geometric'] as const) {
      const scheme: TEvaluationScheme = validateScheme({
        groups: [
          { kind: 'group', key: 'G1', name: 'G1', weight: 0.35, children: [ind('a', 2), ind('b', 1), ind('c', 1)] },
          {
            kind: 'group',
            key: 'G2',
            name: 'G2',
            weight: 0.65,
            children: [ind('d', 1), { kind: 'group', key: 'G3', name: 'G3', weight: 3, children: [ind('e', 1), ind('f', 0.5)] }],
          },
        ],
        aggregation,
        missing: 'reweight',
        tiers: [],
      });
      const compiled = compileScheme(scheme);
      const rng = mulberry32(11);
      const n = 500;
      const cols = compiled.leaves.map(() => Float64Array.from({ length: n }, () => (rng() < 0.2 ? Number.NaN : rng() * 100)));
      const weights = compiled.nodes.map((node) => node.weight * (0.8 + 0.4 * rng()));
      const scores = new Float64Array(n);
      scoreColumns(
        compiled,
        cols,
        weights,
        aggregation,
        compiled.nodes.map(() => new Float64Array(n)),
        scores,
      );
      const out = new Float64Array(compiled.nodes.length);
      for (let r = 0; r < n; r++) {
        const s = scoreTree(compiled, cols, r, weights, aggregation, out);
        expect(Object.is(scores[r], Number.isNaN(s) ? 0 : s)).toBe(true);
      }
    }
  });
});
