// The regional S&T-innovation evaluation engine (科技创新综合考评): pure functions, no I/O.
// Method choices: docs/decisions/0007-evaluation-method.md.
export { aggregate, type WeightedValue } from './aggregate.ts';
export { evaluate, methodNotes, type PreparedEvaluation, prepareEvaluation } from './evaluate.ts';
export { applyMissing, type MissingResult } from './missing.ts';
export { indicatorStats, isPresent, type NormaliseResult, normalise } from './normalise.ts';
export { mulberry32 } from './prng.ts';
export { assignTiers, type Ranked, rankKey, rankRegions, tierFor } from './rank.ts';
export { type CompiledScheme, compileScheme, effectiveWeights, type SchemeIssue, schemeIssues, validateScheme } from './scheme.ts';
export { sensitivity } from './sensitivity.ts';
