import { z } from 'zod';
import { pageOf, ZPageQuery } from './common.ts';
import { ZFen } from './enterprise.ts';
import { ZPersonInput, ZPersonView } from './person.ts';
import { ZRegionCode } from './region.ts';

/*
 * The technology market beyond contract registration: 科技成果登记 (achievements), the four lists (四张清单:
 * 成果清单, 共性技术需求清单, 技术需求清单, 融资需求清单), matchmaking with the reasons shown, 对接会 events followed
 * to registered contracts, and 技术经理人 / 技术转移机构. Money in integer 分. Glossary: achievement 科技成果,
 * listing 清单条目, event 对接会, pair 对接（一对供需）, intention 意向, broker 技术经理人, agency 技术转移机构.
 */

/** 技术领域 of the 技术合同登记 statistics (the eleven fields of the national registration form). */
export const techFieldCodes = [
  'electronic_information',
  'aerospace',
  'advanced_manufacturing',
  'biomedicine',
  'new_materials',
  'new_energy',
  'environment',
  'nuclear',
  'agriculture',
  'modern_transport',
  'urban_social',
] as const;
export const ZTechFieldCode = z.enum(techFieldCodes);
export type TTechFieldCode = z.infer<typeof ZTechFieldCode>;
export const techFieldZh: Record<TTechFieldCode, string> = {
  electronic_information: '电子信息',
  aerospace: '航空航天',
  advanced_manufacturing: '先进制造',
  biomedicine: '生物、医药和医疗器械',
  new_materials: '新材料及其应用',
  new_energy: '新能源与高效节能',
  environment: '环境保护与资源综合利用',
  nuclear: '核应用技术',
  agriculture: '农业',
  modern_transport: '现代交通',
  urban_social: '城市建设与社会发展',
};

// ─── 科技成果登记 ────────────────────────────────────────────────────────────────────────────────

/** 科技成果登记办法: 应用技术成果 / 基础理论成果 / 软科学成果. */
export const achievementKinds = ['applied_technology', 'basic_theory', 'soft_science'] as const;
export const ZAchievementKind = z.enum(achievementKinds);
/** 成熟度: 实验室 → 小试 → 中试 → 小批量 → 产业化 (shown beside the TRL 1–9). */
export const maturityStages = ['lab', 'pilot_small', 'pilot', 'small_batch', 'industrialised'] as const;
export const ZMaturityStage = z.enum(maturityStages);
export const achievementIpKinds = [
  'invention_patent',
  'utility_model',
  'design_patent',
  'software_copyright',
  'ic_layout',
  'plant_variety',
  'trade_secret',
  'none',
] as const;
export const ZAchievementIpKind = z.enum(achievementIpKinds);
export const achievementStatuses = ['draft', 'submitted', 'returned', 'registered'] as const;
export const ZAchievementStatus = z.enum(achievementStatuses);

const keywords = z.array(z.string().trim().min(1).max(20)).max(10).default([]);

export const ZAchievementInput = z.strictObject({
  /** the owning unit; default: the actor's own (the bureau may register for a unit of its region) */
  ownerOrgId: z.number().int().positive().optional(),
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().min(10).max(4000),
  kind: ZAchievementKind,
  fieldCode: ZTechFieldCode,
  keywords,
  trl: z.number().int().min(1).max(9).nullable().default(null).describe('技术就绪度 TRL 1–9'),
  maturity: ZMaturityStage,
  ipKind: ZAchievementIpKind,
  ipNumbers: z.array(z.string().trim().min(1).max(40)).max(20).default([]).describe('专利号 / 登记号'),
  /** the project (项目库) that produced it, when there is one */
  projectId: z.number().int().positive().nullable().default(null),
  completedOn: z.iso.date().nullable().default(null),
});
export type TAchievementInput = z.infer<typeof ZAchievementInput>;

