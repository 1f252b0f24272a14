import { z } from 'zod';
import { ZImportRowError } from './enterprise-transfer.ts';
import { ZRegionCode } from './region.ts';

/*
 * Indicators: the catalog, values by region × period × kind with a history of corrections,
 * file import / export. The reads behind the views (profile, ranking, comparison, plan targets) are in
 * indicator-view.ts; stored evaluation schemes and runs in indicator-run.ts (the engine's scheme and
 * result shapes in indicator-evaluation.ts).
 *
 * Values travel as JSON numbers; they are stored as exact decimals (numeric) and sums / ratios along
 * the region tree are computed exactly before being rounded to 8 decimal places.
 */

/** Stable identifier: lower-case letters, digits, underscores (matches plan_target.indicator_code). */
export const ZIndicatorCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, '指标代码应为小写字母开头的字母、数字、下划线（2–60 位）');
export const ZIndicatorPolarity = z.enum(['positive', 'negative']).describe('positive: higher is better');
/** sum: adds up over child regions; ratio: Σnumerator / Σdenominator × scale; none: not aggregable */
export const ZIndicatorAggregation = z.enum(['sum', 'ratio', 'none']);
export const ZIndicatorCategory = z.enum(['economy', 'input', 'enterprise', 'platform', 'output', 'talent', 'environment']);
/** '2025' (year), '2025Q3' (quarter), '2025-07' (month) */
export const ZIndicatorPeriod = z
  .string()
  .trim()
  .regex(/^(19|20|21)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间应为年度（2025）、季度（2025Q3）或月份（2025-07）');
export const ZIndicatorValueKind = z.enum(['target', 'actual', 'baseline']);
export type TIndicatorValueKind = z.infer<typeof ZIndicatorValueKind>;
export const ZIndicatorSource = z.enum(['plan', 'report', 'registry', 'file', 'manual', 'derived']);
export type TIndicatorSource = z.infer<typeof ZIndicatorSource>;
/** stored: a recorded value of that region; rolled_up: Σ over child regions; derived: numerator / denominator */
export const ZValueOrigin = z.enum(['stored', 'rolled_up', 'derived']);
export type TValueOrigin = z.infer<typeof ZValueOrigin>;

export const indicatorLimits = { uploadBytes: 20 * 1024 * 1024, rows: 100_000, compareRegions: 20, compareIndicators: 40 } as const;
export const indicatorValueKindNames: Record<TIndicatorValueKind, string> = { target: '目标', actual: '实际', baseline: '基期' };
/** Column headers of the values file (import and export). */
export const indicatorFileColumns = {
  indicator: '指标代码',
  region: '地区代码',
  period: '期间',
  kind: '类型',
  value: '数值',
  note: '备注',
} as const;

/** A decimal as a JSON number or a decimal string; at most 15 integer and 8 fraction digits. */
export const ZDecimalInput = z
  .union([z.number().finite(), z.string().trim()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(z.string().regex(/^-?\d{1,15}(\.\d{1,8})?$/, '应为数值（最多 15 位整数、8 位小数）'));

export const ZIndicator = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    category: ZIndicatorCategory,
    definition: z.string(),
    caliber: z.string().describe('statistical caliber (口径): source department, timing, denominator …'),
    polarity: ZIndicatorPolarity,
    aggregation: ZIndicatorAggregation,
    numeratorCode: z.string().nullable(),
    denominatorCode: z.string().nullable(),
    scale: z.number().nullable().describe('ratio = numerator / denominator × scale (100 for %)'),
    derived: z.boolean().describe('computed from numerator and denominator when both exist'),
    decimals: z.number().int(),
    builtin: z.boolean().describe('seeded standard indicator; its code, unit and aggregation are fixed'),
    ownerRegionCode: z.string().nullable().describe('region of the bureau that added a local indicator'),
    version: z.number().int(),
  })
  .meta({ id: 'Indicator' });
export type TIndicator = z.infer<typeof ZIndicator>;

const displayFields = {
  nameZh: z.string().trim().min(2, '指标名称至少 2 个字').max(60),
  nameEn: z.string().trim().max(120).default(''),
  definition: z.string().trim().max(2000).default(''),
  caliber: z.string().trim().max(2000).default(''),
  decimals: z.number().int().min(0).max(6).default(2),
};
export const ZIndicatorCreate = z
  .strictObject({
    code: ZIndicatorCode,
    ...displayFields,
    unit: z.string().trim().min(1).max(20),
    category: ZIndicatorCategory,
    polarity: ZIndicatorPolarity.default('positive'),
    aggregation: ZIndicatorAggregation,
    numeratorCode: ZIndicatorCode.nullable().default(null),
    denominatorCode: ZIndicatorCode.nullable().default(null),
    scale: z.number().positive().max(1e9).nullable().default(null),
  })
  .refine((i) => (i.aggregation === 'ratio') === (i.numeratorCode !== null && i.denominatorCode !== null && i.scale !== null), {
    message: '比率指标须填写分子、分母指标和倍数；其他指标不填',
    path: ['aggregation'],
  });
export type TIndicatorCreate = z.infer<typeof ZIndicatorCreate>;
/**
 * PATCH: any subset. For a built-in indicator only the display fields (names, definition, caliber,
 * decimals) may change; unit, polarity, aggregation and its operands are fixed.
 */
export const ZIndicatorUpdate = z.strictObject({
  version: z.number().int(),
  nameZh: displayFields.nameZh.optional(),
  nameEn: z.string().trim().max(120).optional(),
  definition: z.string().trim().max(2000).optional(),
  caliber: z.string().trim().max(2000).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  category: ZIndicatorCategory.optional(),
  polarity: ZIndicatorPolarity.optional(),
});
export type TIndicatorUpdate = z.infer<typeof ZIndicatorUpdate>;
export const ZIndicatorCodeParams = z.strictObject({ code: ZIndicatorCode });

/** One recorded value (one version of it). */
export const ZIndicatorValue = z
  .object({
    id: z.number().int(),
    indicatorCode: z.string(),
    regionCode: ZRegionCode,
    regionName: z.string(),
    period: z.string(),
    kind: ZIndicatorValueKind,
    value: z.number(),
    source: ZIndicatorSource,
    sourceRef: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable().describe('username, or cli:… / demo for the console'),
    recordedAt: z.string(),
    supersededAt: z.string().nullable().describe('null: the current version'),
    supersededBy: z.number().int().nullable(),
  })
  .meta({ id: 'IndicatorValue' });
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const ZIndicatorValueInput = z.strictObject({
  indicatorCode: ZIndicatorCode,
  regionCode: ZRegionCode,
  period: ZIndicatorPeriod,
  kind: ZIndicatorValueKind,
  value: ZDecimalInput,
  source: z.enum(['manual', 'report', 'plan']).default('manual'),
  sourceRef: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null).describe('reason of a correction'),
  replaces: z.number().int().positive().nullable().default(null).describe('id of the version being corrected (optimistic check)'),
});
export type TIndicatorValueInput = z.input<typeof ZIndicatorValueInput>;

