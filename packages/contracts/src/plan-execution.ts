import { z } from 'zod';
import { ZIsoDate } from './enterprise.ts';
import { ZPlanNodeKind, ZPlanStatus } from './plan.ts';

/*
 * Running a plan through the year: editing with history, assignments to units, the
 * reporter's inbox, progress reports with versions and evidence, review, computed status,
 * the dashboard and the task timeline.
 */

export const planExecLimits = {
  attachmentBytes: 20 * 1024 * 1024,
  attachmentsPerReport: 20,
  narrativeChars: 10_000,
} as const;

/** Evidence files a report accepts (by extension, checked against the bytes' magic where possible). */
export const attachmentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
  txt: 'text/plain',
} as const;

export const ZCycle = z.enum(['none', 'monthly', 'quarterly', 'custom']);
export type TCycle = z.infer<typeof ZCycle>;
export const ZAssignmentRole = z.enum(['lead', 'co']);
export const ZReportStatus = z.enum(['draft', 'submitted', 'accepted', 'returned']);
export type TReportStatus = z.infer<typeof ZReportStatus>;
/** the reporter's own assessment */
export const ZSelfStatus = z.enum(['on_track', 'at_risk', 'lagging', 'done']);
/** computed status: 未开始 / 已完成 / 正常推进 / 滞后 / 严重滞后 / 逾期未报 */
export const taskStatuses = ['unassigned', 'not_started', 'done', 'on_track', 'lagging', 'severely_lagging', 'overdue_unreported'] as const;
export const ZTaskStatus = z.enum(taskStatuses);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;
/** a target's status: no data yet, met, on the expected path, behind it, far behind it */
export const ZTargetStatus = z.enum(['no_data', 'met', 'on_track', 'lagging', 'severely_lagging']);
export type TTargetStatus = z.infer<typeof ZTargetStatus>;

export const ZStatusCounts = z.object({
  unassigned: z.number().int(),
  not_started: z.number().int(),
  done: z.number().int(),
  on_track: z.number().int(),
  lagging: z.number().int(),
  severely_lagging: z.number().int(),
  overdue_unreported: z.number().int(),
});
export type TStatusCounts = z.infer<typeof ZStatusCounts>;

export const ZMilestone = z.strictObject({
  title: z.string().trim().min(1).max(200),
  due: ZIsoDate.nullable().default(null),
  done: z.boolean().default(false),
});
export type TMilestone = z.infer<typeof ZMilestone>;

const ZVersion = z.number().int().positive().describe('the plan version the edit is based on (optimistic concurrency)');
const ZReason = z.string().trim().max(500).default('').describe('调整原因, kept with the revision');

// ---------- editing ----------

export const ZPlanMetaPatch = z.strictObject({
  version: ZVersion,
  reason: ZReason,
  title: z.string().trim().min(2).max(200).optional(),
  docNumber: z.string().trim().max(60).nullable().optional(),
  issuer: z.string().trim().max(100).nullable().optional(),
  issuedOn: ZIsoDate.nullable().optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  periodTo: z.number().int().min(1990).max(2100).nullable().optional(),
  archived: z.boolean().optional().describe('archive the plan (no reminders, no overdue) or make it live again'),
});
export type TPlanMetaPatch = z.infer<typeof ZPlanMetaPatch>;

export const ZPlanPublish = z.strictObject({ version: ZVersion, reason: ZReason });
export type TPlanPublish = z.infer<typeof ZPlanPublish>;

const nodeFields = {
  number: z.string().trim().max(20).optional(),
  title: z.string().trim().min(1).max(500).optional(),
  leader: z.string().trim().max(100).nullable().optional().describe('责任领导'),
  startDate: ZIsoDate.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  cycle: ZCycle.optional(),
  cycleDueDay: z.number().int().min(1).max(28).optional(),
  customDueDates: z.array(ZIsoDate).max(60).optional(),
  weight: z.number().min(0).max(1000).optional(),
  milestones: z.array(ZMilestone).max(50).optional(),
};

export const ZPlanNodePatch = z.strictObject({
  version: ZVersion,
  reason: ZReason,
  ...nodeFields,
  /** move under another node of the plan (null: top level), placed last among its new siblings */
  parentId: z.number().int().positive().nullable().optional(),
});
export type TPlanNodePatch = z.infer<typeof ZPlanNodePatch>;

