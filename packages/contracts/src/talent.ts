import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZPersonInput } from './person.ts';
import { ZRegionCode } from './region.ts';

// 科技人才与科技特派员: contracts shared by the server and the web app.

export const talentLevels = ['top', 'leading', 'high', 'young', 'other'] as const;
export const ZTalentLevel = z.enum(talentLevels).describe('top 顶尖, leading 领军, high 高层次, young 青年英才, other 其他');

const year = z.number().int().min(2000).max(2100);

export const ZTalentInput = z.strictObject({
  person: ZPersonInput,
  employerOrgId: z.number().int().positive().nullable().default(null),
  regionCode: ZRegionCode,
  field: z.string().trim().min(1).max(50).describe('领域'),
  level: ZTalentLevel,
  introducedOn: z.iso.date().nullable().default(null).describe('引进日期（引进人才；本地培育为空）'),
  introducedFrom: z.string().trim().max(100).nullable().default(null),
});
export type TTalentInput = z.infer<typeof ZTalentInput>;

export const ZTalent = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  employerName: z.string().nullable(),
  regionCode: z.string(),
  field: z.string(),
  level: ZTalentLevel,
  introducedOn: z.string().nullable(),
  introducedFrom: z.string().nullable(),
  /** last four of the identity number and the phone: only for the bureau's writers (identity data minimised) */
  idLast4: z.string().nullable(),
  phone: z.string().nullable(),
  programmes: z.array(z.object({ name: z.string(), year: z.number().int() })),
  awards: z.array(z.object({ name: z.string(), level: z.string(), year: z.number().int() })),
  version: z.number().int(),
});
export type TTalent = z.infer<typeof ZTalent>;

export const ZTalentQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  q: z.string().trim().max(50).optional(),
  level: ZTalentLevel.optional(),
  introducedYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TTalentQuery = z.infer<typeof ZTalentQuery>;
export const ZTalentPage = pageOf(ZTalent);

export const ZAwardInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  level: z.enum(['national', 'provincial', 'city', 'county']),
  year,
});

export const ZTalentProgrammeInput = z.strictObject({
  name: z.string().trim().min(2).max(100),
  regionCode: ZRegionCode,
  description: z.string().trim().max(500).default(''),
});
export const ZRoundInput = z.strictObject({ year, title: z.string().trim().min(2).max(100), quota: z.number().int().min(1).max(10_000) });
export const ZRoundNomination = z.strictObject({ talentId: z.number().int().positive() });
export const ZRoundDecision = z.strictObject({
  version: z.number().int().positive(),
  selected: z.array(z.number().int().positive()).max(10_000),
});

export const ZTalentProgramme = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  description: z.string(),
  rounds: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      title: z.string(),
      quota: z.number().int(),
      status: z.enum(['open', 'decided']),
      nominees: z.array(
        z.object({
          talentId: z.number().int(),
          name: z.string(),
          employerName: z.string().nullable(),
          field: z.string(),
          level: ZTalentLevel,
          selected: z.boolean().nullable(),
        }),
      ),
      version: z.number().int(),
    }),
  ),
});
export type TTalentProgramme = z.infer<typeof ZTalentProgramme>;

export const serviceTargetKinds = ['village', 'coop', 'enterprise'] as const;
export const ZServiceTargetKind = z.enum(serviceTargetKinds);
export const serviceKinds = ['guidance', 'training', 'demonstration', 'consulting', 'other'] as const;
export const ZServiceKind = z.enum(serviceKinds);
export const assessmentGrades = ['excellent', 'pass', 'basic', 'fail'] as const;
export const ZAssessmentGrade = z.enum(assessmentGrades).describe('优秀 / 合格 / 基本合格 / 不合格');

export const ZCommissionerInput = z.strictObject({
  talentId: z.number().int().positive(),
  year,
  regionCode: ZRegionCode.describe('派驻的县（市、区）'),
  userId: z.number().int().positive().nullable().default(null).describe('the account the 特派员 signs in with to log services'),
  username: z.string().trim().min(1).max(64).optional().describe('or the account by its username (an account of the region)'),
  teamId: z.number().int().positive().nullable().default(null),
});
export type TCommissionerInput = z.infer<typeof ZCommissionerInput>;
/** 调整选派: the team and the account; null clears them. */
export const ZCommissionerUpdate = z.strictObject({
  version: z.number().int().positive(),
  teamId: z.number().int().positive().nullable(),
  username: z.string().trim().min(1).max(64).nullable().describe("the 特派员's account by its username; null unlinks it"),
});
export type TCommissionerUpdate = z.infer<typeof ZCommissionerUpdate>;

export const ZTeamInput = z.strictObject({ name: z.string().trim().min(2).max(100), year, regionCode: ZRegionCode });
export const ZTargetInput = z.strictObject({
  kind: ZServiceTargetKind,
  name: z.string().trim().min(2).max(100),
  regionCode: ZRegionCode,
  villageCode: z
    .string()
    .regex(/^\d{12}$/, '村级统计用区划代码应为 12 位数字')
    .nullable()
    .default(null),
});
export const ZAssessment = z.strictObject({
  version: z.number().int().positive(),
  grade: ZAssessmentGrade,
  note: z.string().trim().max(500).default(''),
});

