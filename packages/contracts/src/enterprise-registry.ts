import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZAssessmentResult, ZEnterpriseYear, ZIsoDate } from './enterprise.ts';
import { ZEnterpriseDisclosure, ZEnterpriseIncident, ZEnterpriseIp, ZReserveRuleSet, ZReserveVerdict } from './enterprise-records.ts';
import { ZUscc } from './org.ts';
import { ZRegionCode } from './region.ts';

/*
 * The enterprise registry and the cultivation ladder: 科技型中小企业 → 高企后备库 →
 * 高新技术企业 → 专精特新 → 小巨人 → 上市. Statuses are history (added, never overwritten), so the
 * count on any date and the net additions of any year are exact.
 */

export const ladderRungs = ['techSme', 'hnteReserve', 'hnte', 'specialized', 'littleGiant', 'listed'] as const;
/** 科技型中小企业, 高企后备库, 高新技术企业, 专精特新中小企业, 专精特新"小巨人", 上市企业 */
export const ZLadderRung = z.enum(ladderRungs);
export type TLadderRung = z.infer<typeof ZLadderRung>;

/** GB/T 4754 门类字母 + 大类（2位）/中类（3位）/小类（4位）代码, e.g. "C39", "I6513". */
export const ZIndustryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-T](\d{2,4})?$/, '行业代码应为 GB/T 4754 门类字母加大类数字，如 C39');

export const ZLadderStatus = z
  .object({
    id: z.number().int(),
    rung: ZLadderRung,
    reference: z.string().nullable().describe('入库编号 / 证书编号'),
    validFrom: ZIsoDate,
    validTo: ZIsoDate.nullable().describe('last day of validity (inclusive); null = open-ended'),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LadderStatus' });
export type TLadderStatus = z.infer<typeof ZLadderStatus>;

const enterpriseFields = {
  uscc: ZUscc,
  name: z.string().trim().min(2, '企业名称至少 2 个字').max(100),
  regionCode: ZRegionCode,
  industryCode: ZIndustryCode.nullable().default(null),
  registeredOn: ZIsoDate.nullable().default(null).describe('成立（注册）日期'),
  contact: z.string().trim().max(50).nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  orgId: z.number().int().positive().nullable().default(null).describe("the enterprise's own account organisation"),
};

export const ZEnterprise = z
  .object({
    id: z.number().int(),
    uscc: z.string(),
    name: z.string(),
    regionCode: ZRegionCode,
    regionName: z.string(),
    industryCode: z.string().nullable(),
    registeredOn: ZIsoDate.nullable(),
    contact: z.string().nullable(),
    phone: z.string().nullable(),
    orgId: z.number().int().nullable(),
    /** rungs held today (statuses in force on the server's date) */
    rungs: z.array(ZLadderRung),
    version: z.number().int().describe('optimistic concurrency token; send it back when updating'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enterprise' });
export type TEnterprise = z.infer<typeof ZEnterprise>;

/** 国科发政〔2017〕115号 第十四条 撤销登记编号 situations (一)–(六). */
export const ZTechSmeRevocationReason = z.enum([
  'no_longer_eligible',
  'fraud',
  'research_misconduct',
  'major_incident',
  'credit_listing',
  'info_not_updated',
]);
export type TTechSmeRevocationReason = z.infer<typeof ZTechSmeRevocationReason>;

/** A 科技型中小企业 入库登记编号: valid for its year (国科火字〔2019〕87号); revokedOn set when 撤销. */
export const ZTechSmeRegistration = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    number: z.string(),
    registeredOn: ZIsoDate,
    revokedOn: ZIsoDate.nullable(),
    revocationReason: ZTechSmeRevocationReason.nullable(),
    revocationNote: z.string().nullable(),
  })
  .meta({ id: 'TechSmeRegistration' });
export type TTechSmeRegistration = z.infer<typeof ZTechSmeRegistration>;

export const ZTechSmeRegistrationInput = z
  .strictObject({
    year: z.number().int().min(2017).max(2100).describe('评价年度; the number is valid until 31 December of it'),
    number: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{6,40}$/, '入库登记编号应为 6–40 位字母、数字')
      .describe('入库登记编号'),
    registeredOn: ZIsoDate.describe('入库（公示通过）日期'),
  })
  .refine((r) => Number(r.registeredOn.slice(0, 4)) === r.year, { message: '入库日期须在评价年度内', path: ['registeredOn'] });
export type TTechSmeRegistrationInput = z.infer<typeof ZTechSmeRegistrationInput>;

export const ZTechSmeRevocationInput = z.strictObject({
  revokedOn: ZIsoDate.describe('撤销日期'),
  reason: ZTechSmeRevocationReason,
  note: z.string().trim().max(200).nullable().default(null),
});
export type TTechSmeRevocationInput = z.infer<typeof ZTechSmeRevocationInput>;

export const ZTechSmeRegistrationParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  registrationId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const ZEnterpriseDetail = ZEnterprise.extend({
  years: z.array(ZEnterpriseYear),
  statuses: z.array(ZLadderStatus).describe('the whole ladder history, oldest first'),
  ipItems: z.array(ZEnterpriseIp).describe('知识产权, by grant date'),
  incidents: z.array(ZEnterpriseIncident).describe('事故与违法记录, newest first'),
  disclosure: ZEnterpriseDisclosure.describe('whether the two lists are declared complete'),
  techSmeRegistrations: z.array(ZTechSmeRegistration).describe('科技型中小企业 入库登记编号, newest year first'),
}).meta({ id: 'EnterpriseDetail' });
export type TEnterpriseDetail = z.infer<typeof ZEnterpriseDetail>;

export const ZEnterpriseCreate = z.strictObject(enterpriseFields);
export type TEnterpriseCreate = z.infer<typeof ZEnterpriseCreate>;
export const ZEnterpriseUpdate = z.strictObject({ ...enterpriseFields, version: z.number().int() });
export type TEnterpriseUpdate = z.infer<typeof ZEnterpriseUpdate>;

export const ZEnterpriseListQuery = ZPageQuery.extend({
  q: z.string().max(100).optional().describe('name or credit code contains'),
  region: ZRegionCode.optional().describe('only this region and below'),
  rung: ZLadderRung.optional().describe('only enterprises holding this rung today'),
  sort: z.enum(['name', 'region', 'createdAt']).default('name'),
}).strict();
export type TEnterpriseListQuery = z.infer<typeof ZEnterpriseListQuery>;
export const ZEnterprisePage = pageOf(ZEnterprise);

export const ZEnterpriseYearParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  year: z.coerce.number().int().min(1990).max(2100),
});
/** PUT /api/enterprises/:id/years/:year: the year's figures (the year itself comes from the path). */
export const ZEnterpriseYearInput = ZEnterpriseYear.omit({ year: true }).strict();
export type TEnterpriseYearInput = z.infer<typeof ZEnterpriseYearInput>;

