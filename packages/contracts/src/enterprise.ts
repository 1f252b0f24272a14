import { z } from 'zod';
import { isValidUscc } from './uscc.ts';

/*
 * Eligibility pre-assessment: the input is one enterprise's data for the relevant years, the
 * result lists every condition of every rule pack in force. Units:
 *  - money: integer 分 (`…Fen`), as everywhere in Kechuang (2亿元 = 20_000_000_000 分, a safe integer);
 *  - head counts: 全年月平均数 as decimal strings (`"12.5"`), because a monthly average is rarely whole;
 *  - dates: ISO `YYYY-MM-DD`; a fiscal year is the calendar year.
 * An absent optional field means "not known" and yields 'unknown', never 'unmet'.
 */

const maxFen = Number.MAX_SAFE_INTEGER;
/** Non-negative money in 分. */
export const ZFen = z.number().int().min(0).max(maxFen);
/** Money in 分 that may be negative (净资产). */
export const ZSignedFen = z.number().int().min(-maxFen).max(maxFen);
/** A non-negative decimal written as a string, e.g. "12.5" (at most 6 decimals). */
export const ZDecimalString = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, '请输入非负数，最多6位小数');
export const ZIsoDate = z.iso.date();

/** R&D expense categories (工作指引 研究开发费用归集, 8 categories); absent categories count as 0. */
export const ZRdExpense = z.object({
  personnelFen: ZFen.default(0).describe('人员人工费用'),
  directInputFen: ZFen.default(0).describe('直接投入费用'),
  depreciationFen: ZFen.default(0).describe('折旧费用与长期待摊费用'),
  amortisationFen: ZFen.default(0).describe('无形资产摊销费用'),
  designFen: ZFen.default(0).describe('设计费用'),
  trialFen: ZFen.default(0).describe('装备调试费用与试验费用'),
  outsourcedDomesticFen: ZFen.default(0).describe('委托境内外部研究开发费用（实际发生额，按80%计入）'),
  outsourcedForeignFen: ZFen.default(0).describe('委托境外研究开发费用（实际发生额，按80%计入）'),
  otherFen: ZFen.default(0).describe('其他费用（受20%上限约束）'),
  abroadFen: ZFen.default(0).describe('上述自行研发费用中在境外发生的部分'),
});
export type TRdExpense = z.infer<typeof ZRdExpense>;

const ZHeadcount = z.number().int().min(0).max(10_000_000);
/**
 * One month's head counts for the 全年月平均数 (工作指引 统计方法): 月平均数 = (月初数 + 月末数) ÷ 2.
 * Head counts are whole persons (在职、兼职、临时聘用人员).
 */
export const ZStaffMonth = z.strictObject({
  month: z.number().int().min(1).max(12),
  employeesStart: ZHeadcount.describe('职工总数 月初数'),
  employeesEnd: ZHeadcount.describe('职工总数 月末数'),
  techStaffStart: ZHeadcount.describe('科技人员数 月初数'),
  techStaffEnd: ZHeadcount.describe('科技人员数 月末数'),
});
export type TStaffMonth = z.infer<typeof ZStaffMonth>;

/**
 * The months of one fiscal year, in order and without gaps: all twelve, or the actual operating period of an
 * enterprise that opened or closed during the year (以其实际经营期作为一个纳税年度).
 */
export const ZStaffMonths = z
  .array(ZStaffMonth)
  .min(1)
  .max(12)
  .refine((ms) => ms.every((m, i) => i === 0 || m.month === (ms[i - 1] as TStaffMonth).month + 1), {
    message: '月份须按顺序连续填写（全年12个月，或年度中间开业/终止经营的实际经营月份）',
  });

