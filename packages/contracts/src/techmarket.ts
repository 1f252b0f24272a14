import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZFen } from './enterprise.ts';
import { ZUscc } from './org.ts';
import { ZRegionCode } from './region.ts';

/*
 * The technology market: sellers (卖方注册), registration points (技术合同登记机构), and technology
 * contracts registered under the rule pack in force (技术合同认定登记). Money in integer 分.
 */

export const sellerKinds = ['enterprise', 'university', 'institute', 'individual', 'other'] as const;
export const ZSellerKind = z.enum(sellerKinds);

export const ZSellerInput = z.strictObject({
  /** the organisation that sells; default: the actor's own */
  orgId: z.number().int().positive().optional(),
  uscc: ZUscc.nullable().default(null),
  kind: ZSellerKind,
  contact: z.string().trim().max(100).default(''),
});
export type TSellerInput = z.infer<typeof ZSellerInput>;

export const ZSeller = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    regionCode: z.string(),
    uscc: z.string().nullable(),
    kind: ZSellerKind,
    contact: z.string(),
  })
  .meta({ id: 'TechSeller' });
export type TSeller = z.infer<typeof ZSeller>;

export const ZPointInput = z.strictObject({
  name: z.string().trim().min(2).max(80),
  /** the organisation whose planners act as the point's registrars */
  orgId: z.number().int().positive(),
  regions: z.array(ZRegionCode).min(1).max(50),
});
export type TPointInput = z.infer<typeof ZPointInput>;

export const ZPoint = z
  .object({ id: z.number().int(), name: z.string(), orgId: z.number().int(), orgName: z.string(), regions: z.array(z.string()) })
  .meta({ id: 'TechRegistrationPoint' });
export type TPoint = z.infer<typeof ZPoint>;

export const subjectMatters = [
  'commissioned_development',
  'cooperative_development',
  'patent_transfer',
  'patent_application_transfer',
  'patent_license',
  'trade_secret_transfer',
  'trade_secret_license',
  'other_ip_transfer',
  'other_ip_license',
  'technology_as_equity',
  'consulting',
  'technical_service',
  'technical_training',
  'technical_brokerage',
] as const;
export const ZSubjectMatter = z.enum(subjectMatters);

export const ZCostItem = z.strictObject({
  kind: z.enum(['equipment', 'instrument', 'parts', 'materials', 'other_non_technical', 'carrier']),
  carrier: z.enum(['document', 'software_medium', 'variety_or_strain', 'sample_or_prototype', 'equipment_set']).optional(),
  quantity: z.number().int().min(0).max(1_000_000),
  unitCostFen: ZFen,
  reasonableQuantity: z.number().int().min(0).max(1_000_000).optional(),
});
export type TCostItem = z.infer<typeof ZCostItem>;

export const ZPayment = z.strictObject({ dueOn: z.iso.date(), amountFen: ZFen, note: z.string().trim().max(100).default('') });

export const ZTechContractDraft = z.strictObject({
  name: z.string().trim().min(2).max(200),
  subject: ZSubjectMatter,
  buyerName: z.string().trim().min(2).max(100),
  buyerRegionCode: ZRegionCode,
  contractAmountFen: ZFen.refine((v) => v > 0, '合同成交额须大于零'),
  payments: z.array(ZPayment).max(60).default([]),
  techField: z.string().trim().min(1).max(40),
  ipType: z.string().trim().min(1).max(40),
  socioGoal: z.string().trim().min(1).max(40),
  projectSource: z.string().trim().max(100).default(''),
  signedOn: z.iso.date(),
});
export type TTechContractDraft = z.infer<typeof ZTechContractDraft>;

export const techContractStatuses = [
  'draft',
  'submitted',
  'accepted',
  'correction_requested',
  'registered',
  'not_accepted',
  'refused',
] as const;
export const ZTechContractStatus = z.enum(techContractStatuses);

