// The public face of the domain layer: apps import from here only.
export { listAudit } from './audit/list-audit.ts';
export { type AuditInput, type Recorder, withAudit } from './audit/with-audit.ts';
export type { SessionInfo } from './auth/actor.ts';
export { changePassword } from './auth/change-password.ts';
export { login } from './auth/login.ts';
export { getMe, isDemo } from './auth/me.ts';
export { generatePassword, hashPassword, verifyPassword } from './auth/password.ts';
export { hashToken, listMySessions, logout, logoutEverywhere, resolveSession, revokeMySession } from './auth/session.ts';
export { type AppCache, MemoryCache, noCache } from './cache.ts';
export type { Actor, Ctx } from './context.ts';
export { demoOrgs, demoUsers } from './demo/demo-data.ts';
export { type DemoAccount, loadDemo } from './demo/load-demo.ts';
export { assessPosted, rulePacks } from './enterprise/assess-request.ts';
export {
  type AssessOptions,
  assessEnterprise,
  builtinRulePacks,
  findRulePacks,
  listRulePacks,
  type RulePack,
  type RulePackSummary,
  selectPacks,
} from './enterprise/index.ts';
export {
  addLadderStatus,
  assessStoredEnterprise,
  createEnterprise,
  enterpriseFunnel,
  exportEnterprisesXlsx,
  getEnterprise,
  hnteValidTo,
  importEnterprisesXlsx,
  listEnterprises,
  rebuildAllLadders,
  refreshLadder,
  reservePool,
  saveEnterpriseYear,
  updateEnterprise,
} from './enterprise-registry/index.ts';
export { getOrg, listOrgs } from './org/list-orgs.ts';
export { createOrg, setOrgDisabled, updateOrg } from './org/save-org.ts';
export { createPlan, orderTree } from './plan/create-plan.ts';
export { importPlanDocument, importPlanText } from './plan/import-plan-document.ts';
export { getPlan, listPlans } from './plan/list-plans.ts';
export { canSeeOrgRecord, hasRole, inRegionScope, isRegionWide, requireActor, requireRole } from './policy.ts';
export { changeRegion, listRegionChanges } from './region/change-region.ts';
export { getRegion, listRegions } from './region/list-regions.ts';
export { type FileStore, LocalFileStore, newStorageKey, sha256Hex } from './storage/file-store.ts';
export { resetPassword, revokeUserSessions, setUserDisabled, unlockUser } from './user/account-actions.ts';
export { addUserFromConsole, setPasswordFromConsole } from './user/bootstrap.ts';
export { getUser, listUsers } from './user/list-users.ts';
export { createUser, updateUser } from './user/save-user.ts';
