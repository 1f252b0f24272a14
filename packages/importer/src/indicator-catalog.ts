/** Standard indicator catalog; it seeds the indicators module. Codes are stable identifiers. */
export type IndicatorMeasure = 'count' | 'money' | 'percent';

export type CatalogIndicator = {
  code: string;
  name: string;
  measure: IndicatorMeasure;
  synonyms: string[];
  /** Matched against the indicator as written, with spaces removed; first entry that matches wins. */
  pattern: RegExp;
};

const rd = '(?:研发|R&D|研究与试验发展|研究与实验发展|研究和试验发展)';
const gdp = '(?:GDP|地区生产总值|国内生产总值|生产总值)';

// Order matters: the more specific (share, intensity) before the general (count, amount).
export const indicatorCatalog: CatalogIndicator[] = [
  {
    code: 'rd_intensity',
    name: '研发经费投入强度',
    measure: 'percent',
    synonyms: ['研发投入强度', 'R&D经费投入强度', '研究与试验发展经费投入强度', '研发经费占GDP比重'],
    pattern: new RegExp(`${rd}.*(?:强度|占.*${gdp}.*(?:比重|比例))|^(?:投入)?强度$`),
  },
  {
    code: 'hitech_value_added_share',
    name: '高新技术产业增加值占GDP比重',
    measure: 'percent',
    synonyms: ['高新技术产业增加值占地区生产总值比重'],
    pattern: new RegExp(`高新技术产业增加值.*占.*(?:${gdp}|比重)`),
  },
  {
    code: 'fiscal_st_share',
    name: '财政科技支出占比',
    measure: 'percent',
    synonyms: ['地方财政科技支出占公共财政支出比例', '财政科技支出占一般公共预算支出比重'],
    pattern: /财政科技支出.*占|财政科技支出占比/,
  },
  {
    code: 'fiscal_st_growth',
    name: '财政科技投入增速',
    measure: 'percent',
    synonyms: ['财政科技支出增速'],
    pattern: /财政科技(?:投入|支出).*(?:增速|增长|增幅)/,
  },
  {
    code: 'st_progress_contribution',
    name: '科技进步贡献率',
    measure: 'percent',
    synonyms: [],
    pattern: /科技进步贡献率/,
  },
  {
    code: 'invention_patents_per_10k',
    name: '每万人口发明专利拥有量',
    measure: 'count',
    synonyms: ['每万人发明专利拥有量', '每万人口高价值发明专利拥有量'],
    pattern: /每万人.*发明专利/,
  },
  {
    code: 'rd_expenditure',
    name: '研发经费投入',
    measure: 'money',
    synonyms: ['全社会研发经费投入', 'R&D经费支出', '研发投入总量'],
    pattern: new RegExp(`${rd}(?:经费)?(?:投入|支出)`),
  },
  {
    code: 'hitech_value_added',
    name: '高新技术产业增加值',
    measure: 'money',
    synonyms: ['高新技术产业增加值增速'],
    pattern: /高新技术产业增加值|^增(?:幅|速)$/,
  },
  {
    code: 'hitech_output',
    name: '高新技术产业总产值',
    measure: 'money',
    synonyms: ['高新技术产业产值'],
    pattern: /高新技术产业(?:总)?产值/,
  },
  {
    code: 'tech_contract_turnover',
    name: '技术合同成交额',
    measure: 'money',
    synonyms: ['技术合同交易额', '技术交易额', '技术合同登记额'],
    pattern: /技术(?:合同)?(?:成交|交易|登记)(?:金)?额/,
  },
  {
    code: 'hnte_count',
    name: '高新技术企业数',
    measure: 'count',
    synonyms: ['高新技术企业', '高企'],
    pattern: /高新技术企业|^高企|^总数$/,
  },
  {
    code: 'tech_sme_count',
    name: '科技型中小企业数',
    measure: 'count',
    synonyms: ['科技型中小企业', '入库科技型中小企业', '科技型中小企业评价入库数'],
    pattern: /科技型中小企业/,
  },
  {
    code: 'new_rd_institution_count',
    name: '新型研发机构数',
    measure: 'count',
    synonyms: ['新型研发机构'],
    pattern: /新型研发机构/,
  },
  {
    code: 'provincial_platform_count',
    name: '省级以上创新平台数',
    measure: 'count',
    synonyms: ['省级以上科技创新平台', '省级以上创新创业平台', '省级以上研发机构', '国家级平台'],
    pattern: /(?:省级以上|国家级|省级).*(?:平台|研发机构|重点实验室|工程(?:技术)?研究中心|技术创新中心)/,
  },
  {
    code: 'municipal_platform_count',
    name: '市级科技创新平台数',
    measure: 'count',
    synonyms: ['市级以上科技创新平台', '市级工程技术研究中心'],
    pattern: /市级.*(?:平台|工程(?:技术)?研究中心|重点实验室)/,
  },
  {
    code: 'incubator_count',
    name: '科技企业孵化器和众创空间数',
    measure: 'count',
    synonyms: ['孵化器', '众创空间', '星创天地'],
    pattern: /孵化器|众创空间|星创天地/,
  },
  {
    code: 'st_award_count',
    name: '科技奖励数',
    measure: 'count',
    synonyms: ['省级科技奖励'],
    pattern: /科技奖励|科学技术奖/,
  },
  {
    code: 'st_project_funding',
    name: '争取上级科技项目资金',
    measure: 'money',
    synonyms: ['立项争资', '争取科技经费'],
    pattern: /争资|科技经费|奖补资金|项目资金/,
  },
  {
    code: 'achievement_transfer_count',
    name: '科技成果转化项数',
    measure: 'count',
    synonyms: ['科技成果转化'],
    pattern: /成果转化(?:项目)?$/,
  },
  {
    code: 'st_commissioner_count',
    name: '科技特派员数',
    measure: 'count',
    synonyms: ['选派科技特派员'],
    pattern: /科技特派员|科技专家/,
  },
  {
    code: 'talent_count',
    name: '引进培育科技人才数',
    measure: 'count',
    synonyms: ['科技创新人才', '高层次人才'],
    pattern: /人才/,
  },
];

const measureOf = (unit: string): IndicatorMeasure => (unit === '%' ? 'percent' : /元|^亿$|^万$/.test(unit) ? 'money' : 'count');

/**
 * The catalog entry for an indicator as written, or null. A growth rate (%) of a money or count indicator keeps
 * that indicator's code; otherwise the unit must agree with the indicator's measure.
 */
export function lookupIndicator(name: string, unit: string, growth: boolean): CatalogIndicator | null {
  const n = name.replace(/\s+/g, '');
  if (!n) return null;
  const measure = measureOf(unit);
  for (const entry of indicatorCatalog) {
    if (!entry.pattern.test(n)) continue;
    if (entry.measure === measure) return entry;
    if (growth && measure === 'percent') return entry;
    if (entry.measure === 'money' && measure === 'count' && /^[亿万]$/.test(unit)) return entry;
  }
  return null;
}
