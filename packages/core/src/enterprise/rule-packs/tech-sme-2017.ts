import { ipClassOf2016 } from './ip-classes.ts';
import type { Band, TechSmePack } from './types.ts';

const measures = '国科发政〔2017〕115号';

/** Six bands A–F with the points of 第七条 评价指标 (each lower bound inclusive: "（含）"). */
function sixBands(bounds: readonly [string, string, string, string, string], points: readonly number[]): Band[] {
  const labels = ['A', 'B', 'C', 'D', 'E'];
  const bands: Band[] = bounds.map((min, i) => ({
    label: `${labels[i]} ≥${Number(min) * 100}%`,
    min,
    inclusive: true,
    points: [points[i] ?? 0, points[i] ?? 0] as const,
  }));
  bands.push({ label: `F <${Number(bounds[4]) * 100}%`, min: null, inclusive: true, points: [0, 0] });
  return bands;
}

/** 《科技型中小企业评价办法》(国科发政〔2017〕115号). */
export const techSme2017: TechSmePack = {
  program: 'techSme',
  id: 'tech-sme-2017',
  name: '科技型中小企业评价（国科发政〔2017〕115号）',
  effectiveFrom: '2017-05-03',
  effectiveTo: '2021-12-31',
  regionCode: null,
  clauses: {
    b1: `${measures} 第六条（一）`,
    b2: `${measures} 第六条（二）`,
    b3: `${measures} 第六条（三）`,
    b4: `${measures} 第六条（四）`,
    b5: `${measures} 第六条（五）`,
    score: `${measures} 第七条`,
    staff: `${measures} 第七条（一）科技人员指标`,
    rd: `${measures} 第七条（二）研发投入指标`,
    ip: `${measures} 第七条（三）科技成果指标`,
    direct: `${measures} 第八条`,
  },
  // 第七条 注: 研发费用按财税〔2015〕119号归集 (委托外部按80%计入).
  outsourcedRate: '0.8',
  otherExpenseCap: null,
  requireAuditBasedTax: false,
  checkSuperDeductionList: false,
  excludedIndustryCodes: [],
  // 第六条（二）"不超过500人 / 2亿元 / 2亿元" (不超过 = ≤).
  maxEmployees: '500',
  maxSalesFen: 20_000_000_000,
  maxAssetsFen: 20_000_000_000,
  // 第六条（四）"企业未列入经营异常名录和严重违法失信企业名单" (present tense).
  listingWindow: 'at_date',
  // 第六条（五）"不低于60分，且科技人员指标得分不得为0分".
  passScore: 60,
  staffScoreMustBeNonZero: true,
  staffBands: sixBands(['0.30', '0.25', '0.20', '0.15', '0.10'], [20, 16, 12, 8, 4]),
  rdSalesBands: sixBands(['0.06', '0.05', '0.04', '0.03', '0.02'], [50, 40, 30, 20, 10]),
  rdCostBands: sixBands(['0.30', '0.25', '0.20', '0.15', '0.10'], [50, 40, 30, 20, 10]),
  // 第七条（三）: Ⅰ类≥1 30; Ⅱ类 ≥4 24, 3 18, 2 12, 1 6; 无 0.
  ipClassIPoints: 30,
  ipClassIIBands: [
    { label: 'B 4项及以上（Ⅱ类）', min: '4', inclusive: true, points: [24, 24] },
    { label: 'C 3项（Ⅱ类）', min: '3', inclusive: true, points: [18, 18] },
    { label: 'D 2项（Ⅱ类）', min: '2', inclusive: true, points: [12, 12] },
    { label: 'E 1项（Ⅱ类）', min: '1', inclusive: true, points: [6, 6] },
    { label: 'F 无', min: null, inclusive: true, points: [0, 0] },
  ],
  // 第八条（一）–（四）.
  direct: {
    hnteValidityYears: 3,
    awardYears: 5,
    awardMaxRank: 3,
    standardYears: 5,
    standardLevels: ['international', 'national', 'industry'],
    standardMaxRank: null,
  },
  ipClassOf: ipClassOf2016,
  unverified: [
    '各项指标的参考年度按申报前一个会计年度——待核实',
    '成本费用支出总额的口径——待核实',
    '研发费用按财税〔2015〕119号归集的细则（其他相关费用限额等）未建模——待核实',
    '“近五年内”按评价日前5年（含当日）计算——待核实',
    '本规则包的终止日期（被2022年服务工作指引取代的日期）——待核实',
  ],
};

export { sixBands };
