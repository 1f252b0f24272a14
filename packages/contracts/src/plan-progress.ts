import { z } from 'zod';
import { ZIsoDate } from './enterprise.ts';
import { ZPlanStatus } from './plan.ts';
import {
  ZAssignmentRole,
  ZExecNode,
  ZOrgRef,
  ZProgressReport,
  ZReportStatus,
  ZStatusCounts,
  ZTargetStatus,
  ZTaskStatus,
} from './plan-execution.ts';

/*
 * What running a plan shows: the reporter's inbox, the review queue, computed status and
 * roll-up, the dashboard, and a task's detail with its timeline.
 */

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