export const ZAchievement = z
  .object({
    id: z.number().int(),
    ownerOrgId: z.number().int(),
    ownerOrgName: z.string(),
    regionCode: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: ZAchievementKind,
    fieldCode: ZTechFieldCode,
    keywords: z.array(z.string()),
    trl: z.number().int().nullable(),
    maturity: ZMaturityStage,
    ipKind: ZAchievementIpKind,
    ipNumbers: z.array(z.string()),
    projectId: z.number().int().nullable(),
    projectNo: z.string().nullable(),
    projectTitle: z.string().nullable(),
    completedOn: z.string().nullable(),
    status: ZAchievementStatus,
    registrationNo: z.string().nullable(),
    registeredOn: z.string().nullable(),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'TechAchievement' });
export type TAchievement = z.infer<typeof ZAchievement>;

export const ZAchievementListQuery = ZPageQuery.extend({
  status: ZAchievementStatus.optional(),
  field: ZTechFieldCode.optional(),
  region: ZRegionCode.optional(),
  q: z.string().trim().max(50).optional(),
});
export const ZAchievementPage = pageOf(ZAchievement);
export const ZMarketVersioned = z.strictObject({ version: z.number().int().positive() });
export const ZMarketReturn = z.strictObject({ version: z.number().int().positive(), note: z.string().trim().min(2).max(500) });

// ─── 四张清单 ──────────────────────────────────────────────────────────────────────────────────

/** 成果清单, 共性技术需求清单, 技术需求清单, 融资需求清单. */
export const listingKinds = ['achievement', 'common_demand', 'demand', 'financing'] as const;
export const ZListingKind = z.enum(listingKinds);
export type TListingKind = z.infer<typeof ZListingKind>;
export const listingStatuses = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export const ZListingStatus = z.enum(listingStatuses);

export const ZListingInput = z.strictObject({
  kind: ZListingKind,
  /** the unit that brings the entry; default: the actor's own (the bureau may enter one for a unit of its region) */
  ownerOrgId: z.number().int().positive().optional(),
  title: z.string().trim().min(4).max(200),
  description: z.string().trim().min(10).max(4000),
  fieldCode: ZTechFieldCode,
  /** where the need is (or the achievement is offered); default: the owner's region */
  regionCode: ZRegionCode.optional(),
  keywords,
  /** 成果清单: the registered achievement it offers */
  achievementId: z.number().int().positive().nullable().default(null),
  /** 技术需求: the budget the owner names; 融资需求: the amount sought */
  amountFen: ZFen.nullable().default(null),
  /** 成果清单: the TRL of what is offered */
  trl: z.number().int().min(1).max(9).nullable().default(null),
  contact: z.string().trim().max(100).default(''),
  validUntil: z.iso.date().nullable().default(null),
});
export type TListingInput = z.infer<typeof ZListingInput>;

export const ZListing = z
  .object({
    id: z.number().int(),
    kind: ZListingKind,
    ownerOrgId: z.number().int(),
    ownerOrgName: z.string(),
    /** the owner unit's kind: enterprise / institute / bureau … */
    ownerKind: z.string(),
    regionCode: z.string(),
    title: z.string(),
    description: z.string(),
    fieldCode: ZTechFieldCode,
    keywords: z.array(z.string()),
    achievementId: z.number().int().nullable(),
    amountFen: z.number().int().nullable(),
    trl: z.number().int().nullable(),
    contact: z.string(),
    validUntil: z.string().nullable(),
    status: ZListingStatus,
    publishedAt: z.string().nullable(),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MarketListing' });
export type TListing = z.infer<typeof ZListing>;

export const ZListingListQuery = ZPageQuery.extend({
  kind: ZListingKind.optional(),
  status: ZListingStatus.optional(),
  field: ZTechFieldCode.optional(),
  region: ZRegionCode.optional(),
  q: z.string().trim().max(50).optional(),
});
export const ZListingPage = pageOf(ZListing);

/** What the public sees of a published entry (no contact person's phone beyond what the owner typed). */
export const ZPublicListing = ZListing.omit({ note: true, version: true, status: true }).meta({ id: 'PublicMarketListing' });
export type TPublicListing = z.infer<typeof ZPublicListing>;

/**
 * The public search: words are segmented with jieba, so 「锂电池回收」 finds 「废旧锂电池梯次利用与回收」;
 * Latin letters search the pinyin initials of titles (gjd → 高精度…); field and region filters.
 */
export const ZPublicSearchQuery = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: ZListingKind.optional(),
  field: ZTechFieldCode.optional(),
  region: ZRegionCode.optional().describe('the region and its subtree'),
});
export const ZPublicSearchPage = pageOf(
  ZPublicListing.extend({
    /** the query's words that this entry holds (for highlighting) */
    matchedTerms: z.array(z.string()),
  }),
).extend({ terms: z.array(z.string()).describe('the query as segmented') });
export type TPublicSearchPage = z.infer<typeof ZPublicSearchPage>;

