import { z } from 'zod';

/*
 * Regional S&T-innovation evaluation (科技创新综合考评): an evaluation scheme (indicator tree with
 * weights, polarity and normalisation), the input values, and the explained result. The pure engine lives in
 * packages/core/src/indicator/evaluation; the method choices are recorded in docs/decisions/0007-evaluation-method.md.
 */

export const evaluationLimits = { depth: 6, nodes: 500, regions: 5000, tiers: 20, samples: 5000 } as const;

/** positive = larger is better (正向指标); negative = smaller is better (逆向指标, e.g. 万元GDP综合能耗). */
export const ZPolarity = z.enum(['positive', 'negative']);
export type TPolarity = z.infer<typeof ZPolarity>;

const finite = z.number().finite();

/** population: divide by n; sample: divide by n − 1 (R's sd(), as the Compind package uses). */
export const ZStandardDeviation = z.enum(['population', 'sample']);
export type TStandardDeviation = z.infer<typeof ZStandardDeviation>;

/**
 * A transform of the raw values before normalisation, for skewed indicators (EIS/RIS technical annex: square
 * root of skewed unbounded indicators; logarithm likewise). sqrt needs x ≥ 0, log (natural) x > 0; other values
 * count as missing. Only with the methods computed over the regions (minmax, zscore).
 */
export const ZTransform = z.enum(['none', 'sqrt', 'log']);
export type TTransform = z.infer<typeof ZTransform>;

/**
 * How a raw value becomes a comparable score.
 * - minmax: 0–100 over the regions evaluated, negative polarity reversed; all regions equal → 100.
 * - zscore: (x − mean)/sd with the population sd (divide by n) or, when `sd: 'sample'`, the sample sd (n − 1);
 *   sd = 0 → 0 for everyone (OECD/JRC Handbook: standardisation; the sd variant is the scheme's choice).
 * - standard: x/standard×100 capped at `cap` (统计监测 ratio to a standard value); negative polarity standard/x×100.
 * - target: each region's own target, actual/target×100 capped at 100 (negative polarity target/actual).
 */
export const ZNormalisation = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('minmax') }),
  z.strictObject({ method: z.literal('zscore'), sd: ZStandardDeviation.optional().describe('absent = population') }),
  z.strictObject({
    method: z.literal('standard'),
    standard: finite.positive('标准值必须大于 0'),
    cap: finite.positive('上限值必须大于 0').default(100),
  }),
  z.strictObject({ method: z.literal('target') }),
]);
export type TNormalisation = z.infer<typeof ZNormalisation>;
export type TNormalisationMethod = TNormalisation['method'];

const weight = finite.positive('权重必须大于 0');

export const ZSchemeIndicator = z.strictObject({
  kind: z.literal('indicator'),
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().max(200).optional().describe('display name; the catalog is authoritative'),
  weight: weight.describe('relative to its siblings; normalised to sum 1 within the parent'),
  polarity: ZPolarity,
  transform: ZTransform.optional().describe('absent = none'),
  normalisation: ZNormalisation,
});
export type TSchemeIndicator = z.infer<typeof ZSchemeIndicator>;

/** A group (一级/二级指标) of indicators or further groups. Weights are relative within the parent. */
export const ZSchemeGroup = z.strictObject({
  kind: z.literal('group'),
  key: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  weight,
  get children(): z.ZodArray<z.ZodUnion<readonly [typeof ZSchemeGroup, typeof ZSchemeIndicator]>> {
    return z
      .array(z.union([ZSchemeGroup, ZSchemeIndicator]))
      .min(1, '指标组不能为空')
      .max(evaluationLimits.nodes);
  },
});
export type TSchemeGroup = z.infer<typeof ZSchemeGroup>;
export type TSchemeNode = TSchemeGroup | TSchemeIndicator;

export const ZAggregation = z.enum(['arithmetic', 'geometric']);
export type TAggregation = z.infer<typeof ZAggregation>;

/**
 * zero: a missing value counts as normalised 0; mean: the mean normalised value of the regions that have one
 * (flagged imputed); reweight: the indicator is dropped for that region and its siblings' weights renormalised.
 */
export const ZMissingRule = z.enum(['zero', 'mean', 'reweight']);
export type TMissingRule = z.infer<typeof ZMissingRule>;

/**
 * fixed: minScore is a score (河北 A ≥ 80). average: minScore is a percentage of the average score of the regions
 * compared (《中国区域科技创新评价报告》 第一梯队 = 高于全国平均水平 → exclusive, 100; EIS leaders > 125%).
 * region: a percentage of the score of the region `regionCode`, which must be among the regions compared.
 */
export const ZTierReference = z.enum(['fixed', 'average', 'region']);
export type TTierReference = z.infer<typeof ZTierReference>;

export const ZTier = z.strictObject({
  name: z.string().trim().min(1).max(50),
  minScore: finite.describe(
    'fixed: the lowest score of the tier; average/region: the percentage of the reference score (100 = equal to it)',
  ),
  exclusive: z.boolean().optional().describe('true: the score must be strictly above the threshold (“高于50分”)'),
  reference: ZTierReference.optional().describe('absent = fixed'),
  regionCode: z.string().min(1).max(40).optional().describe('the reference region, for reference = region'),
});
export type TTier = z.infer<typeof ZTier>;

