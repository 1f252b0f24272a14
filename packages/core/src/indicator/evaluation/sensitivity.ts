import { AppError, type TEvaluationInput, type TSensitivity, type TSensitivityOptions, ZSensitivityOptions } from '@kechuang/contracts';
import { scoreColumns } from './aggregate.ts';
import { prepareEvaluation } from './evaluate.ts';
import { mulberry32 } from './prng.ts';
import { ranksOf, ranksOnly } from './rank.ts';

/**
 * Weight-uncertainty analysis (OECD/JRC handbook step 8): every weight (groups and indicators) is multiplied by a
 * uniform factor in [1 − p, 1 + p] drawn from a seeded PRNG, the regions are re-scored and re-ranked, and the rank
 * interval of each region is reported. minRank/maxRank span the base rank and all samples; p05/p95 are nearest-rank
 * percentiles of the samples. Normalisation and missing-data treatment do not depend on the weights, so they are
 * computed once. Deterministic for a seed.
 */
export function sensitivity(scheme: unknown, input: TEvaluationInput, options: TSensitivityOptions = {}): TSensitivity {
  const parsed = ZSensitivityOptions.safeParse(options);
  if (!parsed.success)
    throw new AppError('common/validation', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const { perturbation, samples, seed } = parsed.data;
  const p = prepareEvaluation(scheme, input);
  const { compiled, cols, codes } = p;
  const method = p.scheme.aggregation;
  const n = codes.length;
  const base = compiled.nodes.map((node) => node.weight);
  const weights = new Float64Array(base);
  const scratch = compiled.nodes.map(() => new Float64Array(n));
  const scores = new Float64Array(n);
  const order: number[] = new Array(n);
  const score = () => scoreColumns(compiled, cols, weights, method, scratch, scores);
  score();
  const baseRanks = new Int32Array(n);
  ranksOf(scores, codes, baseRanks, order);

  const sampleRanks = new Int32Array(samples * n);
  const ranks = new Int32Array(n);
  const rng = mulberry32(seed);
  const keys = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 1; i < base.length; i++) weights[i] = base[i]! * (1 + perturbation * (2 * rng() - 1));
    score();
    ranksOnly(scores, ranks, keys, sorted);
    sampleRanks.set(ranks, s * n);
  }

  const result: TSensitivity = {};
  const column = new Int32Array(samples);
  const at = (q: number) => column[Math.max(0, Math.ceil(q * samples) - 1)]!;
  for (let r = 0; r < n; r++) {
    for (let s = 0; s < samples; s++) column[s] = sampleRanks[s * n + r]!;
    column.sort();
    const rank = baseRanks[r]!;
    result[codes[r]!] = {
      rank,
      minRank: Math.min(rank, column[0]!),
      maxRank: Math.max(rank, column[samples - 1]!),
      p05Rank: at(0.05),
      p95Rank: at(0.95),
    };
  }
  return result;
}