// ─── 供需匹配 ──────────────────────────────────────────────────────────────────────────────────

export const ZMarketMatchReason = z.object({
  sharedTerms: z.array(z.string()).describe('key terms both texts hold, most telling first'),
  sameField: z.boolean(),
  fieldCode: ZTechFieldCode.nullable(),
  /** how near the two are: same county, same city, same province, or farther (null) */
  region: z.enum(['county', 'city', 'province']).nullable(),
});
export type TMarketMatchReason = z.infer<typeof ZMarketMatchReason>;

export const ZListingMatch = z.object({
  listing: ZPublicListing,
  score: z.number(),
  reason: ZMarketMatchReason,
});
export const ZExpertMatch = z.object({
  expertId: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  employer: z.string().nullable(),
  regionCode: z.string(),
  score: z.number(),
  reason: ZMarketMatchReason,
});
export const ZMarketMatchQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const ZMarketMatches = z.object({
  listingId: z.number().int(),
  /** a demand gets achievements and experts; an achievement gets demands */
  direction: z.enum(['demand_to_supply', 'supply_to_demand']),
  method: z.string().describe('the ranking method, as chosen by the labelled-set benchmark'),
  listings: z.array(ZListingMatch),
  /** empty when the expert pool is not available */
  experts: z.array(ZExpertMatch),
});
export type TMarketMatches = z.infer<typeof ZMarketMatches>;

// ─── 对接会 ───────────────────────────────────────────────────────────────────────────────────

export const ZMarketEventInput = z.strictObject({
  name: z.string().trim().min(4).max(200),
  heldOn: z.iso.date(),
  regionCode: ZRegionCode,
  venue: z.string().trim().max(200).default(''),
  theme: z.string().trim().max(500).default(''),
});
export type TMarketEventInput = z.infer<typeof ZMarketEventInput>;

export const marketParticipantRoles = ['demand', 'supply', 'expert', 'agency', 'investor', 'other'] as const;
export const ZMarketParticipantInput = z.strictObject({
  /** a unit known to the system, or only its name */
  orgId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(2).max(100).optional(),
  role: z.enum(marketParticipantRoles),
});
export const ZMarketParticipant = z.object({
  id: z.number().int(),
  orgId: z.number().int().nullable(),
  name: z.string(),
  role: z.enum(marketParticipantRoles),
});
export type TMarketParticipant = z.infer<typeof ZMarketParticipant>;

