import { z } from 'zod';
import { ZIpItem, ZIsoDate } from './enterprise.ts';
import { ZRegionCode } from './region.ts';

/*
 * What the registry stores beyond the yearly figures: intellectual property items,
 * safety / quality / environment incidents, and the enterprise's declaration that those lists are
 * complete. Stored assessments feed them to the engine: an empty list only counts as "none" when the
 * list is declared complete; otherwise the condition stays 'unknown'.
 */

/** Ⅰ类 and Ⅱ类 per 工作指引（二）知识产权 (domain-rules §1.5); 商标 never counts. */
export const ipClassOfKind = {
  invention_patent: 'I',
  defense_patent: 'I',
  plant_variety: 'I',
  crop_variety: 'I',
  new_drug: 'I',
  tcm_protected_first_grade: 'I',
  ic_layout: 'I',
  utility_model: 'II',
  design_patent: 'II',
  software_copyright: 'II',
  other_class_ii: 'II',
  trademark: null,
} as const;

const ipFields = {
  number: z.string().trim().min(1, '请填写专利号 / 登记号').max(60).describe('专利号 / 登记号 / 品种权号'),
  ...ZIpItem.shape,
  title: z.string().trim().max(200).optional(),
};
/** POST /api/enterprises/:id/ip-items */
export const ZEnterpriseIpInput = z
  .strictObject(ipFields)
  .refine((v) => v.grantDate === undefined || v.expiryDate === undefined || v.expiryDate >= v.grantDate, {
    message: '保护期届满日期不能早于授权日期',
    path: ['expiryDate'],
  });
export type TEnterpriseIpInput = z.infer<typeof ZEnterpriseIpInput>;

export const ZEnterpriseIp = z.object({ id: z.number().int(), ...ipFields, createdAt: z.string() }).meta({ id: 'EnterpriseIp' });
export type TEnterpriseIp = z.infer<typeof ZEnterpriseIp>;

export const incidentKinds = ['safety', 'quality', 'environment', 'fraud', 'research_misconduct'] as const;
/** 一般 / 较大 / 重大 / 特别重大 */
export const incidentSeverities = ['general', 'larger', 'major', 'especially_major'] as const;
/** Only 重大 and 特别重大 incidents bar 第十一条（八） (高企) and 第六条（四） (科技型中小企业). */
export const barringSeverities: ReadonlySet<string> = new Set(['major', 'especially_major']);

/** POST /api/enterprises/:id/incidents */
export const ZEnterpriseIncidentInput = z.strictObject({
  date: ZIsoDate.describe('发生（认定）日期'),
  kind: z.enum(incidentKinds).describe('安全 / 质量 / 环境 / 严重弄虚作假 / 科研严重失信'),
  severity: z.enum(incidentSeverities).describe('一般 / 较大 / 重大 / 特别重大'),
  note: z.string().trim().max(200).nullable().default(null),
});
export type TEnterpriseIncidentInput = z.infer<typeof ZEnterpriseIncidentInput>;

export const ZEnterpriseIncident = z
  .object({
    id: z.number().int(),
    date: ZIsoDate,
    kind: z.enum(incidentKinds),
    severity: z.enum(incidentSeverities),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'EnterpriseIncident' });
export type TEnterpriseIncident = z.infer<typeof ZEnterpriseIncident>;

/** PUT /api/enterprises/:id/disclosure: "the list above is complete (none other)". */
export const ZEnterpriseDisclosure = z
  .strictObject({
    ipComplete: z.boolean().describe('已填报全部知识产权（为空即无）'),
    incidentsComplete: z.boolean().describe('已如实填报全部事故与违法记录（为空即无）'),
  })
  .meta({ id: 'EnterpriseDisclosure' });
export type TEnterpriseDisclosure = z.infer<typeof ZEnterpriseDisclosure>;

export const ZEnterpriseRecordParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  itemId: z.coerce.number().int().positive().max(2_147_483_647),
});

