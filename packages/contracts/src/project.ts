import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from './common.ts';
import { ZFen } from './enterprise.ts';
import { ZLadderRung } from './enterprise-registry.ts';
import { ZRegionCode } from './region.ts';

/*
 * S&T programmes (计划类别) and their calls (申报指南). Money in integer 分 (`…Fen`), converted from 万元 at the
 * edges; call times are instants written with their offset (the bureau works in Asia/Shanghai, UTC+8).
 */

export const programmeKinds = ['natural_science', 'key_rnd', 'open_competition', 'post_subsidy', 'soft_science', 'other'] as const;
export const ZProgrammeKind = z.enum(programmeKinds);
export type TProgrammeKind = z.infer<typeof ZProgrammeKind>;

export const ZProgrammeInput = z.strictObject({
  regionCode: ZRegionCode,
  kind: ZProgrammeKind,
  name: z.string().trim().min(1).max(100),
});
export type TProgrammeInput = z.infer<typeof ZProgrammeInput>;

export const ZProgramme = z.object({ id: z.number().int(), regionCode: z.string(), kind: ZProgrammeKind, name: z.string() });
export type TProgramme = z.infer<typeof ZProgramme>;

export const applicantKinds = ['enterprise', 'institute'] as const;
export const ZApplicantKind = z.enum(applicantKinds);

/**
 * Who may apply, as data: the kinds of applicant unit, the regions (each with its subtree; empty = the
 * call's own region subtree) and ladder rungs from the enterprise registry of which the applicant must hold
 * at least one on the day it submits (empty = no ladder condition; institutes never hold rungs).
 * Integrity bans are always checked and need no rule.
 */
export const ZEligibilityRules = z.strictObject({
  applicantKinds: z.array(ZApplicantKind).min(1),
  regionCodes: z.array(ZRegionCode).max(50).default([]),
  rungsAnyOf: z.array(ZLadderRung).default([]),
});
export type TEligibilityRules = z.infer<typeof ZEligibilityRules>;

export const recommendationLevels = ['region', 'department', 'direct'] as const;
export const ZRecommendation = z.enum(recommendationLevels);

/**
 * 揭榜挂帅 榜单: the demand an open-competition call publishes — who sets it (发榜方), the goal (攻关目标), the
 * fixed targets (考核指标) every bidder takes on, and the period. 榜额 is the call's maximum grant.
 */
export const ZDemand = z.strictObject({
  issuer: z.string().trim().min(1).max(100).describe('发榜方'),
  goal: z.string().trim().min(1).max(2000).describe('攻关目标'),
  targets: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        unit: z.string().trim().min(1).max(20),
        value: z.string().regex(/^\d{1,12}(\.\d{1,6})?$/),
      }),
    )
    .min(1)
    .max(30)
    .describe('考核指标'),
  periodMonths: z.number().int().min(1).max(120).describe('实施期限（月）'),
});
export type TDemand = z.infer<typeof ZDemand>;

const ZInstant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-03-01T09:00:00+08:00');

export const ZCallInput = z.strictObject({
  programmeId: ZId,
  regionCode: ZRegionCode,
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  directions: z.array(z.string().trim().min(1).max(200)).max(100).default([]).describe('支持方向'),
  maxGrantFen: ZFen.describe('单项资助强度上限（分）'),
  budgetFen: ZFen.describe('本批次财政资金总额（分）'),
  opensAt: ZInstant,
  closesAt: ZInstant,
  requiredAttachments: z.array(z.string().trim().min(1).max(50)).max(30).default([]).describe('必须上传的附件类别'),
  limitPerUnit: z.number().int().min(1).max(1000).nullable().default(null).describe('每个单位限报项数'),
  limitPerLeader: z.number().int().min(1).max(100).nullable().default(null).describe('每位负责人限报项数'),
  recommendation: ZRecommendation.describe('推荐方式：区县推荐 / 主管部门推荐 / 直接申报'),
  eligibility: ZEligibilityRules,
  demand: ZDemand.nullable().default(null).describe('揭榜挂帅榜单（仅揭榜挂帅计划类别）'),
});
export type TCallInput = z.infer<typeof ZCallInput>;
export const ZCallUpdate = ZCallInput.extend({ version: z.number().int().min(1) });
export type TCallUpdate = z.infer<typeof ZCallUpdate>;
export const ZVersionBody = z.strictObject({ version: z.number().int().min(1) });

export const callStatuses = ['draft', 'published', 'closed'] as const;
export const ZCallStatus = z.enum(callStatuses);
/** Where the call's window stands at the server's clock: before it opens, open, past its closing time. */
export const ZCallWindow = z.enum(['upcoming', 'open', 'ended']);
export type TCallWindow = z.infer<typeof ZCallWindow>;

export const ZCall = ZCallInput.extend({
  id: z.number().int(),
  programmeName: z.string(),
  programmeKind: ZProgrammeKind,
  status: ZCallStatus,
  window: ZCallWindow,
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TCall = z.infer<typeof ZCall>;

export const ZCallListQuery = ZPageQuery.extend({
  status: ZCallStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  programmeId: ZId.optional(),
});
export type TCallListQuery = z.infer<typeof ZCallListQuery>;
export const ZCallPage = pageOf(ZCall);
export type TCallPage = z.infer<typeof ZCallPage>;

/** The public page of open calls: what anyone may read without signing in. */
export const ZPublicCall = ZCall.pick({
  id: true,
  programmeName: true,
  programmeKind: true,
  regionCode: true,
  year: true,
  title: true,
  directions: true,
  maxGrantFen: true,
  opensAt: true,
  closesAt: true,
  requiredAttachments: true,
  limitPerUnit: true,
  limitPerLeader: true,
  recommendation: true,
  eligibility: true,
  demand: true,
  window: true,
});
export const ZPublicCallQuery = z.strictObject({ region: ZRegionCode.optional() });
export const ZPublicCallList = z.array(ZPublicCall);
export type TPublicCall = z.infer<typeof ZPublicCall>;