export const marketPairStatuses = ['introduced', 'intention', 'contracted', 'dropped'] as const;
export const ZMarketPairStatus = z.enum(marketPairStatuses);
export const ZMarketPairInput = z.strictObject({
  /** a published demand (技术需求 / 共性技术需求 / 融资需求) */
  demandListingId: z.number().int().positive(),
  /** a published 成果清单 entry, when the supply side offers one */
  supplyListingId: z.number().int().positive().nullable().default(null),
  /** the supplying unit (default: the owner of the supply entry) */
  supplierOrgId: z.number().int().positive().nullable().default(null),
  supplierName: z.string().trim().min(2).max(100).optional(),
  note: z.string().trim().max(500).default(''),
});
export const ZMarketPair = z
  .object({
    id: z.number().int(),
    eventId: z.number().int(),
    demandListingId: z.number().int(),
    demandTitle: z.string(),
    supplyListingId: z.number().int().nullable(),
    supplyTitle: z.string().nullable(),
    supplierOrgId: z.number().int().nullable(),
    supplierName: z.string(),
    status: ZMarketPairStatus,
    introducedOn: z.string(),
    intentionOn: z.string().nullable(),
    intentionAmountFen: z.number().int().nullable(),
    contractId: z.number().int().nullable(),
    contractName: z.string().nullable(),
    contractRegistrationNo: z.string().nullable(),
    contractAmountFen: z.number().int().nullable(),
    contractRegisteredOn: z.string().nullable(),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MarketPair' });
export type TMarketPair = z.infer<typeof ZMarketPair>;
export const ZMarketIntentionInput = z.strictObject({
  version: z.number().int().positive(),
  signedOn: z.iso.date(),
  amountFen: ZFen.nullable().default(null),
  note: z.string().trim().max(500).default(''),
});
export const ZMarketPairContractInput = z.strictObject({
  version: z.number().int().positive(),
  /** a technology contract in the registry; it counts in the funnel once registered */
  contractId: z.number().int().positive(),
});

/** demands → introductions → intentions → contracts → 成交额. */
export const ZMarketFunnel = z.object({
  demands: z.number().int(),
  introductions: z.number().int(),
  intentions: z.number().int(),
  contracts: z.number().int(),
  contractAmountFen: z.number().int(),
});
export type TMarketFunnel = z.infer<typeof ZMarketFunnel>;

export const ZMarketEvent = z
  .object({
    id: z.number().int(),
    name: z.string(),
    heldOn: z.string(),
    regionCode: z.string(),
    venue: z.string(),
    theme: z.string(),
    organiserOrgId: z.number().int(),
    organiserName: z.string(),
    funnel: ZMarketFunnel,
    version: z.number().int(),
  })
  .meta({ id: 'MarketEvent' });
export type TMarketEvent = z.infer<typeof ZMarketEvent>;
export const ZMarketEventDetail = z.object({ event: ZMarketEvent, participants: z.array(ZMarketParticipant), pairs: z.array(ZMarketPair) });
export const ZMarketEventListQuery = ZPageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  region: ZRegionCode.optional(),
});
export const ZMarketEventPage = pageOf(ZMarketEvent);

export const ZMarketFunnelQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), region: ZRegionCode.optional() });
export const ZMarketFunnelReport = z.object({
  region: z.string(),
  year: z.number().int(),
  /** demands published in the year; pairs introduced, intentions signed and contracts registered in it */
  total: ZMarketFunnel,
  events: z.array(z.object({ eventId: z.number().int(), name: z.string(), heldOn: z.string(), funnel: ZMarketFunnel })),
});
export type TMarketFunnelReport = z.infer<typeof ZMarketFunnelReport>;

// ─── 技术转移机构与技术经理人 ───────────────────────────────────────────────────────────────────

export const agencyLevels = ['national', 'provincial', 'municipal', 'none'] as const;
export const ZAgencyInput = z.strictObject({
  orgId: z.number().int().positive(),
  /** 国家技术转移示范机构 / 省级 / 市级 recognition */
  level: z.enum(agencyLevels).default('none'),
  recognisedOn: z.iso.date().nullable().default(null),
  services: z.string().trim().max(500).default(''),
});
export const ZAgency = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    name: z.string(),
    regionCode: z.string(),
    level: z.enum(agencyLevels),
    recognisedOn: z.string().nullable(),
    services: z.string(),
    brokers: z.number().int(),
  })
  .meta({ id: 'TechTransferAgency' });
export type TAgency = z.infer<typeof ZAgency>;

