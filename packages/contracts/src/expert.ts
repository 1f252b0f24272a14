import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from './common.ts';
import { ZIsoDate } from './enterprise.ts';
import { ZDisciplineCode, ZListedIndustryCode } from './expert-codes.ts';
import { ZIdNumber } from './person.ts';
import { ZRegionCode } from './region.ts';

/*
 * 评审专家库 (domain-rules §6.1–6.2): experts with 学科 (GB/T 13745) and 行业 (GB/T 4754) codes, 职称,
 * current and past employers with dates, the region whose bureau keeps the entry, contact (no bank data),
 * a status the bureau decides and a yearly review quota. An expert keeps their own profile, declares
 * relations (近亲属, 师生, 合作申报, 持股) and dates on which they cannot review; the random draw reads all of
 * it to exclude conflicted experts.
 */

export const expertStatuses = ['pending', 'active', 'paused', 'retired', 'removed', 'rejected'] as const;
export const ZExpertStatus = z.enum(expertStatuses);
export type TExpertStatus = z.infer<typeof ZExpertStatus>;

/** What the bureau does with an entry: 通过/不通过 a pending one, 暂停/恢复, 退出 (retired), 移出 (removed). */
export const expertActions = ['approve', 'reject', 'pause', 'resume', 'retire', 'remove'] as const;
export const ZExpertAction = z.enum(expertActions);
export type TExpertAction = z.infer<typeof ZExpertAction>;

