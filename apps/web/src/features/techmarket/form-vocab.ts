import { type TTechContract, techFieldZh } from '@kechuang/contracts';

/*
 * The categories of the national 《技术合同登记表》 (表号 JJ-001, 科学技术部): stored as their Chinese names, as
 * the statistical tables print them. Subject matters are grouped by the contract type they belong to.
 */
/** The eleven 技术领域 of the national form, as the contracts name them. */
export const techFields = Object.values(techFieldZh);

export const ipTypes = [
  '发明专利',
  '实用新型专利',
  '外观设计专利',
  '技术秘密',
  '计算机软件著作权',
  '集成电路布图设计专有权',
  '植物新品种权',
  '生物医药新品种',
  '未涉及知识产权',
] as const;

export const socioGoals = [
  '环境保护、生态建设及污染防治',
  '农林牧渔业发展',
  '促进工业发展',
  '能源生产、分配和合理利用',
  '卫生事业发展',
  '教育事业发展',
  '基础设施以及城市和农村规划',
  '社会发展和社会服务',
  '地球和大气层的探索与利用',
  '民用空间探测及开发',
  '国防',
  '其他',
] as const;

export const projectSources = ['国家科技计划', '部门科技计划', '省、市、县科技计划', '企业自选', '其他'] as const;

export type ContractTypeKey = 'development' | 'transfer' | 'license' | 'consulting' | 'service';
export type EventKind =
  | 'draft.create'
  | 'file.upload'
  | 'submit'
  | 'accept'
  | 'correction.request'
  | 'correction.submit'
  | 'register'
  | 'refuse'
  | 'not_accept';

/** Subject matters under the contract type the seller declares (技术合同认定规则 第四条; 民法典 第八百四十三条). */
export const subjectGroups: { type: ContractTypeKey; subjects: TTechContract['subject'][] }[] = [
  { type: 'development', subjects: ['commissioned_development', 'cooperative_development'] },
  {
    type: 'transfer',
    subjects: ['patent_transfer', 'patent_application_transfer', 'trade_secret_transfer', 'other_ip_transfer', 'technology_as_equity'],
  },
  { type: 'license', subjects: ['patent_license', 'trade_secret_license', 'other_ip_license'] },
  { type: 'consulting', subjects: ['consulting'] },
  { type: 'service', subjects: ['technical_service', 'technical_training', 'technical_brokerage'] },
];

export const statusColor: Record<TTechContract['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'cyan',
  correction_requested: 'orange',
  registered: 'green',
  not_accepted: 'red',
  refused: 'red',
};