export const brokerLevels = ['junior', 'intermediate', 'senior'] as const;
export const ZBrokerInput = z.strictObject({
  person: ZPersonInput,
  /** the agency the broker works for, if any */
  agencyId: z.number().int().positive().nullable().default(null),
  regionCode: ZRegionCode,
});
export const ZBrokerTrainingInput = z.strictObject({
  course: z.string().trim().min(2).max(200),
  provider: z.string().trim().min(2).max(100),
  hours: z.number().int().min(1).max(2000),
  completedOn: z.iso.date(),
});
export const ZBrokerCertificateInput = z.strictObject({
  certificateNo: z.string().trim().min(2).max(60),
  level: z.enum(brokerLevels),
  issuedBy: z.string().trim().min(2).max(100),
  issuedOn: z.iso.date(),
  validUntil: z.iso.date().nullable().default(null),
});
export const ZBrokerTraining = ZBrokerTrainingInput.extend({ id: z.number().int() });
export const ZBrokerCertificate = ZBrokerCertificateInput.extend({ id: z.number().int(), validUntil: z.string().nullable() });
export const ZBroker = z
  .object({
    id: z.number().int(),
    person: ZPersonView,
    agencyId: z.number().int().nullable(),
    agencyName: z.string().nullable(),
    regionCode: z.string(),
    trainings: z.array(ZBrokerTraining),
    certificates: z.array(ZBrokerCertificate),
    /** registered contracts credited to the broker (技术中介) */
    contracts: z.number().int(),
  })
  .meta({ id: 'TechBroker' });
export type TBroker = z.infer<typeof ZBroker>;
export const ZBrokerListQuery = ZPageQuery.extend({
  agencyId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
});
export const ZBrokerPage = pageOf(ZBroker);

/** 技术中介: the agency and/or broker that brought the parties together, credited with the contract. */
export const ZContractBrokerInput = z.strictObject({
  agencyId: z.number().int().positive().nullable().default(null),
  brokerId: z.number().int().positive().nullable().default(null),
  feeFen: ZFen.nullable().default(null),
});
export const ZContractBroker = z.object({
  contractId: z.number().int(),
  agencyId: z.number().int().nullable(),
  agencyName: z.string().nullable(),
  brokerId: z.number().int().nullable(),
  brokerName: z.string().nullable(),
  feeFen: z.number().int().nullable(),
});

export const ZAgencyFiguresQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), region: ZRegionCode.optional() });
export const ZAgencyFigures = z.object({
  year: z.number().int(),
  region: z.string(),
  rows: z.array(
    z.object({
      agencyId: z.number().int(),
      name: z.string(),
      brokers: z.number().int(),
      trainedBrokers: z.number().int().describe('brokers with a training completed in the year'),
      certifiedBrokers: z.number().int().describe('brokers holding a certificate valid in the year'),
      contracts: z.number().int().describe('registered contracts brokered in the year'),
      contractAmountFen: z.number().int(),
      technicalAmountFen: z.number().int(),
      feeFen: z.number().int(),
    }),
  ),
});
export type TAgencyFigures = z.infer<typeof ZAgencyFigures>;

// ─── 规则包开关与统计立方 ───────────────────────────────────────────────────────────────────────

export const ZRulePackSwitch = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  enabledByDefault: z.boolean(),
  /** on for the actor's region (a switch of a region covers its subtree) */
  enabled: z.boolean(),
  /** the region whose bureau switched it, when switched */
  switchedBy: z.string().nullable(),
});
export const ZRulePackSwitchInput = z.strictObject({ enabled: z.boolean(), region: ZRegionCode.optional() });
export const ZRulePackParams = z.strictObject({ packId: z.string().min(3).max(60) });

export const ZStatsCubeQuery = z.strictObject({
  region: ZRegionCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  direction: z.enum(['output', 'absorption']).default('output'),
});
export const ZStatsCube = z.object({
  region: z.string(),
  year: z.number().int(),
  direction: z.enum(['output', 'absorption']),
  /** one row per (region of the counted side — a province's cities, a city's counties —, contract type, month) */
  rows: z.array(
    z.object({
      regionCode: z.string(),
      type: z.string(),
      month: z.string(),
      count: z.number().int(),
      contractAmountFen: z.number().int(),
      technicalAmountFen: z.number().int(),
    }),
  ),
});
export type TStatsCube = z.infer<typeof ZStatsCube>;
