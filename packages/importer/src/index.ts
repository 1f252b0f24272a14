export type { ExtractOptions, PlanDraft, RegionResolver, TBaseline, TPlanDraft, TRegion, TSection, TTarget, TTask } from './draft.ts';
export { ZBaseline, ZPlanDraft, ZRegion, ZSection, ZTarget, ZTargetKind, ZTask } from './draft.ts';
export { ImportError, type ImportErrorCode, isImportError } from './errors.ts';
export { extractPlan, parseDraft } from './extract-plan.ts';
export { type CatalogIndicator, indicatorCatalog, lookupIndicator } from './indicator-catalog.ts';
export { parseChineseInteger, parseNumber } from './numbers.ts';
export { decodeText, maxInputBytes, readDocument } from './read-document.ts';
export { parseUnits } from './tasks.ts';
export { assertSafeZip, maxUnzippedBytes } from './zip-guard.ts';
