import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZRegionCode } from './region.ts';

// 创新平台: contracts shared by the server and the web app. The type catalogue is in platform-types.ts.
export * from './platform-types.ts';

export const platformLevels = ['national', 'provincial', 'city', 'county'] as const;
export const ZPlatformLevel = z.enum(platformLevels);
export type TPlatformLevel = z.infer<typeof ZPlatformLevel>;
export const platformLevelZh: Record<TPlatformLevel, string> = { national: '国家级', provincial: '省级', city: '市级', county: '县级' };

export const platformStatuses = ['active', 'delisted'] as const;
export const ZPlatformStatus = z.enum(platformStatuses);
export const platformStatusZh = { active: '运行中', delisted: '已摘牌' } as const;

/** status history: 认定, 升级, 降级, 摘牌 */
export const platformEventKinds = ['recognise', 'upgrade', 'downgrade', 'delist'] as const;
export const ZPlatformEventKind = z.enum(platformEventKinds);
export const platformEventZh = { recognise: '认定', upgrade: '升级', downgrade: '降级', delist: '摘牌' } as const;

export const platformGrades = ['优秀', '良好', '合格', '不合格'] as const;
export const ZPlatformGrade = z.enum(platformGrades);
export type TPlatformGrade = z.infer<typeof ZPlatformGrade>;

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const ZDocNo = z.string().trim().min(2).max(60);
const ZYear = z.coerce.number().int().min(2000).max(2100);
/** field key → value (numbers; the type's fields) */
export const ZPlatformFieldValues = z.record(z.string().regex(/^[a-z_]{1,40}$/), z.number().finite().min(0).max(1e12));
export type TPlatformFieldValues = z.infer<typeof ZPlatformFieldValues>;

export const ZPlatformType = z
  .object({
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    family: z.string(),
    fields: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string() })),
    conditions: z.array(z.object({ field: z.string(), min: z.number(), text: z.string() })),
    evaluation: z.array(z.object({ field: z.string(), weight: z.number(), standard: z.number() })),
  })
  .meta({ id: 'PlatformType' });
export type TPlatformType = z.infer<typeof ZPlatformType>;

export const ZPlatformEvent = z.object({
  id: z.number().int(),
  kind: ZPlatformEventKind,
  fromLevel: ZPlatformLevel.nullable(),
  toLevel: ZPlatformLevel.nullable(),
  docNo: z.string().nullable(),
  on: z.string(),
  note: z.string(),
  by: z.string().nullable(),
});
export type TPlatformEvent = z.infer<typeof ZPlatformEvent>;

export const ZPlatform = z
  .object({
    id: z.number().int(),
    name: z.string(),
    typeCode: z.string(),
    typeName: z.string(),
    typeVersion: z.number().int(),
    level: ZPlatformLevel,
    orgId: z.number().int(),
    orgName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    docNo: z.string(),
    approvedOn: z.string(),
    status: ZPlatformStatus,
    fields: ZPlatformFieldValues,
    lastGrade: z.string().nullable(),
  })
  .meta({ id: 'Platform' });
export type TPlatform = z.infer<typeof ZPlatform>;

export const ZPlatformReport = z.object({
  year: z.number().int(),
  data: ZPlatformFieldValues,
  status: z.enum(['draft', 'submitted']),
  submittedAt: z.string().nullable(),
});
export type TPlatformReport = z.infer<typeof ZPlatformReport>;

export const ZPlatformGradeRow = z.object({
  year: z.number().int(),
  evaluationId: z.number().int(),
  score: z.number(),
  grade: ZPlatformGrade,
});

export const ZPlatformDetail = ZPlatform.extend({
  events: z.array(ZPlatformEvent),
  reports: z.array(ZPlatformReport),
  grades: z.array(ZPlatformGradeRow),
  canReport: z.boolean(),
  canManage: z.boolean(),
}).meta({ id: 'PlatformDetail' });
export type TPlatformDetail = z.infer<typeof ZPlatformDetail>;

