import { z } from 'zod';
import { ZEvaluationResult, ZEvaluationScheme, ZRegionResult, ZSensitivity, ZSensitivityEntry } from './indicator-evaluation.ts';
import { ZRegionCode } from './region.ts';

/*
 * Stored evaluation schemes and their runs. A scheme evaluates every current region of one
 * level (2 = prefecture, 3 = county) under a parent region; a run is the engine's result for one year
 * with its sensitivity analysis, kept as computed (a later change to the scheme or to values does not
 * alter a stored run; run again to see the effect).
 */

export const ZSchemeLevel = z.union([z.literal(2), z.literal(3)]).describe('2: prefectures (市州); 3: counties (县市区)');

export const ZEvaluationSchemeInput = z.strictObject({
  name: z.string().trim().min(2, '方案名称至少 2 个字').max(100),
  description: z.string().trim().max(2000).default(''),
  level: ZSchemeLevel,
  parentRegionCode: ZRegionCode.describe('evaluate the regions of `level` below this region'),
  definition: ZEvaluationScheme,
});
export type TEvaluationSchemeInput = z.input<typeof ZEvaluationSchemeInput>;
export const ZEvaluationSchemeUpdate = ZEvaluationSchemeInput.extend({ version: z.number().int() }).strict();

export const ZStoredScheme = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    level: ZSchemeLevel,
    parentRegionCode: ZRegionCode,
    parentRegionName: z.string(),
    definition: ZEvaluationScheme,
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredEvaluationScheme' });
export type TStoredScheme = z.infer<typeof ZStoredScheme>;
export const ZSchemeListQuery = z.strictObject({
  region: ZRegionCode.optional().describe('schemes whose parent region is in this subtree'),
});
export const ZSchemeList = z.array(ZStoredScheme);

export const ZSchemeIdParams = z.strictObject({ schemeId: z.coerce.number().int().positive().max(2_147_483_647) });
/** Deleting a scheme: the version it was read at (a scheme changed since → conflict). */
export const ZSchemeDeleteQuery = z.strictObject({ version: z.coerce.number().int().positive().max(2_147_483_647) });
export const ZRunIdParams = z.strictObject({ runId: z.coerce.number().int().positive().max(2_147_483_647) });
export const ZRunRegionParams = ZRunIdParams.extend({ code: ZRegionCode }).strict();

export const ZRunCreate = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  samples: z.number().int().min(10).max(2000).default(200).describe('sensitivity: weight perturbation samples'),
  perturbation: z.number().min(0).max(0.9).default(0.2),
});
export type TRunCreate = z.infer<typeof ZRunCreate>;

export const ZRunSummary = z
  .object({
    id: z.number().int(),
    schemeId: z.number().int(),
    schemeVersion: z.number().int(),
    year: z.number().int(),
    regionCount: z.number().int(),
    computedAt: z.string(),
    computedBy: z.string().nullable(),
    previousRanksFrom: z.enum(['run', 'computed', 'none']).describe('where 进位/退位 compares against'),
  })
  .meta({ id: 'EvaluationRunSummary' });
export type TRunSummary = z.infer<typeof ZRunSummary>;

export const ZValueOriginCount = z.object({ stored: z.number().int(), rolledUp: z.number().int(), derived: z.number().int() });
export const ZEvaluationRun = ZRunSummary.extend({
  definition: ZEvaluationScheme.describe('the scheme as it was when the run was computed'),
  result: ZEvaluationResult,
  sensitivity: ZSensitivity,
  origins: ZValueOriginCount.describe('how the input values were obtained'),
}).meta({ id: 'EvaluationRun' });
export type TEvaluationRun = z.infer<typeof ZEvaluationRun>;
export const ZRunList = z.array(ZRunSummary);

/** What a run started as a job (kind indicator.evaluation_run) leaves as the job's result: the stored run. */
export const ZRunJobResult = z.object({ run: ZRunSummary }).meta({ id: 'EvaluationRunJobResult' });
export type TRunJobResult = z.infer<typeof ZRunJobResult>;

export const ZRunRegion = z
  .object({
    runId: z.number().int(),
    year: z.number().int(),
    region: ZRegionResult,
    sensitivity: ZSensitivityEntry.nullable(),
    regionCount: z.number().int(),
  })
  .meta({ id: 'EvaluationRunRegion' });
export type TRunRegion = z.infer<typeof ZRunRegion>;