export const ZLadderStatusInput = z
  .strictObject({
    rung: ZLadderRung,
    reference: z.string().trim().max(60).nullable().default(null).describe('入库编号 / 证书编号'),
    validFrom: ZIsoDate.describe('入库 / 发证日期'),
    validTo: ZIsoDate.nullable()
      .default(null)
      .describe('last day of validity; for 高新技术企业 default = 3 years after validFrom, minus a day'),
    note: z.string().trim().max(200).nullable().default(null),
  })
  .refine((s) => s.validTo === null || s.validTo >= s.validFrom, { message: '有效期止不能早于起始日期', path: ['validTo'] });
export type TLadderStatusInput = z.infer<typeof ZLadderStatusInput>;

export const ZEnterpriseAssessmentQuery = z.strictObject({ at: ZIsoDate.optional().describe('申报（评价）日期; default today') });
export const ZEnterpriseAssessment = z
  .object({ enterpriseId: z.number().int(), result: ZAssessmentResult })
  .meta({ id: 'EnterpriseAssessment' });

export const ZFunnelQuery = z.strictObject({
  region: ZRegionCode.optional().describe("default: the actor's region"),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('default: the current year'),
});
export const ZFunnelRung = z.object({
  rung: ZLadderRung,
  count: z.number().int().describe('enterprises holding the rung on 31 December of the year'),
  netAdditions: z.number().int().describe('count at the end of the year − count at the end of the previous year'),
  expiring90: z.number().int().describe('enterprises whose status ends within the next 90 days (and not renewed)'),
  expiring180: z.number().int().describe('… within the next 180 days'),
});
export const ZFunnel = z
  .object({
    regionCode: ZRegionCode,
    year: z.number().int(),
    asOf: ZIsoDate.describe('the date the expiry windows start from'),
    rungs: z.array(ZFunnelRung).describe('one entry per rung, in ladder order'),
  })
  .meta({ id: 'Funnel' });
export type TFunnel = z.infer<typeof ZFunnel>;

export const ZReserveQuery = z.strictObject({
  region: ZRegionCode.optional().describe("default: the actor's region"),
  at: ZIsoDate.optional().describe('assessment date; default today'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZReserveGap = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['unmet', 'unknown']),
  hint: z.string().optional(),
});
export const ZReserveEntry = z.object({
  enterprise: ZEnterprise,
  unmet: z.number().int().describe('number of 高新技术企业 conditions not met'),
  unknown: z.number().int(),
  scoreMin: z.number().int(),
  scoreMax: z.number().int(),
  gaps: z.array(ZReserveGap),
  verdicts: z.array(ZReserveVerdict).describe('each applied rule and how the enterprise fared'),
});
export const ZReserveExcluded = z.object({
  enterprise: ZEnterprise,
  unmet: z.number().int(),
  unknown: z.number().int(),
  failed: z.array(ZReserveVerdict).describe('the rules that excluded the enterprise'),
});
export const ZReservePool = z
  .object({
    regionCode: ZRegionCode,
    at: ZIsoDate,
    rules: ZReserveRuleSet.describe('the admission rules applied'),
    items: z.array(ZReserveEntry),
    excluded: z.array(ZReserveExcluded).describe('candidates the rules kept out, closest first (at most `limit`)'),
  })
  .meta({ id: 'ReservePool' });
export type TReservePool = z.infer<typeof ZReservePool>;