export const ZPlatformListQuery = ZPageQuery.extend({
  type: z.string().max(40).optional(),
  level: ZPlatformLevel.optional(),
  region: ZRegionCode.optional(),
  status: ZPlatformStatus.optional(),
  q: z.string().trim().max(60).optional(),
});
export type TPlatformListQuery = z.infer<typeof ZPlatformListQuery>;
export const ZPlatformPage = pageOf(ZPlatform).meta({ id: 'PlatformPage' });
export type TPlatformPage = z.infer<typeof ZPlatformPage>;

/** a platform recognised elsewhere (国家级/省级) or before the system, registered by the bureau */
export const ZPlatformInput = z.strictObject({
  name: z.string().trim().min(2).max(100),
  typeCode: z.string().max(40),
  level: ZPlatformLevel,
  orgId: z.number().int().positive(),
  docNo: ZDocNo,
  approvedOn: ZDay,
  fields: ZPlatformFieldValues.default({}),
});
export type TPlatformInput = z.infer<typeof ZPlatformInput>;

export const ZPlatformEventInput = z.strictObject({
  kind: z.enum(['upgrade', 'downgrade', 'delist']),
  /** the new level for 升级/降级 */
  level: ZPlatformLevel.optional(),
  docNo: ZDocNo,
  on: ZDay,
  note: z.string().trim().max(500).default(''),
});
export type TPlatformEventInput = z.infer<typeof ZPlatformEventInput>;

export const ZPlatformReportInput = z.strictObject({ data: ZPlatformFieldValues, submit: z.boolean().default(false) });
export type TPlatformReportInput = z.infer<typeof ZPlatformReportInput>;
export const ZPlatformReportParams = z.strictObject({ id: z.coerce.number().int().positive(), year: ZYear });

/* the city 认定 round */
export const platformCallStatuses = ['draft', 'open', 'review', 'publicity', 'done'] as const;
export const ZPlatformCallStatus = z.enum(platformCallStatuses);
export const platformCallStatusZh = { draft: '草稿', open: '受理中', review: '评审中', publicity: '公示中', done: '已认定' } as const;

export const ZPlatformCallInput = z.strictObject({
  title: z.string().trim().min(4).max(120),
  regionCode: ZRegionCode,
  year: ZYear,
  typeCodes: z.array(z.string().max(40)).min(1).max(11),
  closesOn: ZDay,
});
export type TPlatformCallInput = z.infer<typeof ZPlatformCallInput>;

export const ZPlatformCall = z
  .object({
    id: z.number().int(),
    title: z.string(),
    regionCode: z.string(),
    year: z.number().int(),
    typeCodes: z.array(z.string()),
    closesOn: z.string(),
    status: ZPlatformCallStatus,
    publicityFrom: z.string().nullable(),
    publicityTo: z.string().nullable(),
    docNo: z.string().nullable(),
    recognisedOn: z.string().nullable(),
    applications: z.number().int(),
  })
  .meta({ id: 'PlatformCall' });
export type TPlatformCall = z.infer<typeof ZPlatformCall>;

export const ZPlatformPublicityInput = z.strictObject({ from: ZDay });
export const ZPlatformRecogniseInput = z.strictObject({ docNo: ZDocNo, on: ZDay });
export type TPlatformRecogniseInput = z.infer<typeof ZPlatformRecogniseInput>;

export const platformApplicationStatuses = ['draft', 'submitted', 'passed', 'failed', 'publicity', 'recognised'] as const;
export const ZPlatformApplicationStatus = z.enum(platformApplicationStatuses);
export const platformApplicationStatusZh = {
  draft: '草稿',
  submitted: '已提交',
  passed: '评审通过',
  failed: '评审未通过',
  publicity: '公示中',
  recognised: '已认定',
} as const;

export const ZPlatformConditionResult = z.object({
  field: z.string(),
  text: z.string(),
  min: z.number(),
  value: z.number().nullable(),
  met: z.boolean(),
});
export type TPlatformConditionResult = z.infer<typeof ZPlatformConditionResult>;

export const ZPlatformApplicationInput = z.strictObject({
  callId: z.number().int().positive(),
  name: z.string().trim().min(2).max(100),
  typeCode: z.string().max(40),
  fields: ZPlatformFieldValues,
});
export type TPlatformApplicationInput = z.infer<typeof ZPlatformApplicationInput>;