// ── 高企后备库 admission rules ──────────────────────────────────────────────────────────────────────

/** The 高新技术企业 conditions a rule may require (ids of the engine's condition results). */
export const hnteConditionIds = [
  'hnte.resident',
  'hnte.c1',
  'hnte.c2',
  'hnte.c3',
  'hnte.c4',
  'hnte.c5.ratio',
  'hnte.c5.domestic',
  'hnte.c6',
  'hnte.c7',
  'hnte.c8',
] as const;

/**
 * One region's admission rules. An enterprise without a valid 高企 certificate and with yearly data is
 * admitted when every set rule holds; each rule left null is not applied.
 */
export const ZReserveRules = z
  .strictObject({
    maxUnmet: z.number().int().min(0).max(12).nullable().default(3).describe('至多几项条件未满足'),
    maxOpen: z.number().int().min(0).max(12).nullable().default(null).describe('至多几项条件未满足或未知'),
    requiredMet: z.array(z.enum(hnteConditionIds)).max(12).default([]).describe('必须已满足的条件'),
    minScore: z.number().int().min(0).max(100).nullable().default(null).describe('创新能力评价估分上限不低于'),
    rdWithinPoints: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, '请输入百分点数，最多两位小数')
      .nullable()
      .default(null)
      .describe('研发费用占比不低于门槛减去的百分点数（如 1 表示门槛 5% 时 ≥ 4%）'),
    minYearsRegistered: z.number().int().min(0).max(50).nullable().default(null).describe('成立满几年'),
  })
  .meta({ id: 'ReserveRules' });
export type TReserveRules = z.infer<typeof ZReserveRules>;
export type TReserveRuleKey = keyof TReserveRules;

/** The built-in default, used where no region on the path has rules of its own. */
export const defaultReserveRules: TReserveRules = {
  maxUnmet: 3,
  maxOpen: null,
  requiredMet: [],
  minScore: null,
  rdWithinPoints: null,
  minYearsRegistered: null,
};

export const ZReserveRuleSet = z
  .object({
    id: z.number().int().nullable().describe('null = the built-in default'),
    regionCode: ZRegionCode.nullable().describe('the region whose rules these are; null = built-in'),
    version: z.number().int(),
    effectiveFrom: ZIsoDate.nullable(),
    rules: ZReserveRules,
    note: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'ReserveRuleSet' });
export type TReserveRuleSet = z.infer<typeof ZReserveRuleSet>;

export const ZReserveRulesQuery = z.strictObject({
  region: ZRegionCode.optional().describe("default: the actor's region"),
  at: ZIsoDate.optional().describe('default today'),
});
export const ZReserveRulesView = z
  .object({
    regionCode: ZRegionCode,
    at: ZIsoDate,
    inForce: ZReserveRuleSet.describe('the rules applied on `at` (own, inherited or built-in)'),
    history: z.array(ZReserveRuleSet).describe("this region's own versions, newest first"),
  })
  .meta({ id: 'ReserveRulesView' });
export type TReserveRulesView = z.infer<typeof ZReserveRulesView>;

/** PUT /api/enterprises/reserve/rules: adds a version for the region. */
export const ZReserveRulesInput = z.strictObject({
  regionCode: ZRegionCode,
  effectiveFrom: ZIsoDate,
  rules: ZReserveRules,
  note: z.string().trim().max(200).nullable().default(null),
});
export type TReserveRulesInput = z.infer<typeof ZReserveRulesInput>;

export const ZReserveVerdict = z.object({
  rule: z.enum(['maxUnmet', 'maxOpen', 'requiredMet', 'minScore', 'rdWithinPoints', 'minYearsRegistered']),
  passed: z.boolean(),
  detail: z.string().describe('zh-CN, e.g. "未满足 2 项 ≤ 3"'),
});
export type TReserveVerdict = z.infer<typeof ZReserveVerdict>;
