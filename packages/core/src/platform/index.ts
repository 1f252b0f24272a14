// 创新平台: the registry of innovation platforms, the city 认定 round, yearly reports, 绩效评价 and the counts.
export {
  createPlatformApplication,
  createPlatformCall,
  listPlatformApplications,
  listPlatformCalls,
  publishPlatformCall,
  recognisePlatformCall,
  reviewPlatformApplication,
  startPlatformPublicity,
  submitPlatformApplication,
} from './calls.ts';
export { confirmPlatformEvaluation, getPlatformEvaluation, listPlatformEvaluations, runPlatformEvaluation } from './evaluation.ts';
export { exportPlatformsXlsx } from './export-xlsx.ts';
export { type GradeInput, type GradeOutcome, gradePlatforms, platformScheme } from './grading.ts';
export { countsByTypeLevelRegion, platformFigures, platformStats, platformValues, ruleValue } from './indicators.ts';
export { isUnitUser as isPlatformUnitUser } from './platform.policy.ts';
export { listPublicPlatforms } from './public-list.ts';
export { changePlatformStatus, getPlatform, listPlatforms, registerPlatform } from './registry.ts';
export { savePlatformReport } from './reports.ts';
export { retally } from './tally.ts';
export { assertTypeFields, checkConditions, loadPlatformTypes, platformType } from './types.ts';

import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { loadPlatformTypes as load } from './types.ts';

/** The type catalogue in force, for everyone signed in (forms, filters). */
export async function listPlatformTypes(ctx: Ctx) {
  requireActor(ctx);
  return load(ctx.db);
}