export const ZPlatformApplication = z
  .object({
    id: z.number().int(),
    callId: z.number().int(),
    callTitle: z.string(),
    name: z.string(),
    typeCode: z.string(),
    typeName: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    regionCode: z.string(),
    fields: ZPlatformFieldValues,
    conditions: z.array(ZPlatformConditionResult),
    status: ZPlatformApplicationStatus,
    reviewScore: z.number().nullable(),
    reviewOpinion: z.string().nullable(),
    platformId: z.number().int().nullable(),
  })
  .meta({ id: 'PlatformApplication' });
export type TPlatformApplication = z.infer<typeof ZPlatformApplication>;

export const ZPlatformApplicationQuery = z.object({ callId: z.coerce.number().int().positive().optional() });

/** the expert review's outcome recorded on the application (the panel's mean score and its opinion) */
export const ZPlatformReviewInput = z.strictObject({
  score: z.number().min(0).max(100),
  opinion: z.string().trim().min(2).max(2000),
  passed: z.boolean(),
});
export type TPlatformReviewInput = z.infer<typeof ZPlatformReviewInput>;

/* 绩效评价 */
export const ZPlatformEvaluationInput = z.strictObject({ typeCode: z.string().max(40), year: ZYear, regionCode: ZRegionCode });
export type TPlatformEvaluationInput = z.infer<typeof ZPlatformEvaluationInput>;

export const ZPlatformGradeResult = z.object({
  platformId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  level: ZPlatformLevel,
  score: z.number(),
  grade: ZPlatformGrade,
  reported: z.boolean(),
  /** 摘牌 when this is the second 不合格 in a row */
  consequence: z.enum(['delist']).nullable(),
});
export type TPlatformGradeResult = z.infer<typeof ZPlatformGradeResult>;

export const ZPlatformEvaluation = z
  .object({
    id: z.number().int(),
    typeCode: z.string(),
    typeName: z.string(),
    year: z.number().int(),
    regionCode: z.string(),
    status: z.enum(['draft', 'confirmed']),
    docNo: z.string().nullable(),
    counts: z.record(z.string(), z.number().int()),
    createdAt: z.string(),
  })
  .meta({ id: 'PlatformEvaluation' });
export type TPlatformEvaluation = z.infer<typeof ZPlatformEvaluation>;
export const ZPlatformEvaluationDetail = ZPlatformEvaluation.extend({ results: z.array(ZPlatformGradeResult) }).meta({
  id: 'PlatformEvaluationDetail',
});
export type TPlatformEvaluationDetail = z.infer<typeof ZPlatformEvaluationDetail>;
export const ZPlatformEvaluationConfirm = z.strictObject({ docNo: ZDocNo, on: ZDay });

/* statistics */
export const ZPlatformStatsQuery = z.object({ region: ZRegionCode.optional(), year: ZYear.optional() });
export const ZPlatformStats = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  /** active platforms on 31 December of the year, by type × level × region */
  cells: z.array(z.object({ typeCode: z.string(), level: ZPlatformLevel, regionCode: z.string(), count: z.number().int() })),
  /** recognised minus delisted in the year (by the level they entered or left at) */
  net: z.array(z.object({ typeCode: z.string(), level: ZPlatformLevel, added: z.number().int(), removed: z.number().int() })),
});
export type TPlatformStats = z.infer<typeof ZPlatformStats>;

/* the published list (no login) */
export const ZPublicPlatform = z.object({
  id: z.number().int(),
  name: z.string(),
  typeName: z.string(),
  level: ZPlatformLevel,
  orgName: z.string(),
  regionName: z.string(),
  docNo: z.string(),
  approvedOn: z.string(),
});
export const ZPublicPlatformQuery = ZPageQuery.extend({ type: z.string().max(40).optional(), q: z.string().trim().max(60).optional() });
export const ZPublicPlatformPage = pageOf(ZPublicPlatform).meta({ id: 'PublicPlatformPage' });
export type TPublicPlatformPage = z.infer<typeof ZPublicPlatformPage>;