export const ZTechContract = z
  .object({
    id: z.number().int(),
    sellerId: z.number().int(),
    sellerOrgId: z.number().int(),
    sellerName: z.string(),
    sellerRegionCode: z.string(),
    pointId: z.number().int().nullable(),
    pointName: z.string().nullable(),
    name: z.string(),
    subject: ZSubjectMatter,
    packId: z.string().nullable(),
    contractType: z.string().nullable(),
    subtype: z.string().nullable(),
    buyerName: z.string(),
    buyerRegionCode: z.string(),
    contractAmountFen: z.number().int(),
    technicalAmountFen: z.number().int().nullable(),
    costItems: z.array(ZCostItem),
    payments: z.array(ZPayment),
    techField: z.string(),
    ipType: z.string(),
    socioGoal: z.string(),
    projectSource: z.string(),
    signedOn: z.string(),
    status: ZTechContractStatus,
    acceptedOn: z.string().nullable(),
    correctedOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    registeredOn: z.string().nullable(),
    registrationNo: z.string().nullable(),
    refusalCodes: z.array(z.string()),
    note: z.string(),
    /** registered contracts only may claim the preferential policies (国科发政字〔2000〕063号 第六条) */
    eligibleForPolicies: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'TechContract' });
export type TTechContract = z.infer<typeof ZTechContract>;

export const ZTechContractListQuery = ZPageQuery.extend({
  status: ZTechContractStatus.optional(),
  q: z.string().trim().max(50).optional(),
  region: ZRegionCode.optional(),
});
export const ZTechContractPage = pageOf(ZTechContract);

export const ZTechVersioned = z.strictObject({ version: z.number().int().positive() });
export const ZCorrectionRequest = z.strictObject({ version: z.number().int().positive(), note: z.string().trim().min(2).max(500) });
export const ZRecognition = z.strictObject({
  version: z.number().int().positive(),
  /** the subject matter as the registrar recognises it (may differ from the seller's declaration) */
  subject: ZSubjectMatter,
  costItems: z.array(ZCostItem).max(100).default([]),
  disputed: z.boolean().default(false),
  note: z.string().trim().max(500).default(''),
});
export const ZRefusal = z.strictObject({
  version: z.number().int().positive(),
  codes: z.array(z.string().min(1).max(40)).min(1).max(20),
  note: z.string().trim().max(500).default(''),
});

export const ZTechContractEvent = z.object({
  at: z.string(),
  kind: z.string(),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const ZTechContractDetail = z.object({
  contract: ZTechContract,
  events: z.array(ZTechContractEvent),
  files: z
    .array(z.object({ id: z.number().int(), filename: z.string(), size: z.number().int(), uploadedAt: z.string() }))
    .describe('合同文本（可下载）'),
  refusalChecklist: z.array(
    z.object({ code: z.string(), zh: z.string(), clause: z.string(), stage: z.enum(['not_accepted', 'not_registered']) }),
  ),
  deadline: z
    .object({
      dueOn: z.string(),
      kind: z.enum(['calendar', 'working']),
      days: z.number().int(),
      clause: z.string(),
      calendarComplete: z.boolean(),
    })
    .nullable(),
});
export type TTechContractDetail = z.infer<typeof ZTechContractDetail>;

export const ZStatsQuery = z.strictObject({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  direction: z.enum(['output', 'absorption']).default('output'),
  by: z.enum(['type', 'month', 'field', 'sellerKind']).default('type'),
});
export const ZStatsRow = z.object({
  key: z.string(),
  count: z.number().int(),
  contractAmountFen: z.number().int(),
  technicalAmountFen: z.number().int(),
});
export const ZStats = z.object({
  region: z.string(),
  year: z.number().int(),
  direction: z.enum(['output', 'absorption']),
  by: z.string(),
  rows: z.array(ZStatsRow),
  total: ZStatsRow,
});
export type TStats = z.infer<typeof ZStats>;
