// 科研诚信记录（红黑名单）: contracts shared by the server and the web app.
import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from './common.ts';
import { ZIsoDate } from './enterprise.ts';
import { ZRegionCode } from './region.ts';

/*
 * Records on persons and organisations: the decision (文号, issuer, decision and incident dates), the misconduct
 * type of 《科研失信行为调查处理规则》(国科发监〔2022〕221号), severity, measures, the activities a ban covers and
 * its period (or 永久), the list (红名单 / 黑名单 / 重点关注), appeal and status. The rule pack (令第19号 before
 * 2026-03-20, 令第24号 from then) is chosen by the incident date. No identity number is ever part of a record.
 */

export const integrityListKinds = ['black', 'red', 'watch'] as const;
export const ZIntegrityListKind = z.enum(integrityListKinds);
export type TIntegrityListKind = z.infer<typeof ZIntegrityListKind>;

export const integrityStatuses = ['draft', 'confirmed', 'published', 'revoked', 'expired'] as const;
export const ZIntegrityStatus = z.enum(integrityStatuses);
export type TIntegrityStatus = z.infer<typeof ZIntegrityStatus>;

export const integritySeverities = ['minor', 'serious', 'severe', 'extreme'] as const;
export const ZIntegritySeverity = z.enum(integritySeverities);

export const integrityAppealStatuses = ['none', 'pending', 'upheld', 'rejected'] as const;
export const ZIntegrityAppealStatus = z.enum(integrityAppealStatuses);

/** The activities a ban covers (申报, 承担, 评审, 高企认定, 奖励, 创新券, 平台认定). */
export const integrityActivities = ['apply', 'undertake', 'review', 'hnte', 'award', 'voucher', 'platform'] as const;
export const ZIntegrityActivity = z.enum(integrityActivities);
export type TIntegrityActivity = z.infer<typeof ZIntegrityActivity>;

/** The eight kinds of 科研失信行为 of 国科发监〔2022〕221号 第二条 (①–⑧). */
export const integrityMisconductTypes = [
  'plagiarism',
  'fabrication',
  'ghostwriting',
  'improper_means',
  'ethics_fraud',
  'authorship',
  'publication',
  'other',
] as const;
export const ZIntegrityMisconductType = z.enum(integrityMisconductTypes);

export const integrityMeasures = [
  'admonition',
  'warning',
  'rectify',
  'criticism',
  'suspend',
  'terminate',
  'recover_funds',
  'revoke_award',
  'ban',
  'serious_db',
] as const;
export const ZIntegrityMeasure = z.enum(integrityMeasures);

export const ZIntegritySubjectKind = z.enum(['person', 'org']);

const text = (max: number) => z.string().trim().max(max);

/**
 * A draft needs only its subject and list; the rest is required when the record is confirmed. The person is
 * named by the record id (looked up by name or identity number via /api/integrity/subjects).
 */
export const ZIntegrityRecordInput = z.strictObject({
  subjectKind: ZIntegritySubjectKind,
  personId: ZId.optional(),
  orgId: ZId.optional(),
  subjectName: text(100).min(1).optional().describe('default: the name in the person or organisation record'),
  subjectUnit: text(100).nullable().optional().describe('工作单位 as the decision states it (persons)'),
  listKind: ZIntegrityListKind,
  regionCode: ZRegionCode.optional().describe("the deciding bureau's region; default the actor's"),
  misconductType: ZIntegrityMisconductType.nullable().optional(),
  severity: ZIntegritySeverity.nullable().optional(),
  measures: z.array(ZIntegrityMeasure).max(10).default([]),
  banScope: z.array(ZIntegrityActivity).max(7).default([]),
  periodStart: ZIsoDate.nullable().optional(),
  periodEnd: ZIsoDate.nullable().optional(),
  periodYears: z.number().int().min(1).max(50).nullable().optional().describe('years from the start; the end is computed'),
  permanent: z.boolean().default(false),
  docNo: text(80).nullable().optional().describe('处理决定文号'),
  issuer: text(100).nullable().optional(),
  decidedOn: ZIsoDate.nullable().optional(),
  occurredOn: ZIsoDate.nullable().optional().describe('the incident date: picks the rule pack'),
  summary: text(2000).default(''),
  sourceEventId: ZId.optional().describe('the project event (failed acceptance, 撤销) the record follows from'),
});
export type TIntegrityRecordInput = z.input<typeof ZIntegrityRecordInput>;
export type TIntegrityRecordInputParsed = z.infer<typeof ZIntegrityRecordInput>;

