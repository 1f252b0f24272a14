import type { IpClass } from './types.ts';

/**
 * 工作指引（二）知识产权: Ⅰ类 = 发明专利（含国防专利）、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、
 * 集成电路布图设计专有权; Ⅱ类 = 实用新型专利、外观设计专利、软件著作权等（不含商标）.
 * The 科技型中小企业 table uses the same classes (国科发政〔2017〕115号 附件).
 */
export const ipClassOf2016 = {
  invention_patent: 'I',
  defense_patent: 'I',
  plant_variety: 'I',
  crop_variety: 'I',
  new_drug: 'I',
  tcm_protected_first_grade: 'I',
  ic_layout: 'I',
  utility_model: 'II',
  design_patent: 'II',
  software_copyright: 'II',
  other_class_ii: 'II',
  trademark: null,
} as const satisfies Record<string, IpClass | null>;
