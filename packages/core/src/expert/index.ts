// 评审专家库: the module's public functions.
//
// loadDrawPool is the read the review module's random draw starts from: the candidate experts (by default the
// active ones) with their current and past employers, declared relations and unavailable dates, in four
// queries whatever the pool's size.
export {
  type DrawPoolEmployment,
  type DrawPoolExpert,
  type DrawPoolFilter,
  type DrawPoolRelation,
  loadDrawPool,
} from './draw-pool.ts';
export { isExpertManager, isExpertReader } from './expert.policy.ts';
export { getExpert } from './get-expert.ts';
export { expertImportLimits, expertImportTemplateXlsx, importExpertsXlsx } from './import-experts-xlsx.ts';
export { expertStatusZh, exportExpertsXlsx, listExperts } from './list-experts.ts';
export { createExpert, updateExpert } from './save-expert.ts';
export { getMyExpert, saveMyExpert, saveMyRelations, saveMyUnavailable } from './self-service.ts';
export { transitionExpert } from './transition-expert.ts';
