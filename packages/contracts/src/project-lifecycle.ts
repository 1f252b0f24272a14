import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from './common.ts';
import { ZDecimalString, ZFen, ZIsoDate } from './enterprise.ts';
import { ZProgrammeKind } from './project.ts';
import { ZBudgetLine, ZTargetLine } from './project-application.ts';
import { ZRegionCode } from './region.ts';

/*
 * The project after 立项: 任务书 confirmed by both sides, changes, 拨款, reports and 中期检查, acceptance
 * (结题验收) and 争资. Statuses and transitions: core/project/acceptance.ts.
 */

export const projectStatuses = [
  'contracting',
  'executing',
  'acceptance_requested',
  'rectifying',
  'passed',
  'passed_after_rectification',
  'concluded',
  'failed',
  'terminated',
  'revoked',
] as const;
export const ZProjectStatus = z.enum(projectStatuses);
export type TProjectStatus = z.infer<typeof ZProjectStatus>;

export const ZProjectMilestone = z.strictObject({
  title: z.string().trim().min(1).max(200),
  due: ZIsoDate,
  paymentFen: ZFen.nullable().optional().describe('达成后拨付的金额（分），揭榜挂帅按里程碑拨款'),
  target: z.string().trim().max(200).nullable().optional().describe('揭榜挂帅：该里程碑对应的考核指标'),
});

export const ZProjectContract = z.object({
  startOn: ZIsoDate.nullable(),
  endOn: ZIsoDate.nullable(),
  targets: z.array(ZTargetLine),
  budget: z.array(ZBudgetLine),
  milestones: z.array(ZProjectMilestone),
});
export type TProjectContract = z.infer<typeof ZProjectContract>;