/** From which statuses each action may be taken, and where it leads. */
export const expertTransitions: Record<TExpertAction, { from: readonly TExpertStatus[]; to: TExpertStatus }> = {
  approve: { from: ['pending', 'rejected'], to: 'active' },
  reject: { from: ['pending'], to: 'rejected' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused', 'retired'], to: 'active' },
  retire: { from: ['active', 'paused'], to: 'retired' },
  remove: { from: ['pending', 'active', 'paused', 'retired', 'rejected'], to: 'removed' },
};

/** 近亲属, 师生, 合作申报, 持股, 其他利害关系 */
export const expertRelationKinds = ['kin', 'mentor', 'co_applicant', 'shareholding', 'other'] as const;
export const ZExpertRelationKind = z.enum(expertRelationKinds);
export type TExpertRelationKind = z.infer<typeof ZExpertRelationKind>;

const ZText = (max: number) => z.string().trim().max(max);
const dateOrder = <T extends { fromDate?: string | null; toDate?: string | null }>(v: T) =>
  !v.fromDate || !v.toDate || v.fromDate <= v.toDate;
const orderMessage = { message: '结束日期不能早于开始日期', path: ['toDate'] };

export const ZEmploymentInput = z
  .strictObject({
    orgId: ZId.nullable().optional().describe('在系统登记的单位；缺省时按名称匹配'),
    orgName: ZText(100).min(1).describe('工作单位名称'),
    fromDate: ZIsoDate.nullable().optional(),
    toDate: ZIsoDate.nullable().optional().describe('空 = 现工作单位'),
  })
  .refine(dateOrder, orderMessage);
export type TEmploymentInput = z.infer<typeof ZEmploymentInput>;

export const ZRelationInput = z
  .strictObject({
    id: ZId.optional().describe('已申报关系的编号：保留时沿用其关系人记录（无需再填身份证号码）'),
    kind: ZExpertRelationKind,
    personName: ZText(50).nullable().optional().describe('关系人姓名'),
    idNumber: ZIdNumber.optional().describe('关系人身份证号码（可选；仅保存加密摘要与末四位）'),
    orgName: ZText(100).nullable().optional().describe('关系单位名称（持股、任职等）'),
    orgId: ZId.nullable().optional(),
    note: ZText(200).default(''),
    fromDate: ZIsoDate.nullable().optional(),
    toDate: ZIsoDate.nullable().optional(),
  })
  .refine((v) => Boolean(v.personName || v.orgName || v.orgId), { message: '请填写关系人姓名或关系单位', path: ['personName'] })
  .refine((v) => !v.idNumber || Boolean(v.personName), { message: '填写身份证号码时须同时填写姓名', path: ['personName'] })
  .refine(dateOrder, orderMessage);
export type TRelationInput = z.infer<typeof ZRelationInput>;
export type TRelationInputBody = z.input<typeof ZRelationInput>;

export const ZUnavailableInput = z
  .strictObject({ fromDate: ZIsoDate, toDate: ZIsoDate, note: ZText(200).default('') })
  .refine(dateOrder, orderMessage);
export type TUnavailableInput = z.infer<typeof ZUnavailableInput>;
export type TUnavailableInputBody = z.input<typeof ZUnavailableInput>;

const codes = <T extends z.ZodType<string, string>>(code: T, min: number) =>
  z
    .array(code)
    .min(min)
    .max(10)
    .transform((list) => [...new Set(list)]);

/** What both the bureau and the expert fill in. */
const profileShape = {
  name: ZText(50).min(1),
  idNumber: ZIdNumber.optional().describe('居民身份证号码（仅用于识别同一人，保存为加密摘要与末四位）'),
  gender: z.enum(['male', 'female']).nullable().default(null),
  title: ZText(50).nullable().default(null).describe('职称'),
  phone: ZText(30).nullable().default(null),
  email: z
    .union([z.email().max(100), z.literal('')])
    .nullable()
    .default(null),
  regionCode: ZRegionCode.describe('管理该专家条目的科技局所在地区'),
  disciplineCodes: codes(ZDisciplineCode, 1).describe('学科代码（GB/T 13745，1–10 个）'),
  industryCodes: codes(ZListedIndustryCode, 0).default([]).describe('行业代码（GB/T 4754，0–10 个）'),
  specialty: ZText(500).default('').describe('研究方向 / 擅长领域'),
  employments: z.array(ZEmploymentInput).min(1).max(20).describe('工作经历（现单位与曾任职单位）'),
};

const oneCurrent = (v: { employments: TEmploymentInput[] }) => v.employments.some((e) => !e.toDate);
const oneCurrentMessage = { message: '至少填写一个现工作单位（结束日期留空）', path: ['employments'] };

/** An expert's own profile: created as 待审核, kept up to date afterwards. */
export const ZExpertSelfInput = z
  .strictObject({ ...profileShape, version: z.number().int().min(1).optional().describe('修改已有条目时必填') })
  .refine(oneCurrent, oneCurrentMessage);
export type TExpertSelfInput = z.infer<typeof ZExpertSelfInput>;
export type TExpertSelfInputBody = z.input<typeof ZExpertSelfInput>;

/** The bureau's entry: also the quota, the expert's account, and (on edit) relations and unavailability. */
export const ZExpertInput = z
  .strictObject({
    ...profileShape,
    yearlyQuota: z.number().int().min(0).max(200).default(20).describe('每年评审任务上限'),
    username: ZText(50).nullable().optional().describe('关联的专家账号（用户名）；null 解除关联'),
    relations: z.array(ZRelationInput).max(50).optional(),
    unavailable: z.array(ZUnavailableInput).max(50).optional(),
    version: z.number().int().min(1).optional().describe('修改时必填'),
  })
  .refine(oneCurrent, oneCurrentMessage);
export type TExpertInput = z.infer<typeof ZExpertInput>;
export type TExpertInputBody = z.input<typeof ZExpertInput>;

export const ZRelationsUpdate = z.strictObject({ version: z.number().int().min(1), relations: z.array(ZRelationInput).max(50) });
export const ZUnavailableUpdate = z.strictObject({ version: z.number().int().min(1), periods: z.array(ZUnavailableInput).max(50) });
export type TRelationsUpdate = z.infer<typeof ZRelationsUpdate>;
export type TUnavailableUpdate = z.infer<typeof ZUnavailableUpdate>;

export const ZExpertTransition = z
  .strictObject({
    action: ZExpertAction,
    version: z.number().int().min(1),
    reason: ZText(500).default('').describe('不通过、暂停、移出时必填'),
  })
  .refine((v) => !['reject', 'pause', 'remove'].includes(v.action) || v.reason.length > 0, {
    message: '请填写理由',
    path: ['reason'],
  });
export type TExpertTransition = z.infer<typeof ZExpertTransition>;

export const ZEmployment = z.object({
  id: z.number().int(),
  orgId: z.number().int().nullable(),
  orgName: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
});
export type TEmployment = z.infer<typeof ZEmployment>;

export const ZRelation = z.object({
  id: z.number().int(),
  kind: ZExpertRelationKind,
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  personIdLast4: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  note: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
});
export type TRelation = z.infer<typeof ZRelation>;

export const ZUnavailable = z.object({ id: z.number().int(), fromDate: z.string(), toDate: z.string(), note: z.string() });
export type TUnavailable = z.infer<typeof ZUnavailable>;

export const ZExpertSummary = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  employer: z.string().nullable().describe('现工作单位'),
  regionCode: z.string(),
  regionName: z.string(),
  disciplineCodes: z.array(z.string()),
  industryCodes: z.array(z.string()),
  specialty: z.string(),
  status: ZExpertStatus,
  yearlyQuota: z.number().int(),
  hasAccount: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TExpertSummary = z.infer<typeof ZExpertSummary>;

export const ZExpert = ZExpertSummary.extend({
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  idLast4: z.string().nullable(),
  username: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  employments: z.array(ZEmployment),
  relations: z.array(ZRelation),
  unavailable: z.array(ZUnavailable),
  history: z
    .array(z.object({ at: z.string(), actor: z.string().nullable(), action: z.string(), reason: z.string().nullable() }))
    .describe('审核与状态变更、修改记录（最近 50 条）'),
});
export type TExpert = z.infer<typeof ZExpert>;

/** The signed-in expert's own entry; null before they have filled in their profile. */
export const ZMyExpert = z.object({ expert: ZExpert.nullable() });
export type TMyExpert = z.infer<typeof ZMyExpert>;

const ZCodePrefix = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.]{1,12}$/)
  .transform((s) => s.toUpperCase());

