import { z } from 'zod';
import { ZIsoDate } from './enterprise.ts';
import { ZPlanNodeKind, ZPlanStatus } from './plan.ts';

/*
 * Running a plan through the year (issue 4): editing with history, assignments to units, the
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

export const ZPlanNodePatch = z.strictObject({ version: ZVersion, reason: ZReason, ...nodeFields });
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

// ---------- inbox ----------

/** what a slot needs: 退回待改 / 逾期未报 / 即将到期 / 草稿未提交 / 待审核 / 已报 / 未到期 */
export const ZSlotState = z.enum(['returned', 'overdue', 'due_soon', 'draft', 'submitted', 'accepted', 'upcoming']);
export type TSlotState = z.infer<typeof ZSlotState>;

export const ZInboxSlot = z.object({
  period: z.string(),
  periodEnd: ZIsoDate,
  dueDate: ZIsoDate,
  state: ZSlotState,
  reportId: z.number().int().nullable(),
  reportVersion: z.number().int().nullable(),
  daysLeft: z.number().int().describe('days until due (negative: overdue)'),
});
export type TInboxSlot = z.infer<typeof ZInboxSlot>;

export const ZInboxItem = z
  .object({
    planId: z.number().int(),
    planTitle: z.string(),
    nodeId: z.number().int(),
    number: z.string(),
    title: z.string(),
    sectionTitle: z.string().nullable(),
    orgId: z.number().int(),
    orgName: z.string(),
    role: ZAssignmentRole,
    dueDate: ZIsoDate.nullable(),
    urgency: ZSlotState.describe('the most urgent state among its slots'),
    /** slots needing action (returned, overdue, due soon, drafts, awaiting review), most urgent first, then the next one */
    slots: z.array(ZInboxSlot),
    overdueCount: z.number().int(),
    percent: z.number().int().nullable().describe('latest submitted percent complete'),
  })
  .meta({ id: 'InboxItem' });
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxQuery = z.strictObject({
  planId: z.coerce.number().int().positive().optional(),
  /** planners: one unit; reporters: ignored unless their own */
  orgId: z.coerce.number().int().positive().optional(),
  state: ZSlotState.optional(),
  asOf: ZIsoDate.optional(),
  dueSoonDays: z.coerce.number().int().min(1).max(60).default(7),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

export const ZInbox = z
  .object({
    asOf: ZIsoDate,
    counts: z.object({
      tasks: z.number().int(),
      returned: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      drafts: z.number().int(),
      awaitingReview: z.number().int(),
    }),
    items: z.array(ZInboxItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'Inbox' });
export type TInbox = z.infer<typeof ZInbox>;

/** Submitted reports waiting for the planner's review. */
export const ZReviewQueueQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZReviewQueue = z
  .object({
    items: z.array(
      z.object({
        reportId: z.number().int(),
        nodeId: z.number().int(),
        number: z.string(),
        title: z.string(),
        orgId: z.number().int(),
        orgName: z.string(),
        period: z.string(),
        version: z.number().int(),
        percent: z.number().int().nullable(),
        submittedAt: z.string().nullable(),
        rowVersion: z.number().int(),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ReviewQueue' });
export type TReviewQueue = z.infer<typeof ZReviewQueue>;

// ---------- progress, status, dashboard ----------

export const ZLatestReport = z.object({
  id: z.number().int(),
  period: z.string(),
  status: ZReportStatus,
  narrative: z.string(),
  percent: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
});

export const ZTaskProgress = z.object({
  nodeId: z.number().int(),
  number: z.string(),
  title: z.string(),
  sectionId: z.number().int().nullable(),
  sectionTitle: z.string().nullable(),
  leadOrgs: z.array(ZOrgRef),
  coOrgs: z.array(ZOrgRef),
  status: ZTaskStatus,
  statusReason: z.string().describe('zh-CN explanation of the status'),
  percent: z.number().int().nullable(),
  elapsed: z.number().nullable().describe('fraction of the task period elapsed (0–1)'),
  latestReport: ZLatestReport.nullable(),
  overdueSlots: z.number().int(),
  weight: z.number(),
  dueDate: ZIsoDate.nullable(),
});
export type TTaskProgress = z.infer<typeof ZTaskProgress>;

export const ZSectionProgress = z.object({
  nodeId: z.number().int(),
  number: z.string(),
  title: z.string(),
  status: ZTaskStatus,
  completion: z.number().describe('weighted percent complete, 0–100'),
  counts: ZStatusCounts,
});
export type TSectionProgress = z.infer<typeof ZSectionProgress>;

export const ZTargetProgress = z.object({
  targetId: z.number().int(),
  nodeId: z.number().int().nullable(),
  indicatorName: z.string(),
  indicatorCode: z.string().nullable(),
  unit: z.string(),
  comparator: z.string().nullable(),
  target: z.number(),
  baseline: z.number().nullable(),
  actual: z.number().nullable(),
  actualSource: z.enum(['report', 'indicator']).nullable(),
  actualSourceLabel: z.string().nullable().describe('e.g. 指标库 2026 年实际值 / 耒阳市科技局 2026-05 报送'),
  expected: z.number().nullable().describe('where the actual should be today on the linear path'),
  attainment: z.number().nullable().describe('progress fraction from baseline to target (0–1+)'),
  status: ZTargetStatus,
  statusReason: z.string(),
});
export type TTargetProgress = z.infer<typeof ZTargetProgress>;

export const ZUnitScore = z.object({
  orgId: z.number().int(),
  name: z.string(),
  tasks: z.number().int(),
  lagging: z.number().int().describe('tasks lagging, severely lagging or overdue unreported'),
  slotsDue: z.number().int(),
  slotsOnTime: z.number().int(),
  onTimeRate: z.number().nullable().describe('slots reported by the due date / slots due'),
});
export type TUnitScore = z.infer<typeof ZUnitScore>;

export const ZPlanProgress = z
  .object({
    planId: z.number().int(),
    title: z.string(),
    regionCode: z.string(),
    year: z.number().int(),
    asOf: ZIsoDate,
    status: ZTaskStatus,
    completion: z.number(),
    counts: ZStatusCounts,
    tasks: z.array(ZTaskProgress),
    sections: z.array(ZSectionProgress),
    targets: z.array(ZTargetProgress),
    units: z.array(ZUnitScore),
  })
  .meta({ id: 'PlanProgress' });
export type TPlanProgress = z.infer<typeof ZPlanProgress>;

export const ZProgressQuery = z.strictObject({ asOf: ZIsoDate.optional() });
export const ZDashboardQuery = z.strictObject({
  asOf: ZIsoDate.optional(),
  sectionId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export const ZTrendPoint = z.object({
  period: z.string().describe('YYYY-MM'),
  reportsSubmitted: z.number().int(),
  reportsOnTime: z.number().int(),
  avgPercent: z.number().nullable().describe('mean percent complete of the reports on that month'),
  expectedPercent: z.number().describe('time elapsed at the month end, 0–100'),
  selfStatus: z.object({ on_track: z.number().int(), at_risk: z.number().int(), lagging: z.number().int(), done: z.number().int() }),
});

export const ZPlanDashboard = z
  .object({
    planId: z.number().int(),
    title: z.string(),
    year: z.number().int(),
    status: ZPlanStatus,
    asOf: ZIsoDate,
    filter: z.object({ sectionId: z.number().int().nullable(), orgId: z.number().int().nullable() }),
    overall: z.object({ status: ZTaskStatus, completion: z.number(), elapsed: z.number() }),
    counts: ZStatusCounts,
    sections: z.array(ZSectionProgress),
    targets: z.array(ZTargetProgress),
    trend: z.array(ZTrendPoint),
    units: z.array(ZUnitScore).describe('worst first'),
    laggingTasks: z.array(ZTaskProgress).describe('lagging, severely lagging and overdue tasks, worst first (at most 50)'),
    reviewPending: z.number().int(),
  })
  .meta({ id: 'PlanDashboard' });
export type TPlanDashboard = z.infer<typeof ZPlanDashboard>;

// ---------- task detail and timeline ----------

export const ZTaskEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.string().describe('assign, unassign, edit, report.submit, report.accept, report.return, report.correct, …'),
    actorName: z.string().nullable(),
    reportId: z.number().int().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TaskEvent' });
export type TTaskEvent = z.infer<typeof ZTaskEvent>;

export const ZTaskDetail = z
  .object({
    planId: z.number().int(),
    planTitle: z.string(),
    planStatus: ZPlanStatus,
    planYear: z.number().int(),
    node: ZExecNode,
    section: z.object({ id: z.number().int(), number: z.string(), title: z.string() }).nullable(),
    targets: z.array(ZTargetProgress),
    progress: ZTaskProgress,
    slots: z.array(z.object({ period: z.string(), periodEnd: ZIsoDate, dueDate: ZIsoDate })),
    reports: z.array(ZProgressReport).describe('every version, newest period first'),
    timeline: z.array(ZTaskEvent).describe('oldest first'),
    /** what the signed-in user may do */
    can: z.object({ report: z.boolean(), review: z.boolean(), edit: z.boolean() }),
    myOrgId: z.number().int().nullable(),
  })
  .meta({ id: 'TaskDetail' });
export type TTaskDetail = z.infer<typeof ZTaskDetail>;
