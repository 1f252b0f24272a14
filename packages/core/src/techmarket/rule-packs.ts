/**
 * Technology-contract recognition rules as versioned packs (docs: ../shared/docs/domain-rules.md §3). A
 * contract is recognised under the pack in force on the day its application is accepted; the 2024 draft is
 * a pack that is off unless a bureau switches it on.
 */
export type ContractType = 'development' | 'transfer' | 'license' | 'consulting' | 'service';

/** What the contract is about, independent of how a pack files it. */
export type SubjectMatter =
  | 'commissioned_development'
  | 'cooperative_development'
  | 'patent_transfer'
  | 'patent_application_transfer'
  | 'patent_license'
  | 'trade_secret_transfer'
  | 'trade_secret_license'
  | 'other_ip_transfer'
  | 'other_ip_license'
  | 'technology_as_equity'
  | 'consulting'
  | 'technical_service'
  | 'technical_training'
  | 'technical_brokerage';

export interface RefusalReason {
  code: string;
  zh: string;
  /** where the reason stands */
  clause: string;
  /** refusal at the door (不予受理) or after examination (不予登记) */
  stage: 'not_accepted' | 'not_registered';
}

export interface DeadlineRule {
  /** 'calendar': N days; 'working': N working days on the Chinese calendar */
  kind: 'calendar' | 'working';
  days: number;
  /** a large contract (技术交易额 at or above this, in 分) or a disputed one gets `largeDays` */
  largeAmountFen?: bigint;
  largeDays?: number;
  clause: string;
}

export interface ContractRulePack {
  id: string;
  name: string;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** a draft pack is off unless switched on */
  enabledByDefault: boolean;
  /** how each subject matter is filed: type and the subtype label */
  filing: Record<SubjectMatter, { type: ContractType; subtype: string }>;
  deadline: DeadlineRule;
  refusals: RefusalReason[];
  /** 技术成果载体的合理数量: complete sets of technical equipment or test rigs counted as carriers */
  carrierEquipmentSets: number;
}

const common2001Refusals: RefusalReason[] = [
  { code: 'oral_contract', zh: '口头形式订立的技术合同', clause: '国科发政字〔2000〕063号 第九条', stage: 'not_accepted' },
  { code: 'foreign_without_chinese', zh: '外文合同未附中文文本', clause: '登记机构办事指南', stage: 'not_accepted' },
  { code: 'invalid_or_not_in_force', zh: '无效合同或未生效的合同', clause: '火炬中心 2021-01-13 答问 第1项', stage: 'not_registered' },
  {
    code: 'not_technology_contract',
    zh: '非技术合同',
    clause: '火炬中心 2021-01-13 答问 第2项；国科发政字〔2001〕253号 第五条',
    stage: 'not_registered',
  },
  {
    code: 'terms_unclear',
    zh: '合同主体、技术标的、价款、报酬以及使用费约定不明确',
    clause: '火炬中心 2021-01-13 答问 第3项',
    stage: 'not_registered',
  },
  {
    code: 'approval_missing',
    zh: '国家规定需要有关部门审批的合同，未办理审批手续',
    clause: '火炬中心 2021-01-13 答问 第4项',
    stage: 'not_registered',
  },
  {
    code: 'name_mismatch_not_corrected',
    zh: '合同名称与合同中的权利义务关系不一致，要求补正而未补正',
    clause: '火炬中心 2021-01-13 答问 第5项',
    stage: 'not_registered',
  },
  {
    code: 'unreasonable_restriction',
    zh: '合同条款含有非法垄断技术、妨碍技术进步等不合理限制条款',
    clause: '火炬中心 2021-01-13 答问 第6项',
    stage: 'not_registered',
  },
  {
    code: 'documents_missing',
    zh: '当事人不出具或者所出具的证明文件不符合要求',
    clause: '火炬中心 2021-01-13 答问 第7项',
    stage: 'not_registered',
  },
  { code: 'seal_mismatch', zh: '印章不齐全或者印章与书写名称不一致', clause: '火炬中心 2021-01-13 答问 第8项', stage: 'not_registered' },
  {
    code: 'public_domain',
    zh: '转让标的已进入公有领域（如专利权已终止）',
    clause: '国科发政字〔2001〕253号 技术转让合同认定',
    stage: 'not_registered',
  },
];