export const ZPlanNodeAdd = z.strictObject({
  version: ZVersion,
  reason: ZReason,
  parentId: z.number().int().positive().nullable(),
  kind: ZPlanNodeKind.default('task'),
  /** index among the parent's children; default: last */
  index: z.number().int().min(0).optional(),
  ...nodeFields,
  title: z.string().trim().min(1).max(500),
});
export type TPlanNodeAdd = z.infer<typeof ZPlanNodeAdd>;

export const ZPlanNodeRemoveQuery = z.strictObject({
  version: z.coerce.number().int().positive(),
  reason: z.string().max(500).default(''),
});

export const ZPlanNodeReorder = z.strictObject({
  version: ZVersion,
  reason: ZReason,
  parentId: z.number().int().positive().nullable(),
  /** every child id of the parent, in the new order */
  order: z.array(z.number().int().positive()).min(1).max(5000),
});
export type TPlanNodeReorder = z.infer<typeof ZPlanNodeReorder>;

/** Binds a target to a catalogue indicator (its actual then comes from the catalogue), or unbinds it (null). */
export const ZPlanTargetBind = z.strictObject({
  version: ZVersion,
  reason: ZReason,
  indicatorCode: z.string().trim().min(1).max(60).nullable(),
});
export type TPlanTargetBind = z.infer<typeof ZPlanTargetBind>;
export const ZPlanTargetParams = z.strictObject({ id: z.coerce.number().int().positive(), targetId: z.coerce.number().int().positive() });

export const ZPlanNodeParams = z.strictObject({ id: z.coerce.number().int().positive(), nodeId: z.coerce.number().int().positive() });

export const ZOrgRef = z.object({ orgId: z.number().int(), name: z.string(), shortName: z.string().nullable() });
export type TOrgRef = z.infer<typeof ZOrgRef>;

/** A node with its scheduling fields and assigned units. */
export const ZExecNode = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    position: z.number().int(),
    kind: ZPlanNodeKind,
    number: z.string(),
    title: z.string(),
    leadUnits: z.array(z.string()).describe('unit names as imported'),
    coUnits: z.array(z.string()),
    deadline: z.string().nullable().describe('deadline text as imported'),
    leader: z.string().nullable(),
    startDate: ZIsoDate.nullable(),
    dueDate: ZIsoDate.nullable(),
    cycle: ZCycle,
    cycleDueDay: z.number().int(),
    customDueDates: z.array(ZIsoDate),
    weight: z.number(),
    milestones: z.array(z.object({ title: z.string(), due: ZIsoDate.nullable(), done: z.boolean() })),
    version: z.number().int(),
    leadOrgs: z.array(ZOrgRef),
    coOrgs: z.array(ZOrgRef),
  })
  .meta({ id: 'PlanExecNode' });
export type TExecNode = z.infer<typeof ZExecNode>;

export const ZPlanExecTarget = z.object({
  id: z.number().int(),
  nodeId: z.number().int().nullable(),
  indicatorName: z.string(),
  indicatorCode: z.string().nullable(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  comparator: z.string().nullable(),
  kind: z.string(),
  targetYear: z.number().int().nullable(),
  baseline: z.boolean(),
});
export type TPlanExecTarget = z.infer<typeof ZPlanExecTarget>;

export const ZPlanExec = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    periodTo: z.number().int().nullable(),
    status: ZPlanStatus,
    publishedAt: z.string().nullable(),
    archived: z.boolean(),
    version: z.number().int(),
    nodes: z.array(ZExecNode),
    targets: z.array(ZPlanExecTarget),
  })
  .meta({ id: 'PlanExec' });
export type TPlanExec = z.infer<typeof ZPlanExec>;

