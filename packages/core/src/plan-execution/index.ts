// Plan execution: editing with history, assignments, reports, review, status, inbox, dashboard.
export { setAssignments, suggestAssignments } from './assignments.ts';
export { bytesMatchType, cleanFilename, deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.ts';
export { setAssignmentsBulk } from './bulk-assignments.ts';
export { getPlanDashboard, getPlanProgress } from './dashboard.ts';
export { getInbox } from './inbox.ts';
export {
  addPlanNode,
  getPlanExec,
  listPlanRevisions,
  patchPlanMeta,
  patchPlanNode,
  removePlanNode,
  reorderPlanNodes,
  setPlanPublished,
} from './plan-edit.ts';
export { loadPlanProgress } from './plan-progress.ts';
export { listReviewQueue, reviewReport } from './report-review.ts';
export { deleteReportDraft, getReport, reviseReport, saveReportDraft, submitReport, updateReportDraft } from './reports.ts';
export { defaultStatusRules, type StatusRules, targetStatusLabels, taskStatusLabels } from './status-rules.ts';
export { bindPlanTarget } from './target-binding.ts';
export { getTaskDetail } from './task-detail.ts';
export { targetStatus, taskStatus } from './task-status.ts';