export const ZProjectSummary = z.object({
  id: z.number().int(),
  projectNo: z.string(),
  applicationId: z.number().int().nullable(),
  programmeKind: ZProgrammeKind,
  programmeName: z.string(),
  regionCode: z.string(),
  orgId: z.number().int().nullable(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  fieldCode: z.string().nullable(),
  leaderName: z.string(),
  grantedFen: z.number().int(),
  paidFen: z.number().int(),
  status: ZProjectStatus,
  source: z.enum(['application', 'import']),
  version: z.number().int(),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZProject = ZProjectSummary.extend({
  contract: ZProjectContract.nullable(),
  contractBureauAt: z.string().nullable(),
  contractUnitAt: z.string().nullable(),
  rectificationDue: z.string().nullable(),
  payments: z.array(
    z.object({ batch: z.number().int(), amountFen: z.number().int(), paidOn: z.string(), milestone: z.string().nullable() }),
  ),
  changes: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      request: z.unknown(),
      reason: z.string(),
      status: z.string(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      period: z.string().nullable(),
      outcome: z.string().nullable(),
      submittedAt: z.string(),
      file: z.object({ filename: z.string(), size: z.number().int(), sha256: z.string() }).nullable().describe('报告全文（存档文件）'),
    }),
  ),
  acceptances: z.array(
    z.object({
      round: z.number().int(),
      taskResult: z.string(),
      financeResult: z.string(),
      conclusion: z.string(),
      targetResults: z.unknown(),
      decidedAt: z.string(),
    }),
  ),
  timeline: z.array(z.object({ at: z.string(), actor: z.string().nullable(), kind: z.string(), detail: z.unknown().nullable() })),
});
export type TProject = z.infer<typeof ZProject>;

export const projectSorts = ['year', 'grantedFen', 'title', 'id'] as const;
export const ZProjectListQuery = ZPageQuery.extend({
  programmeKind: ZProgrammeKind.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: ZRegionCode.optional().describe('the region and its subtree'),
  fieldCode: z.string().trim().max(20).optional(),
  status: ZProjectStatus.optional(),
  leader: z.string().trim().max(50).optional(),
  org: z.string().trim().max(100).optional(),
  q: z.string().trim().max(100).optional().describe('项目名称或编号包含'),
  sort: z.enum(projectSorts).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;
export const ZProjectPage = pageOf(ZProjectSummary);

export const ZContractConfirm = z.strictObject({
  version: z.number().int().min(1),
  /** the bureau may settle dates and milestones before the unit confirms */
  startOn: ZIsoDate.optional(),
  endOn: ZIsoDate.optional(),
  milestones: z.array(ZProjectMilestone).max(30).optional(),
});

export const ZPaymentInput = z.strictObject({
  version: z.number().int().min(1),
  amountFen: ZFen.refine((v) => v > 0, '拨款金额须大于 0'),
  paidOn: ZIsoDate,
  milestone: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const ZChangeRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('extension'), endOn: ZIsoDate, reason: z.string().trim().min(1).max(1000) }),
  z.strictObject({
    kind: z.literal('leader_change'),
    leaderName: z.string().trim().min(1).max(50),
    reason: z.string().trim().min(1).max(1000),
  }),
  z.strictObject({
    kind: z.literal('budget_adjustment'),
    budget: z.array(ZBudgetLine).min(1).max(20),
    reason: z.string().trim().min(1).max(1000),
  }),
]);
export type TChangeRequest = z.infer<typeof ZChangeRequest>;
export const ZChangeDecision = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const ZChangeParams = z.strictObject({ id: ZId, changeId: ZId });

export const ZProjectReportInput = z.strictObject({
  kind: z.enum(['periodic', 'midterm', 'tech_report']),
  period: z.string().trim().max(20).nullable().optional().describe('报告期，如 2026-H1'),
  content: z.strictObject({
    progress: z.string().trim().min(1).max(10_000),
    spentFen: ZFen.optional().describe('累计支出（分）'),
    targets: z
      .array(z.strictObject({ name: z.string().max(200), achieved: ZDecimalString }))
      .max(50)
      .optional(),
  }),
  /** 中期检查 only: the bureau's outcome */
  outcome: z.enum(['good', 'fair', 'poor']).nullable().optional().describe('中期检查结论：良好 / 一般 / 较差'),
});
export type TProjectReportInput = z.infer<typeof ZProjectReportInput>;

export const ZAcceptanceInput = z.strictObject({
  version: z.number().int().min(1),
  taskResult: z.enum(['pass', 'fail']),
  financeResult: z.enum(['pass', 'fail']),
  verdict: z.enum(['pass', 'conclude', 'rectify', 'fail']),
  /** each 任务书 target compared with what was achieved */
  targetResults: z
    .array(z.strictObject({ name: z.string().max(200), promised: ZDecimalString, achieved: ZDecimalString, met: z.boolean() }))
    .max(50),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TAcceptanceInput = z.infer<typeof ZAcceptanceInput>;

export const ZEndInput = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(['terminate', 'revoke']),
  reason: z.string().trim().min(1).max(1000),
});

export const ZUpwardInput = z.strictObject({
  projectId: ZId.nullable().optional(),
  regionCode: ZRegionCode,
  orgName: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  level: z.enum(['province', 'national']),
  programmeName: z.string().trim().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  recommendedOn: ZIsoDate,
});
export const ZUpwardResult = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(['won', 'lost']),
  wonFen: ZFen.optional(),
});
export const ZUpward = ZUpwardInput.extend({
  id: z.number().int(),
  projectId: z.number().int().nullable(),
  status: z.enum(['recommended', 'won', 'lost']),
  wonFen: z.number().int().nullable(),
  version: z.number().int(),
});
export type TUpward = z.infer<typeof ZUpward>;
export const ZUpwardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  region: ZRegionCode.optional(),
});

export const ZProjectIndicatorSync = z.strictObject({ region: ZRegionCode, year: z.number().int().min(2000).max(2100) });
export const ZProjectIndicatorResult = z.object({
  year: z.number().int(),
  values: z.array(z.object({ indicatorCode: z.string(), regionCode: z.string(), value: z.string() })),
});

/** The past-project import: a dry run reports the rows it checked; the import proper how many it wrote. */
export const ZProjectImportResult = z.object({
  imported: z.number().int(),
  checked: z.number().int(),
  errors: z.array(z.never()).describe('always empty: a file with row errors is refused with rowErrors'),
});
export type TProjectImportResult = z.infer<typeof ZProjectImportResult>;
export const ZProjectImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