/** One fiscal year of an enterprise's figures. */
export const ZEnterpriseYear = z.object({
  year: z.number().int().min(1990).max(2100),
  employeesAvg: ZDecimalString.optional().describe('职工总数（全年月平均数）; ignored when staffMonths is given'),
  techStaffAvg: ZDecimalString.optional().describe('科技人员数（全年月平均数）; ignored when staffMonths is given'),
  staffMonths: ZStaffMonths.optional().describe('逐月职工总数、科技人员数（月初数、月末数）; the averages are computed from them'),
  salesFen: ZFen.optional().describe('销售收入 = 主营业务收入 + 其他业务收入'),
  totalIncomeFen: ZFen.optional().describe('收入总额'),
  nonTaxableIncomeFen: ZFen.optional().describe('不征税收入'),
  hitechIncomeFen: ZFen.optional().describe('高新技术产品（服务）收入'),
  costExpenseFen: ZFen.optional().describe('成本费用支出总额（科技型中小企业研发投入指标方案二）'),
  totalAssetsFen: ZFen.optional().describe('资产总额（年末）'),
  netAssetsFen: ZSignedFen.optional().describe('净资产（年末，资产总额 − 负债总额）'),
  rdExpense: ZRdExpense.optional(),
  conversions: z.number().int().min(0).max(10_000).optional().describe('当年科技成果转化项数'),
});
export type TEnterpriseYear = z.infer<typeof ZEnterpriseYear>;

export const ipKinds = [
  'invention_patent',
  'defense_patent',
  'plant_variety',
  'crop_variety',
  'new_drug',
  'tcm_protected_first_grade',
  'ic_layout',
  'utility_model',
  'design_patent',
  'software_copyright',
  'other_class_ii',
  'trademark',
] as const;
/** 发明专利…集成电路布图设计 are Ⅰ类; 实用新型…软件著作权 Ⅱ类; 商标 never counts (工作指引 知识产权). */
export const ZIpKind = z.enum(ipKinds);
export type TIpKind = z.infer<typeof ZIpKind>;
export const ZIpAcquisition = z.enum(['own', 'transfer', 'gift', 'merger']);

/**
 * One intellectual-property item. Absent grantDate = 申请中 (not counted); absent expiryDate, domestic,
 * owned, usedInPriorHnte, coreToMainProduct, relatedToMainProduct = unknown (counted as "possibly");
 * disputed and claimedByCoOwner are exceptions that only exclude an item when true.
 */
export const ZIpItem = z.object({
  kind: ZIpKind,
  title: z.string().max(200).optional(),
  grantDate: ZIsoDate.optional().describe('授权（登记）日期; absent = 申请中, not counted'),
  expiryDate: ZIsoDate.optional().describe('保护期届满日期'),
  domestic: z.boolean().optional().describe('在中国境内授权'),
  owned: z.boolean().optional().describe('申请企业为权利人'),
  acquisition: ZIpAcquisition.optional(),
  usedInPriorHnte: z.boolean().optional().describe('已在以往高新技术企业认定中使用过'),
  coreToMainProduct: z.boolean().optional().describe('对主要产品（服务）在技术上发挥核心支持作用（专家判断）'),
  relatedToMainProduct: z.boolean().optional().describe('与主要产品（或服务）相关（科技型中小企业）'),
  disputed: z.boolean().optional().describe('存在争议或纠纷; absent = 无'),
  claimedByCoOwner: z.boolean().optional().describe('共有知识产权已由其他权利人使用; absent = 否（非共有或未被使用）'),
  // 高价值发明专利 criteria (国家知识产权局口径, domain-rules §4); absent = no
  filingDate: ZIsoDate.optional().describe('申请日 (专利维持年限自申请日起算)'),
  strategicEmergingIndustry: z.boolean().optional().describe('属于战略性新兴产业的发明专利'),
  overseasFamily: z.boolean().optional().describe('在海外有同族专利权'),
  pledgeFinancingFen: ZFen.optional().describe('质押融资金额（分）'),
  awards: z
    .array(z.enum(['national_st_award', 'china_patent_award']))
    .max(2)
    .optional()
    .describe('获国家科学技术奖 / 中国专利奖'),
});
export type TIpItem = z.infer<typeof ZIpItem>;

