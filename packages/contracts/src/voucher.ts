import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZFen } from './enterprise.ts';
import { ZRegionCode } from './region.ts';

// 科技创新券: contracts shared by the server and the web app (docs: domain-rules §7).

/** The service catalogue's classes (上海 6大类; a pack lists the ones it funds). */
export const voucherServiceCodes = ['testing', 'rnd', 'transfer', 'instrument', 'ip', 'consulting'] as const;
export const ZVoucherService = z.enum(voucherServiceCodes);
export type TVoucherService = z.infer<typeof ZVoucherService>;

export const voucherHolderKinds = ['enterprise', 'team'] as const;
export const ZVoucherHolderKind = z.enum(voucherHolderKinds);

export const quotaStatuses = ['applied', 'granted', 'refused'] as const;
export const ZQuotaStatus = z.enum(quotaStatuses);
export type TQuotaStatus = z.infer<typeof ZQuotaStatus>;

export const voucherUseStatuses = ['reserved', 'redemption_requested', 'approved', 'refused', 'redeemed', 'cancelled'] as const;
export const ZVoucherUseStatus = z.enum(voucherUseStatuses);
export type TVoucherUseStatus = z.infer<typeof ZVoucherUseStatus>;

export const voucherFileKinds = ['contract', 'invoice', 'payment'] as const;
export const ZVoucherFileKind = z.enum(voucherFileKinds);
export type TVoucherFileKind = z.infer<typeof ZVoucherFileKind>;

export const ZVoucherPack = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  verified: z.boolean().describe('false: the figures follow a model city and await the local 管理办法'),
  regionCodes: z.array(z.string()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  enterpriseQuotaFen: z.number().int(),
  teamQuotaFen: z.number().int(),
  perApplicationCapFen: z.number().int().nullable(),
  shareBp: z.number().int().describe('share of the contract covered, in basis points (5000 = 50%)'),
  fullCoverUpToFen: z.number().int().nullable().describe('a contract up to this amount (inclusive) is covered in full'),
  services: z.array(z.object({ code: ZVoucherService, name: z.string() })),
  teamMinMembers: z.number().int(),
  relatedPartyExcluded: z.boolean(),
  acceptPreviousYearTechSme: z.boolean(),
  expiry: z.string().describe('when a year’s quota lapses, as text'),
  redemption: z.string(),
});
export type TVoucherPack = z.infer<typeof ZVoucherPack>;

const ZName = z.string().trim().min(1).max(100);

export const ZVoucherProviderInput = z.strictObject({
  orgId: z.number().int().positive(),
  services: z.array(ZVoucherService).min(1).max(6),
  registeredOn: z.iso.date(),
  relatedUsccs: z
    .array(z.string().regex(/^[0-9A-Z]{18}$/))
    .max(50)
    .default([]),
});
export type TVoucherProviderInput = z.infer<typeof ZVoucherProviderInput>;

export const ZVoucherProvider = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  services: z.array(ZVoucherService),
  registeredOn: z.string(),
  removedOn: z.string().nullable(),
  status: z.enum(['listed', 'removed']),
  version: z.number().int(),
});
export type TVoucherProvider = z.infer<typeof ZVoucherProvider>;

