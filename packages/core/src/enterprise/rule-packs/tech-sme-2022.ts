import { techSme2017 } from './tech-sme-2017.ts';
import type { TechSmePack } from './types.ts';

const guide = '国科火字〔2022〕67号 服务工作指引';

/**
 * 115号 as applied under the 2022 《科技型中小企业评价服务工作指引》. The brief cites it as 国科发政〔2022〕67号; the
 * sources show 国科火字〔2022〕67号 (domain-rules §8 item 1, UNVERIFIED). Scoring and shortcuts are unchanged;
 * B1, B3 and B4 use the 2022 wording.
 */
export const techSme2022: TechSmePack = {
  ...techSme2017,
  id: 'tech-sme-2022',
  name: '科技型中小企业评价（国科发政〔2017〕115号，2022年服务工作指引）',
  effectiveFrom: '2022-01-01',
  effectiveTo: null,
  clauses: {
    ...techSme2017.clauses,
    b1: `国科发政〔2017〕115号 第六条（一）；${guide}`,
    b3: `国科发政〔2017〕115号 第六条（三）；${guide}；财税〔2015〕119号`,
    b4: `国科发政〔2017〕115号 第六条（四）；${guide}`,
  },
  // 2022: 会计核算健全、实行查账征收并能够准确归集研发费用.
  requireAuditBasedTax: true,
  // 2022: 不属于财税〔2015〕119号 不适用税前加计扣除政策的行业.
  checkSuperDeductionList: true,
  // 烟草制造业 C16、批发和零售业 F、住宿和餐饮业 H、房地产业 K、租赁和商务服务业 L、娱乐业 R90 (UNVERIFIED list).
  excludedIndustryCodes: ['C16', 'F', 'H', 'K', 'L', 'R90'],
  // 2022: 在上一会计年度及当年未列入经营异常名录和严重违法失信企业名单.
  listingWindow: 'previous_and_current_year',
  unverified: [
    '文号：简报写作“国科发政〔2022〕67号”，资料显示为“国科火字〔2022〕67号”——待核实',
    '本规则包的生效日期（按2022-01-01）——待核实',
    '财税〔2015〕119号 负面清单行业代码（C16、F、H、K、L、R90）——待核实',
    '兼职、临时聘用人员“6个月”或“183天”——待核实（本评估直接使用填报的月平均数）',
    '主导制定标准是否限“排名前五”——待核实（未设排名限制）',
    ...techSme2017.unverified.filter((note) => !note.startsWith('本规则包的终止日期')),
  ],
};
