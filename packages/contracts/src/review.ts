import { z } from 'zod';
import { ZId } from './common.ts';
import { ZDecimalString, ZIsoDate } from './enterprise.ts';

/*
 * 专家抽取与评审 (domain-rules §6.1–6.3): an auditable random draw of a panel for a subject (a project
 * application, a platform 认定 application or a project's acceptance), the conflict-of-interest exclusions listed
 * with their reason for every excluded expert, the experts' declarations and scores against the call's rubric,
 * and the aggregation and ranking the bureau decides from.
 */

/**
 * What a panel reviews, and its batch: a project application (batch: the call), a platform 认定 application
 * (batch: the 认定 round, platform_call) or a project's acceptance (batch: the project itself).
 */
export const reviewSubjectKinds = ['project_application', 'platform_application', 'acceptance'] as const;
export const ZReviewSubjectKind = z.enum(reviewSubjectKinds);
export type TReviewSubjectKind = z.infer<typeof ZReviewSubjectKind>;

/** Why an expert was left out of a draw (each one a rule of §6.2, with its detail). */
export const exclusionReasons = ['employer', 'relation', 'own_application', 'avoidance', 'barred', 'quota', 'unavailable'] as const;
export const ZExclusionReason = z.enum(exclusionReasons);
export type TExclusionReason = z.infer<typeof ZExclusionReason>;

export const ZDrawConstraints = z.strictObject({
  size: z.number().int().min(1).max(25).default(5).describe('评审专家人数'),
  reserves: z.number().int().min(0).max(20).default(2).describe('备选专家人数（按顺序递补）'),
  disciplinePrefix: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.]{1,12}$/)
    .nullable()
    .default(null)
    .describe('学科代码前缀（GB/T 13745），如 520 匹配 520.10；空 = 不限'),
  matchSubjectField: z.boolean().default(false).describe('按申报书所属学科代码（前 3 位）匹配'),
  minOutsideCity: z.number().int().min(0).max(25).default(0).describe('至少 N 名市外专家'),
  maxPerEmployer: z.number().int().min(1).max(25).nullable().default(null).describe('同一工作单位最多 k 名'),
  employerWindowYears: z.number().int().min(0).max(10).default(3).describe('曾任职单位回避年限'),
  maxAvoidance: z.number().int().min(0).max(10).default(3).describe('申请回避专家上限'),
  reviewFrom: ZIsoDate.describe('评审开始日期'),
  reviewTo: ZIsoDate.describe('评审结束日期'),
});
export type TDrawConstraints = z.infer<typeof ZDrawConstraints>;
export type TDrawConstraintsInput = z.input<typeof ZDrawConstraints>;

export const ZDrawInput = z.strictObject({
  subjectKind: ZReviewSubjectKind.default('project_application'),
  batchId: ZId.describe('批次：项目申报指南、平台认定批次，或验收的项目本身'),
  subjectIds: z.array(ZId).max(2000).optional().describe('仅为这些申报书抽取；缺省为批次中所有待评审且尚无评审组的申报书'),
  constraints: ZDrawConstraints,
});
export type TDrawInput = z.input<typeof ZDrawInput>;

export const ZExclusion = z.object({
  expertId: z.number().int(),
  name: z.string(),
  reason: ZExclusionReason,
  detail: z.string(),
});
export type TExclusion = z.infer<typeof ZExclusion>;

export const assignmentStatuses = ['reserve', 'invited', 'accepted', 'conflict', 'declined', 'submitted'] as const;
export const ZAssignmentStatus = z.enum(assignmentStatuses);
export type TAssignmentStatus = z.infer<typeof ZAssignmentStatus>;

export const ZPanelMember = z.object({
  assignmentId: z.number().int(),
  expertId: z.number().int(),
  name: z.string(),
  employer: z.string().nullable(),
  regionCode: z.string(),
  position: z.number().int().describe('抽取顺序（1 起；席位在前，备选在后）'),
  seat: z.boolean().describe('是否在评审席位上（备选递补后为 true）'),
  status: ZAssignmentStatus,
  note: z.string().nullable(),
  total: z.string().nullable(),
  veto: z.boolean(),
});
export type TPanelMember = z.infer<typeof ZPanelMember>;