export const ZIncident = z.object({
  date: ZIsoDate,
  kind: z.enum(['safety', 'quality', 'environment', 'fraud', 'research_misconduct']),
  note: z.string().max(200).optional(),
});
export const ZCreditListing = z.object({
  list: z.enum(['abnormal_operations', 'serious_violation']),
  from: ZIsoDate,
  to: ZIsoDate.optional().describe('移出日期; absent = still listed'),
});

export const hitechDomains = [
  'electronic_information',
  'biomedicine',
  'aerospace',
  'new_materials',
  'hitech_services',
  'new_energy',
  'resources_environment',
  'advanced_manufacturing',
] as const;
export const ZHitechDomain = z.enum([...hitechDomains, 'outside']);
/** 研究开发组织管理 sub-item: in place (true), absent (false) or a self-assessed score. */
export const ZManagementItem = z.union([z.boolean(), z.number().int().min(0).max(6)]).optional();
export const ZJudgementBand = z.enum(['A', 'B', 'C', 'D', 'E']);

/** The assessment input: one enterprise, the years around the assessment date, its IP and records. */
export const ZAssessmentInput = z
  .object({
    uscc: z.string().trim().toUpperCase().refine(isValidUscc, { message: '统一社会信用代码校验失败' }).optional(),
    name: z.string().max(100).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    industryCode: z
      .string()
      .regex(/^[A-T](\d{2,4})?$/)
      .optional()
      .describe('GB/T 4754 门类字母 + 大类/中类/小类代码, e.g. "C39"'),
    registrationDate: ZIsoDate.optional(),
    residentEnterprise: z.boolean().optional().describe('在中国境内注册的居民企业'),
    auditBasedTax: z.boolean().optional().describe('会计核算健全、实行查账征收、能准确归集研发费用'),
    industryRestricted: z.boolean().optional().describe('属于《产业结构调整指导目录》限制类或淘汰类'),
    industryExcludedFromSuperDeduction: z.boolean().optional().describe('属于不适用研发费用加计扣除的行业'),
    mainProductDomain: ZHitechDomain.optional().describe('主要产品（服务）核心技术所属高新技术领域'),
    years: z.array(ZEnterpriseYear).max(20).default([]),
    ipItems: z.array(ZIpItem).max(2000).optional(),
    incidents: z.array(ZIncident).max(200).optional().describe('重大安全/质量事故、严重环境违法等; absent = unknown'),
    creditListings: z.array(ZCreditListing).max(200).optional().describe('经营异常名录 / 严重违法失信名单; absent = unknown'),
    techAdvancement: ZJudgementBand.optional().describe('技术的先进程度（自评档次）'),
    coreSupport: ZJudgementBand.optional().describe('核心支持作用（自评档次）'),
    standardsParticipated: z.boolean().optional().describe('参与编制国家标准、行业标准、检测方法、技术规范'),
    rdManagement: z
      .object({
        system: ZManagementItem.describe('研发组织管理制度、研发投入核算体系、研发费用辅助账（≤6分）'),
        institute: ZManagementItem.describe('内部研发机构及产学研合作（≤6分）'),
        conversionIncentives: ZManagementItem.describe('成果转化组织实施与激励奖励制度、开放式创新创业平台（≤4分）'),
        talent: ZManagementItem.describe('人才培养、引进与绩效评价奖励制度（≤4分）'),
      })
      .optional()
      .describe('研究开发组织管理水平: true = 已具备（估1分至满分）, false = 不具备, 整数 = 自评分'),
    hnteCertificate: z
      .object({ issueDate: ZIsoDate, number: z.string().max(40).optional() })
      .nullable()
      .optional()
      .describe('高新技术企业证书; null = 无, absent = unknown'),
    nationalAwards: z
      .array(z.object({ date: ZIsoDate, rank: z.number().int().min(1).max(100) }))
      .max(50)
      .optional(),
    provincialRdInstitution: z.boolean().optional().describe('拥有经认定的省部级以上研发机构'),
    standardsLed: z
      .array(
        z.object({
          date: ZIsoDate,
          level: z.enum(['international', 'national', 'industry', 'local', 'group']),
          rank: z.number().int().min(1).max(100).optional(),
        }),
      )
      .max(100)
      .optional(),
    rdOption: z.enum(['sales', 'cost']).optional().describe('科技型中小企业研发投入指标的选择; absent = 取较高分'),
    techSmeRevocations: z
      .array(z.object({ revokedOn: ZIsoDate, number: z.string().max(40).optional() }))
      .max(50)
      .optional()
      .describe('被撤销的科技型中小企业入库登记编号; absent = not stated (the condition is then not listed)'),
  })
  .meta({ id: 'AssessmentInput' });
