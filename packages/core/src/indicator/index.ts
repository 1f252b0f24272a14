// Indicators and regional evaluation. The pure evaluation engine is in ./evaluation.
export { createIndicator, getIndicator, listIndicators, loadCatalog, updateIndicator } from './catalog.ts';
export { exportRunXlsx } from './export-run.ts';
export { exportValuesXlsx } from './export-values.ts';
export { importValues } from './import-values.ts';
export { planTargetsFor } from './plan-targets.ts';
export { regionProfile } from './profile.ts';
export { compareRegions, indicatorRanking } from './ranking.ts';
export { listValues, recordValue, valueHistory } from './record-value.ts';
export { syncRegistryIndicators } from './registry-sync.ts';
export { Resolver } from './rollup.ts';
export { evaluationRunJob, startEvaluationRun } from './run-job.ts';
export { createRun, gatherInput, getRun, getRunRegion, listRuns, runSteps } from './runs.ts';
export { createScheme, deleteScheme, getScheme, listSchemes, updateScheme } from './schemes.ts';
export { type SolowLevels, type SolowResult, solowContribution } from './solow.ts';
export { deriveStProgress } from './st-progress.ts';
export { type NewValue, writeValues } from './write-values.ts';