export const ZIntegrityRecordUpdate = ZIntegrityRecordInput.omit({ sourceEventId: true }).extend({ version: z.number().int().min(1) });
export type TIntegrityRecordUpdate = z.input<typeof ZIntegrityRecordUpdate>;

export const ZIntegrityRevokeInput = z.strictObject({ version: z.number().int().min(1), reason: text(500).min(2) });
export const ZIntegrityAppealInput = z.strictObject({
  version: z.number().int().min(1),
  appealStatus: ZIntegrityAppealStatus,
  note: text(1000).default(''),
});

export const ZIntegrityRecord = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    subjectKind: ZIntegritySubjectKind,
    personId: z.number().int().nullable(),
    orgId: z.number().int().nullable(),
    subjectName: z.string(),
    subjectUnit: z.string().nullable(),
    /** last four characters of the person's identity number (for telling namesakes apart), never more */
    idLast4: z.string().nullable(),
    uscc: z.string().nullable(),
    listKind: ZIntegrityListKind,
    packId: z.string().nullable(),
    packName: z.string().nullable(),
    misconductType: ZIntegrityMisconductType.nullable(),
    severity: ZIntegritySeverity.nullable(),
    measures: z.array(ZIntegrityMeasure),
    banScope: z.array(ZIntegrityActivity),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    periodYears: z.number().int().nullable(),
    permanent: z.boolean(),
    docNo: z.string().nullable(),
    issuer: z.string().nullable(),
    decidedOn: z.string().nullable(),
    occurredOn: z.string().nullable(),
    summary: z.string(),
    appealStatus: ZIntegrityAppealStatus,
    appealNote: z.string(),
    /** stored status, with 'expired' when a confirmed or published record's period has ended */
    status: ZIntegrityStatus,
    revokeReason: z.string().nullable(),
    sourceEventId: z.number().int().nullable(),
    sourceProjectId: z.number().int().nullable(),
    /** zh-CN notes from the rule pack: periods outside its guide, unverified points */
    warnings: z.array(z.string()),
    confirmedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'IntegrityRecord' });
export type TIntegrityRecord = z.infer<typeof ZIntegrityRecord>;

export const ZIntegrityListQuery = ZPageQuery.extend({
  listKind: ZIntegrityListKind.optional(),
  status: ZIntegrityStatus.optional(),
  subjectKind: ZIntegritySubjectKind.optional(),
  q: text(100).optional().describe('name, unit or 文号'),
});
export type TIntegrityListQuery = z.infer<typeof ZIntegrityListQuery>;
export const ZIntegrityExportQuery = ZIntegrityListQuery.omit({ page: true, pageSize: true });
export const ZIntegrityPage = pageOf(ZIntegrityRecord);
export type TIntegrityPage = z.infer<typeof ZIntegrityPage>;

/** What the public 红黑名单 page shows: published records, never an identity number or an internal id. */
export const ZPublicIntegrityRecord = z
  .object({
    key: z.string().describe('an opaque row key'),
    listKind: z.enum(['black', 'red']),
    subjectKind: ZIntegritySubjectKind,
    name: z.string(),
    unit: z.string().nullable(),
    misconductType: ZIntegrityMisconductType.nullable(),
    measures: z.array(ZIntegrityMeasure),
    banScope: z.array(ZIntegrityActivity),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    permanent: z.boolean(),
    docNo: z.string().nullable(),
    issuer: z.string().nullable(),
    decidedOn: z.string().nullable(),
    /** the basis of a 红名单 entry; empty for 黑名单 */
    basis: z.string(),
  })
  .meta({ id: 'PublicIntegrityRecord' });