const developmentAndService = {
  commissioned_development: { type: 'development', subtype: '委托开发' },
  cooperative_development: { type: 'development', subtype: '合作开发' },
  consulting: { type: 'consulting', subtype: '技术咨询' },
  technical_service: { type: 'service', subtype: '技术服务' },
  technical_training: { type: 'service', subtype: '技术培训' },
  technical_brokerage: { type: 'service', subtype: '技术中介' },
} as const;

/** 国科发政字〔2001〕253号: licences of patents are a kind of 技术转让 (第四条). */
export const rules2001: ContractRulePack = {
  id: 'techcontract-2001',
  name: '技术合同认定规则（2001）',
  source: '国科发政字〔2001〕253号；技术合同认定登记管理办法 国科发政字〔2000〕063号',
  effectiveFrom: '2001-07-18',
  effectiveTo: '2020-12-31',
  enabledByDefault: true,
  filing: {
    ...developmentAndService,
    patent_transfer: { type: 'transfer', subtype: '专利权转让' },
    patent_application_transfer: { type: 'transfer', subtype: '专利申请权转让' },
    patent_license: { type: 'transfer', subtype: '专利实施许可' },
    trade_secret_transfer: { type: 'transfer', subtype: '技术秘密转让' },
    trade_secret_license: { type: 'transfer', subtype: '技术秘密转让' },
    other_ip_transfer: { type: 'transfer', subtype: '其他技术转让' },
    other_ip_license: { type: 'transfer', subtype: '其他技术转让' },
    technology_as_equity: { type: 'transfer', subtype: '技术入股' },
  },
  deadline: { kind: 'calendar', days: 30, clause: '国科发政字〔2000〕063号 第十四条：自受理之日起30日内' },
  refusals: common2001Refusals,
  carrierEquipmentSets: 2,
};

/**
 * After 《民法典》第八百四十三条 (2021-01-01) a licence is its own type, 技术许可合同. The rule text that files it
 * so is reproduced without its issuer (domain-rules §3, UNVERIFIED issuer); the registration procedure of
 * the 2000 办法 still applies.
 */
export const rulesCivilCode: ContractRulePack = {
  ...rules2001,
  id: 'techcontract-2021',
  name: '技术合同认定规则（民法典后，技术许可单列）',
  source: '《民法典》第八百四十三条；技术合同认定规则修订文本（发文机关待核）；国科发政字〔2000〕063号',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  filing: {
    ...rules2001.filing,
    patent_license: { type: 'license', subtype: '专利实施许可' },
    trade_secret_license: { type: 'license', subtype: '技术秘密使用许可' },
    other_ip_license: { type: 'license', subtype: '其他技术许可' },
  },
  refusals: [
    ...common2001Refusals,
    { code: 'infringes_others', zh: '含侵害他人技术成果的条款', clause: '修订文本 第三十九条', stage: 'not_registered' },
  ],
};

/** The 2024-12-18 draft (工业和信息化部科技司, 征求意见稿): working-day deadlines; off by default. */
export const rulesDraft2024: ContractRulePack = {
  ...rulesCivilCode,
  id: 'techcontract-draft-2024',
  name: '技术合同认定登记管理办法（2024征求意见稿）',
  source: '技术合同认定登记管理办法（征求意见稿） 2024-12-18',
  effectiveFrom: '2025-01-18',
  effectiveTo: null,
  enabledByDefault: false,
  deadline: {
    kind: 'working',
    days: 15,
    largeAmountFen: 500n * 10_000n * 100n,
    largeDays: 30,
    clause: '征求意见稿 第十四条：15个工作日；技术交易额不低于500万元或有争议的30个工作日',
  },
};

export const contractRulePacks: readonly ContractRulePack[] = [rules2001, rulesCivilCode, rulesDraft2024];

/**
 * The pack in force on a day: the latest-effective pack that is switched on (a draft only when the bureau
 * has switched it on).
 */
export function contractPackOn(date: string, enabled: ReadonlySet<string> = new Set()): ContractRulePack {
  const candidates = contractRulePacks.filter(
    (p) => (p.enabledByDefault || enabled.has(p.id)) && p.effectiveFrom <= date && (p.effectiveTo === null || p.effectiveTo >= date),
  );
  const pack = candidates.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!pack) throw new Error(`no technology-contract rule pack in force on ${date}`);
  return pack;
}

export function fileContract(pack: ContractRulePack, subject: SubjectMatter): { type: ContractType; subtype: string; packId: string } {
  return { ...pack.filing[subject], packId: pack.id };
}
