import { z } from 'zod';
import {
  indicatorLimits,
  ZIndicator,
  ZIndicatorCode,
  ZIndicatorPeriod,
  ZIndicatorSource,
  ZIndicatorValueKind,
  ZValueOrigin,
} from './indicator.ts';
import { ZRegionCode } from './region.ts';

/*
 * The reads behind the indicator views: region profile, ranking, comparison / radar, plan
 * targets side by side, and the registry as a source. Every value carries its origin (stored, rolled up
 * over child regions, or derived as Σnumerator / Σdenominator) and, when computed, its coverage.
 */

/** A value as the views read it: stored, or rolled up / derived along the region tree. */
export const ZResolvedValue = z
  .object({
    value: z.number(),
    origin: ZValueOrigin,
    source: ZIndicatorSource.nullable().describe('source of a stored value'),
    coverage: z
      .object({ covered: z.number().int(), total: z.number().int() })
      .nullable()
      .describe('rolled up / derived: child regions that had data, of all child regions'),
  })
  .meta({ id: 'ResolvedValue' });
export type TResolvedValue = z.infer<typeof ZResolvedValue>;

export const ZProfileQuery = z.strictObject({
  region: ZRegionCode,
  fromYear: z.coerce.number().int().min(1900).max(2199).optional(),
  toYear: z.coerce.number().int().min(1900).max(2199).optional(),
});
export const ZProfileCell = z.object({
  period: z.string(),
  actual: ZResolvedValue.nullable(),
  target: ZResolvedValue.nullable(),
  baseline: ZResolvedValue.nullable(),
  attainment: z.number().nullable().describe('actual / target × 100 (target / actual × 100 for negative polarity)'),
});
export const ZRegionProfile = z
  .object({
    regionCode: ZRegionCode,
    regionName: z.string(),
    periods: z.array(z.string()),
    rows: z.array(z.object({ indicator: ZIndicator, cells: z.array(ZProfileCell) })),
  })
  .meta({ id: 'RegionProfile' });
export type TRegionProfile = z.infer<typeof ZRegionProfile>;

export const ZRankingQuery = z.strictObject({
  indicator: ZIndicatorCode,
  region: ZRegionCode.describe('rank the child regions of this region'),
  period: ZIndicatorPeriod,
  kind: ZIndicatorValueKind.default('actual'),
});
export const ZRanking = z
  .object({
    indicator: ZIndicator,
    regionCode: ZRegionCode,
    period: z.string(),
    kind: ZIndicatorValueKind,
    parent: ZResolvedValue.nullable().describe('the parent region itself'),
    rows: z.array(
      z.object({
        rank: z.number().int().nullable().describe('1 = best by polarity; ties share a rank; null without a value'),
        regionCode: ZRegionCode,
        regionName: z.string(),
        value: ZResolvedValue.nullable(),
      }),
    ),
  })
  .meta({ id: 'Ranking' });
export type TRanking = z.infer<typeof ZRanking>;

const csv = <T extends z.ZodType<string, string>>(max: number, item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(max));
export const ZComparisonQuery = z.strictObject({
  regions: csv(indicatorLimits.compareRegions, ZRegionCode).describe('comma-separated region codes'),
  indicators: csv(indicatorLimits.compareIndicators, ZIndicatorCode).optional().describe('comma-separated; default all'),
  period: ZIndicatorPeriod,
  kind: ZIndicatorValueKind.default('actual'),
});
export const ZComparison = z
  .object({
    period: z.string(),
    kind: ZIndicatorValueKind,
    regions: z.array(z.object({ code: ZRegionCode, name: z.string() })),
    indicators: z.array(ZIndicator),
    cells: z.array(
      z.object({
        regionCode: ZRegionCode,
        indicatorCode: z.string(),
        value: ZResolvedValue.nullable(),
        radar: z.number().nullable().describe('0–100 against the best of the compared regions (polarity-aware), for a radar chart'),
      }),
    ),
  })
  .meta({ id: 'Comparison' });
export type TComparison = z.infer<typeof ZComparison>;

export const ZPlanTargetsQuery = z.strictObject({ indicator: ZIndicatorCode });
export const ZPlanTargetComparison = z
  .object({
    indicatorCode: z.string(),
    items: z.array(
      z.object({
        planId: z.number().int(),
        planTitle: z.string(),
        planYear: z.number().int(),
        planStatus: z.string(),
        regionCode: ZRegionCode,
        regionName: z.string(),
        targetYear: z.number().int().nullable(),
        value: z.number(),
        valueMax: z.number().nullable(),
        unit: z.string(),
        normalizedValue: z.number(),
        normalizedUnit: z.string(),
        comparator: z.string().nullable(),
        qualifier: z.string().nullable(),
        kind: z.string(),
        baseline: z.boolean(),
        quote: z.string(),
      }),
    ),
  })
  .meta({ id: 'PlanTargetComparison' });
export type TPlanTargetComparison = z.infer<typeof ZPlanTargetComparison>;

/** Enterprise counts from the registry written as actual values (source 'registry'). */
export const ZRegistrySyncInput = z.strictObject({
  region: ZRegionCode,
  year: z.number().int().min(1990).max(2100),
});
export const ZRegistrySyncResult = z
  .object({
    year: z.number().int(),
    written: z.number().int().describe('values created or corrected'),
    unchanged: z.number().int(),
    values: z.array(z.object({ indicatorCode: z.string(), regionCode: ZRegionCode, value: z.number() })),
  })
  .meta({ id: 'RegistrySyncResult' });
export type TRegistrySyncResult = z.infer<typeof ZRegistrySyncResult>;

/**
 * 科技进步贡献率 by the Solow residual from a region's stored actual values of 地区生产总值 (gdp), 资本存量
 * (capital_stock) and 从业人员数 (employed_persons) at the start and the end of the window; α, β and the window
 * are the province's (domain-rules §4, UNVERIFIED defaults). save = true writes st_progress_contribution.
 */
export const ZStProgressInput = z.strictObject({
  region: ZRegionCode,
  year: z.number().int().min(1990).max(2100).describe('the end year of the window'),
  years: z.number().int().min(1).max(20).default(5).describe('window length t'),
  alpha: z.number().min(0).max(1).describe('资本产出弹性 α'),
  beta: z.number().min(0).max(1).describe('劳动产出弹性 β'),
  save: z.boolean().default(false),
});
export type TStProgressInput = z.infer<typeof ZStProgressInput>;

const ZLevels = z.object({ start: z.number(), end: z.number() });
export const ZStProgressResult = z
  .object({
    regionCode: ZRegionCode,
    year: z.number().int(),
    years: z.number().int(),
    alpha: z.number(),
    beta: z.number(),
    levels: z.object({ output: ZLevels, capital: ZLevels, labour: ZLevels }),
    outputGrowth: z.number().describe('%'),
    capitalGrowth: z.number().describe('%'),
    labourGrowth: z.number().describe('%'),
    techGrowth: z.number().describe('a = y − αk − βl, %'),
    contribution: z.number().describe('E = a / y × 100, %, 2 decimals'),
    basis: z.string().describe('zh-CN'),
    saved: z.boolean(),
  })
  .meta({ id: 'StProgressResult' });
export type TStProgressResult = z.infer<typeof ZStProgressResult>;
