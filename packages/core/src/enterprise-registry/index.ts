// The public face of the enterprise registry: enterprises, yearly figures, the cultivation
// ladder, the funnel and the 高企后备库.
export { addLadderStatus, hnteValidTo } from './add-ladder-status.ts';
export { assessmentInputOf, assessStoredEnterprise } from './assess-stored-enterprise.ts';
export { enterpriseFunnel } from './enterprise-funnel.ts';
export {
  addEnterpriseIncident,
  addEnterpriseIp,
  removeEnterpriseIncident,
  removeEnterpriseIp,
  setEnterpriseDisclosure,
} from './enterprise-records.ts';
export { exportEnterprisesXlsx } from './export-enterprises-xlsx.ts';
export { getEnterprise } from './get-enterprise.ts';
export { importEnterprisesXlsx } from './import-enterprises-xlsx.ts';
export { rebuildAllLadders, refreshLadder } from './ladder-tally.ts';
export { listEnterprises } from './list-enterprises.ts';
export { reservePool } from './reserve-pool.ts';
export { applyReserveRules, getReserveRules, reserveRulesInForce, saveReserveRules } from './reserve-rules.ts';
export { createEnterprise, updateEnterprise } from './save-enterprise.ts';
export { saveEnterpriseYear } from './save-enterprise-year.ts';
export { reapplyYear, registerTechSme, revokeTechSme } from './tech-sme-registration.ts';