export type TPublicIntegrityRecord = z.infer<typeof ZPublicIntegrityRecord>;
export const ZPublicIntegrityQuery = ZPageQuery.extend({
  listKind: z.enum(['black', 'red']).default('black'),
  q: text(100).optional(),
});
export const ZPublicIntegrityPage = pageOf(ZPublicIntegrityRecord);
export type TPublicIntegrityPage = z.infer<typeof ZPublicIntegrityPage>;

/** A failed acceptance or a 撤销 the bureau may turn into a record: the project, its unit and leader. */
export const ZIntegritySuggestion = z
  .object({
    eventId: z.number().int(),
    kind: z.string().describe('acceptance.failed or revoke'),
    at: z.string(),
    reason: z.string().nullable(),
    projectId: z.number().int(),
    projectNo: z.string(),
    projectTitle: z.string(),
    regionCode: z.string(),
    orgId: z.number().int().nullable(),
    orgName: z.string(),
    leaderPersonId: z.number().int().nullable(),
    leaderName: z.string(),
    leaderUnit: z.string().nullable(),
    /** records already made from it (by subject) */
    records: z.array(z.object({ id: z.number().int(), subjectKind: ZIntegritySubjectKind, status: ZIntegrityStatus })),
  })
  .meta({ id: 'IntegritySuggestion' });
export type TIntegritySuggestion = z.infer<typeof ZIntegritySuggestion>;
export const ZIntegritySuggestionList = z.array(ZIntegritySuggestion);
export const ZIntegrityDismissInput = z.strictObject({ reason: text(500).min(2) });
export const ZIntegrityEventParams = z.strictObject({ eventId: ZId });

export const ZIntegritySubjectQuery = z.strictObject({
  kind: ZIntegritySubjectKind,
  q: text(100).min(1).describe('name, or a full identity number (matched by its keyed hash) / 统一社会信用代码'),
});
export const ZIntegritySubject = z.object({
  kind: ZIntegritySubjectKind,
  id: z.number().int(),
  name: z.string(),
  unit: z.string().nullable(),
  idLast4: z.string().nullable(),
  uscc: z.string().nullable(),
});
export type TIntegritySubject = z.infer<typeof ZIntegritySubject>;
export const ZIntegritySubjectList = z.array(ZIntegritySubject);

export const ZIntegrityCheckQuery = z.strictObject({
  kind: ZIntegritySubjectKind,
  id: ZId,
  activity: ZIntegrityActivity,
  on: ZIsoDate.optional().describe('default: today (bureau date)'),
});
export const ZIntegrityCheckResult = z.object({
  barred: z.boolean(),
  reason: z.string().nullable(),
  recordId: z.number().int().nullable(),
});

const ZPackItem = z.object({ code: z.string(), zh: z.string(), clause: z.string() });
export const ZIntegrityPack = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    misconductTypes: z.array(ZPackItem),
    measures: z.array(ZPackItem.extend({ bans: z.boolean() })),
    periodGuides: z.array(
      z.object({
        severity: ZIntegritySeverity,
        minYears: z.number().int().nullable(),
        maxYears: z.number().int().nullable(),
        permanentAllowed: z.boolean(),
        verified: z.boolean(),
        clause: z.string(),
      }),
    ),
    unverified: z.array(z.string()),
  })
  .meta({ id: 'IntegrityPack' });
export type TIntegrityPack = z.infer<typeof ZIntegrityPack>;
export const ZIntegrityPackList = z.array(ZIntegrityPack);