export const ZEvaluationScheme = z
  .strictObject({
    groups: z.array(ZSchemeGroup).min(1, '至少需要一个一级指标组').max(evaluationLimits.nodes),
    aggregation: ZAggregation.default('arithmetic'),
    missing: ZMissingRule.default('zero'),
    tiers: z.array(ZTier).max(evaluationLimits.tiers).default([]),
  })
  .meta({ id: 'EvaluationScheme' });
export type TEvaluationScheme = z.infer<typeof ZEvaluationScheme>;

const valueTable = z.record(z.string(), z.record(z.string(), finite.nullable()));

export const ZEvaluationRegion = z.object({ code: z.string().min(1).max(40), name: z.string().max(200) });
export type TEvaluationRegion = z.infer<typeof ZEvaluationRegion>;

export const ZEvaluationInput = z.object({
  regions: z.array(ZEvaluationRegion).max(evaluationLimits.regions),
  values: valueTable.describe('region code → indicator code → raw value (null / absent = missing)'),
  targets: valueTable.optional().describe('region code → indicator code → target, for the target method'),
  previousRanks: z.record(z.string(), z.number().int().positive()).optional(),
});
export type TEvaluationInput = z.infer<typeof ZEvaluationInput>;

export const ZIndicatorBreakdown = z.object({
  code: z.string(),
  raw: z.number().nullable(),
  normalised: z.number().nullable().describe('null only when the indicator was dropped (reweight rule)'),
  effectiveWeight: z.number().describe('product of the normalised weights down the path, for this region'),
  contribution: z
    .number()
    .describe(
      'arithmetic: effectiveWeight × normalised (they sum to the score); geometric: normalised^effectiveWeight (they multiply to the score)',
    ),
  imputed: z.boolean(),
  note: z.string().optional(),
});
export type TIndicatorBreakdown = z.infer<typeof ZIndicatorBreakdown>;

export const ZGroupScore = z.object({
  key: z.string(),
  name: z.string(),
  weight: z.number().describe('normalised weight within the parent, for this region'),
  score: z.number().nullable().describe('null when every indicator under it was dropped (reweight rule)'),
  level: z.number().int().positive(),
  parentKey: z.string().nullable(),
  effectiveWeight: z.number(),
});
export type TGroupScore = z.infer<typeof ZGroupScore>;

export const ZRegionResult = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number().describe('rounded to 6 decimals'),
  rank: z.number().int().positive().describe('competition ranking 1,2,2,4'),
  previousRank: z.number().int().nullable(),
  rankChange: z.number().int().nullable().describe('previousRank − rank: + = 进位, − = 退位'),
  tier: z.string().nullable(),
  groups: z.array(ZGroupScore).describe('every group in pre-order; level 1 first within each branch'),
  indicators: z.array(ZIndicatorBreakdown),
  missing: z.array(z.string()).describe('indicator codes without a usable value for this region'),
});
export type TRegionResult = z.infer<typeof ZRegionResult>;

export const ZIndicatorStats = z.object({
  n: z.number().int().nonnegative(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable().describe('population standard deviation (divide by n)'),
  sampleSd: z.number().nullable().optional().describe('sample standard deviation (divide by n − 1); null when n < 2'),
});
export type TIndicatorStats = z.infer<typeof ZIndicatorStats>;

export const ZEvaluationResult = z
  .object({
    results: z.array(ZRegionResult).describe('sorted by rank, ties by region code'),
    indicatorStats: z.record(z.string(), ZIndicatorStats).describe('over the raw values present'),
    method: z.object({
      aggregation: ZAggregation,
      missing: ZMissingRule,
      tierThresholds: z
        .array(z.object({ name: z.string(), threshold: z.number(), exclusive: z.boolean() }))
        .optional()
        .describe('the score each tier starts at in this evaluation (relative tiers resolved)'),
      notes: z.array(z.string()).describe('zh-CN sentences stating the rules applied'),
    }),
  })
  .meta({ id: 'EvaluationResult' });
export type TEvaluationResult = z.infer<typeof ZEvaluationResult>;

export const ZSensitivityOptions = z.strictObject({
  perturbation: z.number().min(0).max(0.95).default(0.2).describe('each weight × uniform factor in [1−p, 1+p]'),
  samples: z.number().int().min(1).max(evaluationLimits.samples).default(200),
  seed: z.number().int().default(1),
});
export type TSensitivityOptions = z.input<typeof ZSensitivityOptions>;

export const ZSensitivityEntry = z.object({
  rank: z.number().int().positive(),
  minRank: z.number().int().positive(),
  maxRank: z.number().int().positive(),
  p05Rank: z.number().int().positive(),
  p95Rank: z.number().int().positive(),
});
export type TSensitivityEntry = z.infer<typeof ZSensitivityEntry>;

export const ZSensitivity = z.record(z.string(), ZSensitivityEntry).meta({ id: 'EvaluationSensitivity' });
export type TSensitivity = z.infer<typeof ZSensitivity>;