export const ZVoucherProviderQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  status: z.enum(['listed', 'removed']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type TVoucherProviderQuery = z.infer<typeof ZVoucherProviderQuery>;
export const ZVoucherProviderPage = pageOf(ZVoucherProvider);
export const ZPublicProviderQuery = z.object({ region: ZRegionCode.optional() });

export const ZVoucherVersioned = z.strictObject({ version: z.number().int().positive() });
export const ZVoucherReason = z.strictObject({ version: z.number().int().positive(), reason: z.string().trim().min(2).max(500) });

export const ZQuotaApplication = z.discriminatedUnion('holderKind', [
  z.strictObject({
    holderKind: z.literal('enterprise'),
    /** the bureau applies for an enterprise of its region; an enterprise account for itself (omit) */
    enterpriseId: z.number().int().positive().optional(),
    year: z.number().int().min(2000).max(2100),
    requestedFen: ZFen.refine((v) => v > 0, '申领额度须大于零'),
  }),
  z.strictObject({
    holderKind: z.literal('team'),
    teamName: ZName,
    teamIncubator: ZName.describe('the incubator, 大学科技园 or 众创空间 it sits in'),
    teamMembers: z.number().int().min(1).max(100),
    regionCode: ZRegionCode,
    year: z.number().int().min(2000).max(2100),
    requestedFen: ZFen.refine((v) => v > 0, '申领额度须大于零'),
  }),
]);
export type TQuotaApplication = z.infer<typeof ZQuotaApplication>;

export const ZQuotaGrant = z.strictObject({ version: z.number().int().positive(), grantedFen: ZFen.refine((v) => v > 0) });

export const ZVoucherQuota = z.object({
  id: z.number().int(),
  packId: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  holderKind: ZVoucherHolderKind,
  holderName: z.string(),
  enterpriseId: z.number().int().nullable(),
  requestedFen: z.number().int(),
  grantedFen: z.number().int().nullable(),
  usedFen: z.number().int(),
  remainingFen: z.number().int(),
  status: ZQuotaStatus,
  expiresOn: z.string(),
  refusalReason: z.string().nullable(),
  version: z.number().int(),
});
export type TVoucherQuota = z.infer<typeof ZVoucherQuota>;

export const ZVoucherQuotaQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: ZQuotaStatus.optional(),
  q: z.string().trim().max(50).optional(),
});
export type TVoucherQuotaQuery = z.infer<typeof ZVoucherQuotaQuery>;
export const ZVoucherQuotaPage = pageOf(ZVoucherQuota);

export const ZVoucherUseInput = z.strictObject({
  quotaId: z.number().int().positive(),
  providerId: z.number().int().positive(),
  service: ZVoucherService,
  contractNo: z.string().trim().min(1).max(60),
  contractAmountFen: ZFen.refine((v) => v > 0, '合同金额须大于零'),
  signedOn: z.iso.date(),
  /** the holder states that it and the provider are not related parties (关联方) */
  notRelated: z.literal(true),
});
export type TVoucherUseInput = z.infer<typeof ZVoucherUseInput>;

export const ZVoucherFile = z.object({ id: z.number().int(), kind: ZVoucherFileKind, filename: z.string(), sha256: z.string() });

export const ZVoucherUse = z.object({
  id: z.number().int(),
  quotaId: z.number().int(),
  holderName: z.string(),
  regionCode: z.string(),
  providerId: z.number().int(),
  providerName: z.string(),
  service: ZVoucherService,
  contractNo: z.string(),
  contractAmountFen: z.number().int(),
  signedOn: z.string(),
  amountFen: z.number().int().describe('the voucher amount: min(remaining quota, share × contract), full below the threshold'),
  status: ZVoucherUseStatus,
  requestedOn: z.string().nullable(),
  batchId: z.number().int().nullable(),
  refusalReason: z.string().nullable(),
  files: z.array(ZVoucherFile),
  version: z.number().int(),
});
export type TVoucherUse = z.infer<typeof ZVoucherUse>;

export const ZVoucherUseQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  status: ZVoucherUseStatus.optional(),
  quotaId: z.coerce.number().int().positive().optional(),
  as: z.enum(['holder', 'provider']).optional(),
});
export type TVoucherUseQuery = z.infer<typeof ZVoucherUseQuery>;
export const ZVoucherUsePage = pageOf(ZVoucherUse);

export const ZVoucherFileQuery = z.strictObject({ kind: ZVoucherFileKind, filename: z.string().trim().min(1).max(200) });

export const ZBatchInput = z.strictObject({
  regionCode: ZRegionCode,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
});
export const ZVoucherBatch = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  status: z.enum(['open', 'paid']),
  count: z.number().int(),
  totalFen: z.number().int(),
  paidOn: z.string().nullable(),
  version: z.number().int(),
});
export type TVoucherBatch = z.infer<typeof ZVoucherBatch>;
export const ZVoucherBatchQuery = z.object({ region: ZRegionCode.optional(), year: z.coerce.number().int().optional() });
export const ZBatchPay = z.strictObject({ version: z.number().int().positive(), paidOn: z.iso.date() });

export const ZVoucherMe = z.object({
  bureau: z.boolean(),
  bureauWrite: z.boolean(),
  enterpriseId: z.number().int().nullable(),
  providerId: z.number().int().nullable(),
});
export type TVoucherMe = z.infer<typeof ZVoucherMe>;