export const ZServiceTarget = z.object({
  id: z.number().int(),
  kind: ZServiceTargetKind,
  name: z.string(),
  regionCode: z.string(),
  villageCode: z.string().nullable(),
});
/** A 服务对象 in the bureau's list: with its 特派员 and how often it was served. */
export const ZServiceTargetRow = ZServiceTarget.extend({
  commissionerId: z.number().int(),
  commissionerName: z.string(),
  year: z.number().int(),
  servedLogs: z.number().int(),
});
export type TServiceTargetRow = z.infer<typeof ZServiceTargetRow>;
export const ZServiceTargetQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: ZServiceTargetKind.optional(),
  q: z.string().trim().max(50).optional().describe('名称或特派员姓名'),
});
export type TServiceTargetQuery = z.infer<typeof ZServiceTargetQuery>;
export const ZServiceTargetPage = pageOf(ZServiceTargetRow);
export const ZCommissioner = z.object({
  id: z.number().int(),
  talentId: z.number().int(),
  name: z.string(),
  employerName: z.string().nullable(),
  year: z.number().int(),
  regionCode: z.string(),
  teamName: z.string().nullable(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  teamId: z.number().int().nullable(),
  grade: ZAssessmentGrade.nullable(),
  assessmentNote: z.string().nullable(),
  logCount: z.number().int(),
  confirmedCount: z.number().int(),
  disputedCount: z.number().int(),
  targets: z.array(ZServiceTarget),
  version: z.number().int(),
});
export type TCommissioner = z.infer<typeof ZCommissioner>;
export const ZCommissionerQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
  teamId: z.coerce.number().int().positive().optional(),
  grade: z
    .enum([...assessmentGrades, 'none'])
    .optional()
    .describe('考核等次；none 为未考核'),
});
export type TCommissionerQuery = z.infer<typeof ZCommissionerQuery>;
export const ZCommissionerPage = pageOf(ZCommissioner);
export const ZTeam = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  members: z.number().int(),
});
export type TTeam = z.infer<typeof ZTeam>;

export const confirmStatuses = ['pending', 'confirmed', 'disputed'] as const;
export const ZConfirmStatus = z.enum(confirmStatuses).describe('待确认 / 已确认 / 有异议');

export const ZServiceLogInput = z.strictObject({
  targetId: z.number().int().positive(),
  servedOn: z.iso.date(),
  kind: ZServiceKind,
  content: z.string().trim().min(5).max(2000),
});
export const ZServiceLog = z.object({
  id: z.number().int(),
  commissionerId: z.number().int(),
  commissionerName: z.string(),
  targetName: z.string(),
  targetKind: ZServiceTargetKind,
  servedOn: z.string(),
  kind: ZServiceKind,
  content: z.string(),
  photos: z.number().int(),
  confirmStatus: ZConfirmStatus,
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmNote: z.string().nullable(),
  /** the token of the confirmation link the 服务对象 opens; shown only to the 特派员 who logged it */
  confirmToken: z.string().nullable(),
});
export type TServiceLog = z.infer<typeof ZServiceLog>;
export const ZServiceLogQuery = ZPageQuery.extend({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().optional(),
  status: ZConfirmStatus.optional(),
  commissionerId: z.coerce.number().int().positive().optional(),
});
export const ZServiceLogPage = pageOf(ZServiceLog);

/** The confirmation link's token: 24 random bytes, base64url (older logs carry 32 hex characters). */
export const ZConfirmToken = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, '确认链接无效'),
});
export const ZServiceConfirmation = z.strictObject({
  result: z.enum(['confirmed', 'disputed']),
  name: z.string().trim().min(1).max(50).describe('确认人（服务对象的联系人）'),
  note: z.string().trim().max(500).default('').describe('有异议时须说明'),
});
export type TServiceConfirmation = z.infer<typeof ZServiceConfirmation>;
/** What the confirmation page shows — the service only: no ids, no phone, nothing of other logs. */
export const ZServiceConfirmView = z.object({
  commissionerName: z.string(),
  targetName: z.string(),
  servedOn: z.string(),
  kind: ZServiceKind,
  content: z.string(),
  photos: z.number().int(),
  status: ZConfirmStatus,
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type TServiceConfirmView = z.infer<typeof ZServiceConfirmView>;

export const ZMyCommission = z.object({ commissioner: ZCommissioner, logs: z.array(ZServiceLog) }).nullable();

export const ZCommissionerCounts = z.object({
  year: z.number().int(),
  rows: z.array(z.object({ regionCode: z.string(), people: z.number().int(), services: z.number().int(), villages: z.number().int() })),
});
export type TCommissionerCounts = z.infer<typeof ZCommissionerCounts>;
