/*
 * The type catalogue of innovation platforms (创新平台), version 1: each type with its own fields (filled at
 * application and in the yearly report), its 认定 conditions on those fields, and the indicators of its
 * 绩效评价 (a field, its weight and the standard value that scores 100). The catalogue is seeded into the
 * platform_type table by migration 0019 and read from there, so a later edition is a new version row, not a
 * code change. Thresholds follow the common shape of the 湖南 and 市州 管理办法 (研发人员、场地、设备、投入
 * for research bases; 孵化面积、在孵企业、导师 for incubation carriers; 核心区面积 and 示范推广 for agricultural
 * parks); a city edits them in its own version.
 */

export interface PlatformTypeField {
  key: string;
  label: string;
  unit: string;
}
export interface PlatformTypeCondition {
  field: string;
  min: number;
  /** the rule as the 管理办法 states it */
  text: string;
}
export interface PlatformTypeIndicator {
  field: string;
  weight: number;
  /** the value that scores 100 (standard normalisation, capped at 100) */
  standard: number;
}
export interface PlatformTypeDefinition {
  code: string;
  name: string;
  /** research base or incubation carrier, for the statistics */
  family: 'research' | 'incubation' | 'agriculture' | 'talent';
  fields: PlatformTypeField[];
  conditions: PlatformTypeCondition[];
  evaluation: PlatformTypeIndicator[];
}

const f = (key: string, label: string, unit: string): PlatformTypeField => ({ key, label, unit });
const c = (field: string, min: number, text: string): PlatformTypeCondition => ({ field, min, text });
const e = (field: string, weight: number, standard: number): PlatformTypeIndicator => ({ field, weight, standard });

const rd = [
  f('rd_staff', '研发人员数', '人'),
  f('rd_area', '研发场地面积', '平方米'),
  f('equipment_wan', '科研仪器设备原值', '万元'),
  f('rd_spend_wan', '年度研发投入', '万元'),
  f('invention_patents', '有效发明专利数', '件'),
  f('transferred', '当年成果转化项数', '项'),
];
const rdEval = (spend: number, staff: number) => [
  e('rd_spend_wan', 35, spend),
  e('rd_staff', 20, staff),
  e('invention_patents', 25, 10),
  e('transferred', 20, 5),
];

