// The public face of the domain layer: apps import from here only.
export { listAudit } from './audit/list-audit.ts';
export { type AuditInput, type Recorder, withAudit } from './audit/with-audit.ts';
export type { SessionInfo } from './auth/actor.ts';
export { changePassword } from './auth/change-password.ts';
export { login } from './auth/login.ts';
export { getMe, isDemo } from './auth/me.ts';
export { generatePassword, hashPassword, verifyPassword } from './auth/password.ts';
export { hashToken, listMySessions, logout, logoutEverywhere, resolveSession, revokeMySession } from './auth/session.ts';
export { type BackupManifest, createBackup, restoreBackup, verifyBackup } from './backup/index.ts';
export { bureauDate } from './bureau-date.ts';
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
  addEnterpriseIncident,
  addEnterpriseIp,
  addLadderStatus,
  applyReserveRules,
  assessStoredEnterprise,
  createEnterprise,
  enterpriseFunnel,
  exportEnterprisesXlsx,
  getEnterprise,
  getReserveRules,
  hnteValidTo,
  importEnterprisesXlsx,
  listEnterprises,
  rebuildAllLadders,
  refreshLadder,
  registerTechSme,
  removeEnterpriseIncident,
  removeEnterpriseIp,
  reservePool,
  reserveRulesInForce,
  revokeTechSme,
  saveEnterpriseYear,
  saveReserveRules,
  setEnterpriseDisclosure,
  updateEnterprise,
} from './enterprise-registry/index.ts';
export * from './expert/index.ts';
export { deleteRegionBoundary, getRegionBoundary, uploadRegionBoundary } from './indicator/boundaries.ts';
export {
  compareRegions,
  createIndicator,
  createRun,
  createScheme,
  deleteScheme,
  deriveStProgress,
  exportRunXlsx,
  exportValuesXlsx,
  gatherInput,
  getIndicator,
  getRun,
  getRunRegion,
  getScheme,
  importValues,
  indicatorRanking,
  listIndicators,
  listRuns,
  listSchemes,
  listValues,
  loadCatalog,
  planTargetsFor,
  recordValue,
  regionProfile,
  solowContribution,
  startEvaluationRun,
  syncRegistryIndicators,
  updateIndicator,
  updateScheme,
  valueHistory,
  writeValues,
} from './indicator/index.ts';
export * from './integrity/index.ts';
export { jobHandlers } from './jobs/handlers.ts';
export * from './jobs/index.ts';
export { inAppChannel, type NotificationChannel, type NotificationMessage, sendNotifications } from './notification/channel.ts';
export {
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadNotificationCount,
} from './notification/notifications.ts';
export { getOrg, listOrgs } from './org/list-orgs.ts';
export { createOrg, setOrgDisabled, updateOrg } from './org/save-org.ts';
export * from './person/index.ts';
export { createPlan, orderTree } from './plan/create-plan.ts';
export { importPlanDocument, importPlanText } from './plan/import-plan-document.ts';
export { getPlan, listPlans } from './plan/list-plans.ts';
export { createPlanInChunks, createPlanOrJob, startPlanCreate } from './plan/plan-import-create.ts';
export type { BulletinInput } from './plan-execution/bulletin-content.ts';
export { renderBulletinDocx } from './plan-execution/bulletin-docx.ts';
export { startBulletin } from './plan-execution/bulletin-job.ts';
export { bulletinSheetNames, renderBulletinXlsx } from './plan-execution/bulletin-xlsx.ts';
export { generateBulletin, getBulletinFile, listBulletins } from './plan-execution/generate-bulletin.ts';
export {
  addPlanNode,
  bindPlanTarget,
  defaultStatusRules,
  deleteAttachment,
  deleteReportDraft,
  downloadAttachment,
  getInbox,
  getPlanDashboard,
  getPlanExec,
  getPlanProgress,
  getReport,
  getTaskDetail,
  listPlanRevisions,
  listReviewQueue,
  loadPlanProgress,
  patchPlanMeta,
  patchPlanNode,
  removePlanNode,
  reorderPlanNodes,
  reviewReport,
  reviseReport,
  type StatusRules,
  saveReportDraft,
  setAssignments,
  setAssignmentsBulk,
  setPlanPublished,
  submitReport,
  suggestAssignments,
  targetStatus,
  targetStatusLabels,
  taskStatus,
  taskStatusLabels,
  updateReportDraft,
  uploadAttachment,
} from './plan-execution/index.ts';
export { importPlanXlsxInChunks, importPlanXlsxOrJob, startPlanXlsxImport } from './plan-execution/plan-import-xlsx.ts';
export { exportPlanXlsx } from './plan-execution/plan-xlsx-export.ts';
export { importPlanXlsx } from './plan-execution/plan-xlsx-import.ts';
export { narrativePart, rebuildReportTallies, reportNarratives } from './plan-execution/progress.queries.ts';
export {
  defaultReminderRule,
  loadReminderRule,
  pendingReminders,
  type ReminderRule,
  reminderJob,
  runReminders,
} from './plan-execution/reminders.ts';
export { currentTallies } from './plan-execution/tally-cache.ts';
export * from './platform/index.ts';
export { canSeeOrgRecord, hasRole, inRegionScope, isRegionWide, requireActor, requireRole } from './policy.ts';
export * from './project/index.ts';
export { changeRegion, listRegionChanges } from './region/change-region.ts';
export { getRegion, listRegions } from './region/list-regions.ts';
export * from './review/index.ts';
export { jobStates } from './scheduler/lease.ts';
export { type Job, Scheduler, schedulerOwner } from './scheduler/scheduler.ts';
export { type FileStore, LocalFileStore, newStorageKey, sha256Hex } from './storage/file-store.ts';
export { type S3Config, S3FileStore, s3ConfigFromEnv, signV4 } from './storage/s3-file-store.ts';
export * from './talent/index.ts';
export * from './techmarket/index.ts';
export * from './techmarket/market/index.ts';
export { resetPassword, revokeUserSessions, setUserDisabled, unlockUser } from './user/account-actions.ts';
export { addUserFromConsole, setPasswordFromConsole } from './user/bootstrap.ts';
export { getUser, listUsers } from './user/list-users.ts';
export { createUser, updateUser } from './user/save-user.ts';
export * from './voucher/index.ts';
export { abilitiesOf } from './workbench/abilities.ts';
export { getWorkbench } from './workbench/get-workbench.ts';