export const ZIndicatorValueQuery = z.strictObject({
  region: ZRegionCode.optional().describe("this region and below; default the actor's region"),
  indicator: ZIndicatorCode.optional(),
  period: ZIndicatorPeriod.optional(),
  kind: ZIndicatorValueKind.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export const ZIndicatorValueKey = z.strictObject({
  indicator: ZIndicatorCode,
  region: ZRegionCode,
  period: ZIndicatorPeriod,
  kind: ZIndicatorValueKind,
});
export const ZIndicatorValueHistory = z
  .object({ versions: z.array(ZIndicatorValue).describe('newest first; the first is current unless superseded') })
  .meta({ id: 'IndicatorValueHistory' });

export const ZIndicatorImportQuery = z.strictObject({
  dryRun: z.stringbool().default(true).describe('true (default): validate and count only, write nothing'),
  filename: z.string().max(200).optional().describe('.csv or .xlsx; detected from the bytes when omitted'),
});
export const ZIndicatorImportResult = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    rows: z.number().int().describe('data rows read'),
    created: z.number().int().describe('values new for their indicator × region × period × kind'),
    corrected: z.number().int().describe('values that supersede a different current value (history kept)'),
    unchanged: z.number().int(),
    errors: z.array(ZImportRowError),
  })
  .meta({ id: 'IndicatorImportResult' });
export type TIndicatorImportResult = z.infer<typeof ZIndicatorImportResult>;
export const ZIndicatorExportQuery = z.strictObject({
  region: ZRegionCode.optional(),
  indicator: ZIndicatorCode.optional(),
  fromYear: z.coerce.number().int().min(1900).max(2199).optional(),
  toYear: z.coerce.number().int().min(1900).max(2199).optional(),
});
