// The public face of the enterprise module: the eligibility pre-assessment engine.
export { type AssessOptions, assessEnterprise, assessWithPack } from './assess-enterprise.ts';
export { assessHnte } from './assess-hnte.ts';
export { assessTechSme } from './assess-tech-sme.ts';
export {
  type HighValueCriterion,
  type HighValuePatentRules,
  highValueCriteria,
  highValuePatent2021,
  isHighValuePatent,
} from './high-value-patent.ts';
export { findRulePacks, listRulePacks, type RulePackSummary } from './list-rule-packs.ts';
export type { Band, HntePack, RdRatioTier, RulePack, TechSmePack } from './rule-packs/index.ts';
export { builtinRulePacks, hnte2016, techSme2017, techSme2022 } from './rule-packs/index.ts';
export { isPackInForce, selectPacks } from './select-pack.ts';