export const ZPlanRevision = z
  .object({
    id: z.number().int(),
    version: z.number().int().describe('the version this snapshot was (replaced by version + 1)'),
    reason: z.string(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
    snapshot: z.unknown().describe('the plan (meta, nodes, assignments) as it was'),
  })
  .meta({ id: 'PlanRevision' });
export const ZPlanRevisionList = z.object({ items: z.array(ZPlanRevision) });
export type TPlanRevision = z.infer<typeof ZPlanRevision>;

// ---------- assignments ----------

export const ZAssignmentSet = z.strictObject({
  lead: z.array(z.number().int().positive()).max(30),
  co: z.array(z.number().int().positive()).max(60).default([]),
});
export type TAssignmentSet = z.infer<typeof ZAssignmentSet>;

export const ZAssignmentBulkMode = z.enum(['replace', 'add']);
export type TAssignmentBulkMode = z.infer<typeof ZAssignmentBulkMode>;

/**
 * 批量分工: the same units on many tasks at once. replace: exactly these units on every chosen task;
 * add: keep what each task has and add these (a unit named as lead becomes lead; an existing lead stays lead).
 */
export const ZAssignmentBulk = z.strictObject({
  nodeIds: z
    .array(z.number().int().positive())
    .min(1)
    .max(2000)
    .refine((ids) => new Set(ids).size === ids.length, { message: '任务不能重复' }),
  lead: z.array(z.number().int().positive()).max(30).default([]),
  co: z.array(z.number().int().positive()).max(60).default([]),
  mode: ZAssignmentBulkMode,
});
export type TAssignmentBulk = z.infer<typeof ZAssignmentBulk>;
export type TAssignmentBulkInput = z.input<typeof ZAssignmentBulk>;

export const ZAssignmentBulkResult = z
  .object({
    updated: z.number().int().describe('tasks whose units changed'),
    nodes: z.array(ZExecNode).describe('the chosen tasks as they are now'),
  })
  .meta({ id: 'AssignmentBulkResult' });
export type TAssignmentBulkResult = z.infer<typeof ZAssignmentBulkResult>;

export const ZAssignmentSuggestion = z.object({
  nodeId: z.number().int(),
  number: z.string(),
  title: z.string(),
  lead: z.array(ZOrgRef.extend({ matched: z.string().describe('the imported unit name it matched') })),
  co: z.array(ZOrgRef.extend({ matched: z.string() })),
  unmatched: z.array(z.string()).describe('imported unit names no organisation matched'),
});
export const ZAssignmentSuggestions = z
  .object({
    orgs: z.array(ZOrgRef.extend({ kind: z.string(), regionCode: z.string() })).describe('organisations that may be assigned'),
    tasks: z.array(ZAssignmentSuggestion),
  })
  .meta({ id: 'AssignmentSuggestions' });
export type TAssignmentSuggestions = z.infer<typeof ZAssignmentSuggestions>;

// ---------- reports ----------

export const ZTargetValueInput = z.strictObject({ targetId: z.number().int().positive(), value: z.number().finite() });

const reportContent = {
  narrative: z.string().max(planExecLimits.narrativeChars).default(''),
  percent: z.number().int().min(0).max(100).nullable().default(null),
  selfStatus: ZSelfStatus.nullable().default(null),
  values: z.array(ZTargetValueInput).max(200).default([]),
};

/** Creates the draft of (task, own unit, period), or saves into the existing draft. */
export const ZReportDraftCreate = z.strictObject({
  nodeId: z.number().int().positive(),
  period: z.string().min(4).max(12),
  /** planners/admins reporting on behalf of a unit; reporters always report for their own */
  orgId: z.number().int().positive().optional(),
  ...reportContent,
});
export type TReportDraftCreate = z.infer<typeof ZReportDraftCreate>;

export const ZReportDraftUpdate = z.strictObject({ rowVersion: z.number().int().positive(), ...reportContent });
export type TReportDraftUpdate = z.infer<typeof ZReportDraftUpdate>;

export const ZRowVersion = z.strictObject({ rowVersion: z.number().int().positive() });
export const ZReportReview = z.strictObject({
  rowVersion: z.number().int().positive(),
  comment: z.string().trim().max(2000).default(''),
});
export type TReportReview = z.infer<typeof ZReportReview>;

export const ZAttachmentQuery = z.strictObject({ filename: z.string().trim().min(1).max(200) });
export const ZAttachmentParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});

export const ZReportAttachment = z
  .object({
    id: z.number().int(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ReportAttachment' });
export type TReportAttachment = z.infer<typeof ZReportAttachment>;

export const ZProgressReport = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    nodeId: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    period: z.string(),
    periodEnd: ZIsoDate,
    dueDate: ZIsoDate,
    version: z.number().int(),
    status: ZReportStatus,
    superseded: z.boolean().describe('a later submitted version of the same period exists'),
    narrative: z.string(),
    percent: z.number().int().nullable(),
    selfStatus: ZSelfStatus.nullable(),
    values: z.array(z.object({ targetId: z.number().int(), indicatorName: z.string(), unit: z.string(), value: z.number() })),
    attachments: z.array(ZReportAttachment),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    onTime: z.boolean().nullable().describe('submitted on or before the due date'),
    reviewedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewComment: z.string().nullable(),
    rowVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProgressReport' });
export type TProgressReport = z.infer<typeof ZProgressReport>;