export type TAssessmentInput = z.infer<typeof ZAssessmentInput>;
export type TAssessmentInputRaw = z.input<typeof ZAssessmentInput>;

export const ZAssessmentOptions = z.object({
  at: ZIsoDate.describe('申报（评价）日期; picks the rule pack in force'),
  packs: z.array(z.string()).optional().describe('restrict the candidate rule packs to these ids'),
});

// ── Result ─────────────────────────────────────────────────────────────────────────────────────────

export const ZConditionStatus = z.enum(['met', 'unmet', 'unknown']);
export type TConditionStatus = z.infer<typeof ZConditionStatus>;
/** A pre-assessment never decides: 'likely' / 'unlikely' / 'unknown' (never "认定通过"). */
export const ZOutcome = z.enum(['likely', 'unlikely', 'unknown']);
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZConditionResult = z.object({
  id: z.string(),
  label: z.string().describe('zh-CN'),
  status: ZConditionStatus,
  figures: z.record(z.string(), z.string()).describe('computed values as exact decimal strings'),
  threshold: z.string().describe('zh-CN, e.g. "≥ 10%"'),
  clause: z.string().describe('source clause, e.g. 国科发火〔2016〕32号 第十一条（四）'),
  hint: z.string().optional().describe('zh-CN: what would change the outcome'),
  needsReview: z.boolean().describe('rests on expert judgement or an unverified interpretation'),
});
export type TConditionResult = z.infer<typeof ZConditionResult>;

export const ZScoreItem = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  cap: z.number().int(),
  basis: z.string().describe('zh-CN: band and figures behind the range'),
  hint: z.string().optional().describe('zh-CN: what would lift the item into the next band'),
});
export type TScoreItem = z.infer<typeof ZScoreItem>;

export const ZScoreRange = z.object({ min: z.number().int(), max: z.number().int(), items: z.array(ZScoreItem) });
export type TScoreRange = z.infer<typeof ZScoreRange>;

export const ZPackAssessment = z.object({
  packId: z.string(),
  packName: z.string(),
  program: z.enum(['hnte', 'techSme']),
  outcome: ZOutcome,
  outcomeLabel: z.string().describe('zh-CN'),
  conditions: z.array(ZConditionResult),
  score: ZScoreRange.optional(),
  directRoutes: z.array(ZConditionResult).optional().describe('科技型中小企业 直接确认 routes'),
  notes: z.array(z.string()).describe('zh-CN: interpretations applied, items to re-check'),
});
export type TPackAssessment = z.infer<typeof ZPackAssessment>;

export const ZAssessmentResult = z.object({ at: ZIsoDate, assessments: z.array(ZPackAssessment) }).meta({ id: 'AssessmentResult' });
export type TAssessmentResult = z.infer<typeof ZAssessmentResult>;

// ── API ────────────────────────────────────────────────────────────────────────────────────────────

/** POST /api/enterprise/assess: a pre-assessment of the posted data; nothing is stored. */
export const ZAssessRequest = z.strictObject({
  input: ZAssessmentInput,
  at: ZIsoDate.optional().describe('申报（评价）日期; default today'),
  packs: z.array(z.string().max(40)).max(10).optional(),
});
export type TAssessRequest = z.infer<typeof ZAssessRequest>;

export const ZRulePackSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    program: z.enum(['hnte', 'techSme']),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    regionCode: z.string().nullable(),
    unverified: z.array(z.string()),
  })
  .meta({ id: 'RulePackSummary' });