export const expertSorts = ['id', 'name', 'updatedAt'] as const;
export const ZExpertListQuery = ZPageQuery.extend({
  status: ZExpertStatus.optional(),
  discipline: ZCodePrefix.optional().describe('学科代码前缀，如 520 匹配 520.20'),
  industry: ZCodePrefix.optional().describe('行业代码前缀，如 C 匹配 C39'),
  region: ZRegionCode.optional().describe('该地区及其下级'),
  q: ZText(100).optional().describe('姓名、工作单位或研究方向包含'),
  sort: z.enum(expertSorts).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TExpertListQuery = z.infer<typeof ZExpertListQuery>;
export const ZExpertPage = pageOf(ZExpertSummary);
export type TExpertPage = z.infer<typeof ZExpertPage>;

export const ZExpertImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
export const ZExpertImportResult = z.object({
  imported: z.number().int(),
  checked: z.number().int(),
  errors: z.array(z.never()).describe('always empty: a file with row errors is refused with rowErrors'),
});
export type TExpertImportResult = z.infer<typeof ZExpertImportResult>;

/** Columns of the .xlsx export, which is also the import template (codes separated by ；or ,). */
export const expertSheetColumns = [
  '姓名',
  '身份证号码',
  '性别',
  '职称',
  '现工作单位',
  '曾任职单位',
  '所在地区代码',
  '学科代码',
  '行业代码',
  '研究方向',
  '手机',
  '电子邮箱',
  '年度评审上限',
  '状态',
] as const;