export const panelStatuses = ['sealed', 'open', 'closed'] as const;
export const ZPanelStatus = z.enum(panelStatuses);

export const ZPanel = z.object({
  id: z.number().int(),
  drawId: z.number().int(),
  subjectKind: ZReviewSubjectKind,
  subjectId: z.number().int(),
  subjectTitle: z.string(),
  batchId: z.number().int(),
  regionCode: z.string(),
  status: ZPanelStatus,
  members: z.array(ZPanelMember),
  exclusions: z.array(ZExclusion),
  events: z.array(z.object({ at: z.string(), actor: z.string().nullable(), kind: z.string(), detail: z.unknown() })),
  version: z.number().int(),
});
export type TPanel = z.infer<typeof ZPanel>;

export const ZDrawSummary = z.object({
  id: z.number().int(),
  subjectKind: ZReviewSubjectKind,
  batchId: z.number().int(),
  regionCode: z.string(),
  algorithm: z.string(),
  seed: z.string(),
  snapshotSha256: z.string(),
  poolSize: z.number().int(),
  constraints: ZDrawConstraints,
  operator: z.string().nullable(),
  drawnAt: z.string(),
  panels: z.number().int(),
  opened: z.boolean(),
});
export type TDrawSummary = z.infer<typeof ZDrawSummary>;

export const ZDrawRecord = ZDrawSummary.extend({
  /** exclusions that hold for every subject of the draw (ban, quota, unavailable, own application in the batch) */
  exclusions: z.array(ZExclusion),
  panelList: z.array(ZPanel),
});
export type TDrawRecord = z.infer<typeof ZDrawRecord>;

export const ZPoolChange = z.object({
  expertId: z.number().int(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});
export const ZVerifyResult = z.object({
  drawId: z.number().int(),
  samePanels: z.boolean().describe('由记录中的种子、专家库快照与条件重新抽取，得到的评审组与记录一致'),
  panels: z.array(
    z.object({ subjectId: z.number().int(), seats: z.array(z.number().int()), reserves: z.array(z.number().int()), same: z.boolean() }),
  ),
  snapshotSha256: z.string(),
  poolChanged: z.boolean().describe('当前专家库与抽取时的快照不同'),
  poolChanges: z.array(ZPoolChange),
});
export type TVerifyResult = z.infer<typeof ZVerifyResult>;

/** A criterion of the call's rubric: score in [min, max], weighted into the total. */
export const ZCriterion = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,30}$/),
  name: z.string().trim().min(1).max(50),
  min: ZDecimalString.default('0'),
  max: ZDecimalString,
  weight: ZDecimalString.default('1'),
  commentRequired: z.boolean().default(false),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const reviewAggregations = ['mean', 'trimmed_mean', 'median'] as const;
export const ZReviewAggregation = z.enum(reviewAggregations);
export type TReviewAggregation = z.infer<typeof ZReviewAggregation>;

export const ZRubricInput = z.strictObject({
  subjectKind: ZReviewSubjectKind.default('project_application'),
  batchId: ZId,
  criteria: z.array(ZCriterion).min(1).max(20),
  vetoEnabled: z.boolean().default(true),
  aggregation: ZReviewAggregation.default('trimmed_mean'),
  dispersionThreshold: ZDecimalString.default('30'),
  mode: z.enum(['online', 'meeting']).default('online').describe('网评 / 会评（秘书录入）'),
  blind: z.boolean().default(false).describe('盲评：专家看不到申报单位与人员'),
  opinionRequired: z.boolean().default(true),
});
export type TRubricInput = z.input<typeof ZRubricInput>;
export const ZRubric = ZRubricInput.extend({ version: z.number().int() });
export type TRubric = z.infer<typeof ZRubric>;
export const ZRubricQuery = z.strictObject({ subjectKind: ZReviewSubjectKind.default('project_application'), batchId: ZId });
export const ZBatchQuery = ZRubricQuery;

export const ZDeclareInput = z.strictObject({
  conflict: z.boolean().describe('true = 声明存在利益冲突（或无法参加），由备选专家递补'),
  reason: z.string().trim().max(500).nullable().optional(),
  decline: z.boolean().optional().describe('因故不能参加（非利益冲突）'),
});

