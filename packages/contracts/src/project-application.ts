import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from './common.ts';
import { ZDecimalString, ZFen } from './enterprise.ts';
import { ZPersonInput, ZPersonView } from './person.ts';

/*
 * Applications (申报书): drafts kept, submitted inside the call window, recommended by the region or
 * department, 形式审查 with a checklist and automatic checks, returned with reasons and resubmitted, then
 * left in 'under_review' for expert review (the next issue) and decided by the bureau.
 */

export const applicationStatuses = [
  'draft',
  'submitted',
  'recommended',
  'returned',
  'under_review',
  'selected',
  'rejected',
  'withdrawn',
] as const;
export const ZApplicationStatus = z.enum(applicationStatuses);
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

/** Budget categories of 财政科研项目资金 (设备费, 业务费, 劳务费, 间接费用). */
export const budgetCategories = ['equipment', 'business', 'labour', 'indirect'] as const;
export const ZBudgetCategory = z.enum(budgetCategories);

export const ZBudgetLine = z.strictObject({
  category: ZBudgetCategory,
  fiscalFen: ZFen.describe('申请财政资金（分）'),
  selfFen: ZFen.describe('自筹资金（分）'),
});
export type TBudgetLine = z.infer<typeof ZBudgetLine>;

/** A quantified 考核指标: what is promised, checked again at acceptance. */
export const ZTargetLine = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20),
  value: ZDecimalString,
  note: z.string().trim().max(500).nullable().optional(),
});
export type TTargetLine = z.infer<typeof ZTargetLine>;

export const ZMemberInput = z.strictObject({
  person: ZPersonInput,
  role: z.string().trim().min(1).max(100).describe('分工'),
  workMonths: z.number().int().min(0).max(120).describe('投入工作量（人月）'),
});

export const ZApplicationInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  fieldCode: z.string().trim().max(20).nullable().optional().describe('所属领域 / 学科代码'),
  recommenderOrgId: ZId.nullable().optional().describe('推荐单位（主管部门）：由主管部门推荐的指南必填'),
  direction: z.string().trim().max(200).nullable().optional().describe('申报的支持方向'),
  summary: z.string().trim().max(5000).nullable().optional(),
  leader: ZPersonInput.extend({ idNumber: ZPersonInput.shape.idNumber.unwrap() }).describe('项目负责人（须填身份证号码）'),
  members: z.array(ZMemberInput).max(50).default([]),
  budget: z.array(ZBudgetLine).max(20).default([]),
  fiscalFen: ZFen.describe('申请财政资金合计（分），须等于预算表财政资金之和'),
  selfFen: ZFen.describe('自筹资金合计（分），须等于预算表自筹资金之和'),
  targets: z.array(ZTargetLine).max(50).default([]),
});
export type TApplicationInput = z.infer<typeof ZApplicationInput>;
export const ZApplicationCreate = ZApplicationInput.extend({ callId: ZId });
export type TApplicationCreate = z.infer<typeof ZApplicationCreate>;
export const ZApplicationUpdate = ZApplicationInput.extend({ version: z.number().int().min(1) });
export type TApplicationUpdate = z.infer<typeof ZApplicationUpdate>;

export const ZApplicationEvent = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  detail: z.unknown().nullable(),
});

export const ZApplicationFile = z.object({
  id: z.number().int(),
  kind: z.string(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type TApplicationFile = z.infer<typeof ZApplicationFile>;

export const ZChecklistItem = z.strictObject({
  item: z.string().trim().min(1).max(200),
  ok: z.boolean(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const ZApplicationSummary = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  callTitle: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  regionCode: z.string(),
  title: z.string(),
  leaderName: z.string(),
  recommenderOrgId: z.number().int().nullable(),
  recommenderOrgName: z.string().nullable(),
  fiscalFen: z.number().int(),
  status: ZApplicationStatus,
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TApplicationSummary = z.infer<typeof ZApplicationSummary>;

export const ZApplication = ZApplicationSummary.extend({
  fieldCode: z.string().nullable(),
  direction: z.string().nullable(),
  summary: z.string().nullable(),
  leader: ZPersonView,
  members: z.array(z.object({ person: ZPersonView, role: z.string(), workMonths: z.number().int() })),
  budget: z.array(ZBudgetLine),
  selfFen: z.number().int(),
  targets: z.array(ZTargetLine),
  returnReasons: z.array(z.string()).nullable(),
  checklist: z.array(ZChecklistItem).nullable(),
  grantedFen: z.number().int().nullable(),
  files: z.array(ZApplicationFile),
  timeline: z.array(ZApplicationEvent),
});
export type TApplication = z.infer<typeof ZApplication>;

export const ZApplicationListQuery = ZPageQuery.extend({
  callId: ZId.optional(),
  status: ZApplicationStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TApplicationListQuery = z.infer<typeof ZApplicationListQuery>;
export const ZApplicationPage = pageOf(ZApplicationSummary);

export const ZReturnInput = z.strictObject({
  version: z.number().int().min(1),
  reasons: z.array(z.string().trim().min(1).max(500)).min(1).max(30),
});
export const ZRecommendInput = z.strictObject({
  version: z.number().int().min(1),
  opinion: z.string().trim().max(1000).nullable().optional(),
});
export const ZFormalPassInput = z.strictObject({
  version: z.number().int().min(1),
  checklist: z.array(ZChecklistItem).min(1).max(50),
});
/** The review stub: until expert review exists, the bureau enters the decision directly. */
export const ZDecisionInput = z.strictObject({
  version: z.number().int().min(1),
  selected: z.boolean(),
  grantedFen: ZFen.optional().describe('立项资助金额（分），选中时必填'),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const findingKinds = ['not_eligible', 'over_unit_limit', 'over_leader_limit', 'same_leader', 'duplicate_title', 'barred'] as const;
export const ZFinding = z.object({
  kind: z.enum(findingKinds),
  /** block: the formal check cannot pass it; warn: the checker decides */
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  related: z.array(z.number().int()).describe('other applications involved'),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZCallChecks = z.object({
  callId: z.number().int(),
  checked: z.number().int(),
  applications: z.array(z.object({ id: z.number().int(), title: z.string(), findings: z.array(ZFinding) })),
});
export type TCallChecks = z.infer<typeof ZCallChecks>;

export const ZFileUploadQuery = z.strictObject({
  filename: z.string().min(1).max(255),
  kind: z.string().trim().min(1).max(50).describe('附件类别（指南要求的类别之一）'),
});
export const ZApplicationFileParams = z.strictObject({ id: ZId, fileId: ZId });

export const projectLimits = {
  /** character-bigram Jaccard similarity at or above which two titles in a call are flagged */
  duplicateTitleJaccard: 0.7,
} as const;