export const platformTypeCatalogue: PlatformTypeDefinition[] = [
  {
    code: 'key_lab',
    name: '重点实验室',
    family: 'research',
    fields: rd,
    conditions: [
      c('rd_staff', 15, '固定研发人员不少于15人'),
      c('rd_area', 500, '研发场地面积不少于500平方米'),
      c('equipment_wan', 300, '科研仪器设备原值不少于300万元'),
    ],
    evaluation: rdEval(300, 20),
  },
  {
    code: 'eng_center',
    name: '工程技术研究中心',
    family: 'research',
    fields: rd,
    conditions: [
      c('rd_staff', 10, '专职研发人员不少于10人'),
      c('rd_area', 300, '研发场地面积不少于300平方米'),
      c('equipment_wan', 200, '研发仪器设备原值不少于200万元'),
      c('rd_spend_wan', 300, '上年度研发投入不少于300万元'),
    ],
    evaluation: rdEval(500, 15),
  },
  {
    code: 'clinical_center',
    name: '临床医学研究中心',
    family: 'research',
    fields: [...rd, f('beds', '专科床位数', '张')],
    conditions: [c('beds', 50, '专科床位不少于50张'), c('rd_staff', 10, '临床研究人员不少于10人')],
    evaluation: [...rdEval(200, 15), e('beds', 10, 100)],
  },
  {
    code: 'new_rd_institution',
    name: '新型研发机构',
    family: 'research',
    fields: [...rd, f('revenue_wan', '年度技术性收入', '万元')],
    conditions: [
      c('rd_staff', 15, '研发人员不少于15人'),
      c('rd_spend_wan', 300, '年度研发经费支出不少于300万元'),
      c('rd_area', 500, '研发场地面积不少于500平方米'),
    ],
    evaluation: [...rdEval(500, 30), e('revenue_wan', 20, 1000)],
  },
  {
    code: 'enterprise_tech_center',
    name: '企业技术中心',
    family: 'research',
    fields: [...rd, f('revenue_wan', '企业年度营业收入', '万元')],
    conditions: [
      c('rd_staff', 20, '研发人员不少于20人'),
      c('rd_spend_wan', 500, '年度研发投入不少于500万元'),
      c('revenue_wan', 5000, '年度营业收入不少于5000万元'),
    ],
    evaluation: rdEval(1000, 40),
  },
  {
    code: 'incubator',
    name: '科技企业孵化器',
    family: 'incubation',
    fields: [
      f('incubation_area', '孵化面积', '平方米'),
      f('incubated_count', '在孵企业数', '家'),
      f('mentors', '创业导师数', '人'),
      f('graduated', '当年毕业企业数', '家'),
    ],
    conditions: [
      c('incubation_area', 10000, '孵化场地面积不少于10000平方米'),
      c('incubated_count', 30, '在孵企业不少于30家'),
      c('mentors', 5, '专职孵化服务人员和创业导师不少于5人'),
    ],
    evaluation: [e('incubated_count', 40, 60), e('graduated', 30, 10), e('mentors', 15, 10), e('incubation_area', 15, 20000)],
  },
  {
    code: 'maker_space',
    name: '众创空间',
    family: 'incubation',
    fields: [
      f('area', '服务场地面积', '平方米'),
      f('teams', '入驻创业团队和企业数', '个'),
      f('mentors', '创业导师数', '人'),
      f('events', '当年创业活动场次', '场'),
    ],
    conditions: [
      c('area', 500, '服务场地面积不少于500平方米'),
      c('teams', 10, '入驻创业团队和企业不少于10个'),
      c('mentors', 3, '创业导师不少于3人'),
    ],
    evaluation: [e('teams', 40, 30), e('events', 30, 20), e('mentors', 30, 8)],
  },
  {
    code: 'univ_science_park',
    name: '大学科技园',
    family: 'incubation',
    fields: [
      f('incubation_area', '孵化面积', '平方米'),
      f('incubated_count', '在孵企业数', '家'),
      f('faculty_startups', '师生创办企业数', '家'),
    ],
    conditions: [c('incubation_area', 15000, '可自主支配孵化场地不少于15000平方米'), c('incubated_count', 50, '在孵企业不少于50家')],
    evaluation: [e('incubated_count', 50, 100), e('faculty_startups', 50, 20)],
  },
  {
    code: 'star_space',
    name: '星创天地',
    family: 'agriculture',
    fields: [
      f('area', '服务场地面积', '平方米'),
      f('teams', '入驻创业团队和企业数', '个'),
      f('demo_base_mu', '创业示范基地面积', '亩'),
      f('trainees', '当年培训农民人次', '人次'),
    ],
    conditions: [
      c('area', 300, '服务场地面积不少于300平方米'),
      c('teams', 5, '入驻创业团队和企业不少于5个'),
      c('demo_base_mu', 50, '示范基地不少于50亩'),
    ],
    evaluation: [e('teams', 40, 15), e('trainees', 40, 500), e('demo_base_mu', 20, 200)],
  },
  {
    code: 'agri_park',
    name: '农业科技园区/示范基地',
    family: 'agriculture',
    fields: [
      f('core_mu', '核心区面积', '亩'),
      f('enterprises', '入驻农业企业数', '家'),
      f('new_techs', '当年示范推广新技术新品种数', '项'),
      f('farmers_served', '辐射带动农户数', '户'),
    ],
    conditions: [
      c('core_mu', 1000, '核心区面积不少于1000亩'),
      c('enterprises', 5, '入驻农业企业不少于5家'),
      c('new_techs', 5, '示范推广新技术新品种不少于5项'),
    ],
    evaluation: [e('new_techs', 40, 15), e('farmers_served', 40, 2000), e('enterprises', 20, 15)],
  },
  {
    code: 'academician_station',
    name: '院士专家工作站',
    family: 'talent',
    fields: [
      f('experts', '进站院士专家数', '人'),
      f('team_staff', '配套研发人员数', '人'),
      f('rd_spend_wan', '年度研发投入', '万元'),
      f('joint_projects', '当年合作研发项目数', '项'),
    ],
    conditions: [
      c('experts', 1, '至少1名院士或高层次专家进站'),
      c('team_staff', 5, '配套研发团队不少于5人'),
      c('rd_spend_wan', 50, '年度研发投入不少于50万元'),
    ],
    evaluation: [e('joint_projects', 40, 5), e('rd_spend_wan', 30, 200), e('team_staff', 30, 15)],
  },
];

/** 绩效评价 grades and the score each starts at (fixed tiers of the indicator engine). */
export const platformGradeTiers = [
  { name: '优秀', minScore: 90 },
  { name: '良好', minScore: 75 },
  { name: '合格', minScore: 60 },
  { name: '不合格', minScore: 0 },
] as const;