export const ZScoreInput = z.strictObject({
  scores: z.record(z.string(), ZDecimalString),
  comments: z.record(z.string(), z.string().trim().max(2000)).default({}),
  opinion: z.string().trim().max(5000).default(''),
  veto: z.boolean().default(false),
});
export type TScoreInput = z.input<typeof ZScoreInput>;

export const ZMyAssignment = z.object({
  id: z.number().int(),
  panelId: z.number().int(),
  subjectKind: ZReviewSubjectKind,
  subjectId: z.number().int(),
  /** the subject's title only after declaring */
  subjectTitle: z.string().nullable(),
  batchTitle: z.string(),
  status: ZAssignmentStatus,
  mode: z.enum(['online', 'meeting']),
  reviewFrom: z.string(),
  reviewTo: z.string(),
});
export type TMyAssignment = z.infer<typeof ZMyAssignment>;

/** What an expert reads after declaring: the application, without the applicant in blind mode. */
export const ZReviewSubjectView = z.object({
  assignmentId: z.number().int(),
  subjectKind: ZReviewSubjectKind,
  status: ZAssignmentStatus,
  blind: z.boolean(),
  title: z.string(),
  fieldCode: z.string().nullable(),
  direction: z.string().nullable(),
  summary: z.string().nullable(),
  orgName: z.string().nullable(),
  leaderName: z.string().nullable(),
  members: z.array(z.object({ name: z.string().nullable(), role: z.string() })),
  fiscalFen: z.number().int(),
  selfFen: z.number().int(),
  targets: z.array(z.object({ name: z.string(), unit: z.string(), value: z.string() })),
  /** what else the kind shows: a platform's 认定 conditions, an acceptance's project number, period and reports */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  rubric: ZRubric,
  score: ZScoreInput.extend({ total: z.string() }).nullable(),
});
export type TReviewSubjectView = z.infer<typeof ZReviewSubjectView>;

export const ZRankRow = z.object({
  subjectId: z.number().int(),
  title: z.string(),
  orgName: z.string(),
  group: z.string().nullable(),
  panelId: z.number().int().nullable(),
  n: z.number().int().describe('已提交评分的专家数'),
  seats: z.number().int(),
  score: z.string().nullable().describe('汇总得分，两位小数'),
  min: z.string().nullable(),
  max: z.string().nullable(),
  spread: z.string().nullable(),
  dispersed: z.boolean(),
  vetoed: z.boolean(),
  rank: z.number().int().nullable(),
  groupRank: z.number().int().nullable(),
});
export type TRankRow = z.infer<typeof ZRankRow>;
export const ZReviewRanking = z.object({
  aggregation: ZReviewAggregation,
  dispersionThreshold: z.string(),
  rows: z.array(ZRankRow),
});
export type TReviewRanking = z.infer<typeof ZReviewRanking>;

export const ZSubjectResult = z.object({
  panelId: z.number().int().nullable(),
  status: ZPanelStatus.nullable(),
  n: z.number().int(),
  score: z.string().nullable(),
  rank: z.number().int().nullable(),
  of: z.number().int(),
  dispersed: z.boolean(),
  vetoed: z.boolean(),
});
export type TSubjectResult = z.infer<typeof ZSubjectResult>;

/** 回避申请: the applicant names an expert (or a unit's experts) it asks to be kept off its panel. */
export const ZAvoidanceInput = z.strictObject({
  subjectKind: ZReviewSubjectKind.default('project_application'),
  subjectId: ZId,
  personName: z.string().trim().max(50).nullable().optional(),
  orgName: z.string().trim().max(200).nullable().optional(),
  reason: z.string().trim().min(1).max(500),
});
export const ZAvoidance = z.object({
  id: z.number().int(),
  subjectKind: ZReviewSubjectKind,
  subjectId: z.number().int(),
  personName: z.string().nullable(),
  orgName: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type TAvoidance = z.infer<typeof ZAvoidance>;
/** How many avoidance requests an applicant may file for one subject. */
export const maxAvoidanceRequests = 3;
export const ZSubjectQuery = z.strictObject({ subjectKind: ZReviewSubjectKind.default('project_application'), subjectId: ZId });
