import { ipClassOf2016 } from './ip-classes.ts';
import type { HntePack } from './types.ts';

const measures = '国科发火〔2016〕32号';
const guide = '国科发火〔2016〕195号 工作指引';

/** 5000万元 and 2亿元 in 分. */
const fen5000Wan = 5_000_000_000;
const fen2Yi = 20_000_000_000;

/** 《高新技术企业认定管理办法》(国科发火〔2016〕32号) with its 工作指引 (国科发火〔2016〕195号). */
export const hnte2016: HntePack = {
  program: 'hnte',
  id: 'hnte-2016',
  name: '高新技术企业认定（国科发火〔2016〕32号）',
  effectiveFrom: '2016-01-01',
  effectiveTo: null,
  regionCode: null,
  clauses: {
    definition: `${measures} 第二条`,
    c1: `${measures} 第十一条（一）；${guide}（一）年限`,
    c2: `${measures} 第十一条（二）；${guide}（二）知识产权`,
    c3: `${measures} 第十一条（三）`,
    c4: `${measures} 第十一条（四）；${guide}（三）科技人员`,
    c5: `${measures} 第十一条（五）；${guide}（四）研究开发费用`,
    c6: `${measures} 第十一条（六）；${guide}（五）高新技术产品（服务）收入`,
    c7: `${measures} 第十一条（七）；${guide}（六）企业创新能力评价`,
    c8: `${measures} 第十一条（八）；${guide}（一）年限`,
    ip: `${guide}（二）知识产权`,
    score: `${guide}（六）企业创新能力评价`,
    years: `${guide}（一）年限`,
  },
  // 第十一条（一）"注册成立一年以上" = 365个日历天数以上 (以上 includes 365).
  minDaysRegistered: 365,
  // 第十一条（四）"不低于10%".
  techStaffRatio: '0.10',
  // 第十一条（五）: ≤5000万（含）5%; 5000万–2亿（含）4%; 2亿以上 3%.
  rdRatioTiers: [
    { salesMaxFen: fen5000Wan, inclusiveMax: true, ratio: '0.05', label: '最近一年销售收入5000万元（含）以下' },
    { salesMaxFen: fen2Yi, inclusiveMax: true, ratio: '0.04', label: '最近一年销售收入5000万元至2亿元（含）' },
    { salesMaxFen: null, inclusiveMax: true, ratio: '0.03', label: '最近一年销售收入2亿元以上' },
  ],
  // 第十一条（五）"境内研究开发费用…不低于60%".
  domesticRdShare: '0.60',
  // 第十一条（六）"不低于60%".
  hitechIncomeShare: '0.60',
  // 第十一条（七）+ 工作指引: 70分以上（不含70分）.
  passScore: 70,
  passInclusive: false,
  // 第十一条（八）"申请认定前一年内" = 申请前365天之内（含申报年）.
  incidentWindowDays: 365,
  // 工作指引: 委托外部研究开发费用按实际发生额的80%计入.
  outsourcedRate: '0.8',
  // 工作指引: 其他费用一般不得超过研究开发总费用的20%.
  otherExpenseCap: { rate: '0.2', base: 'total_after_cap' },
  // 工作指引: 近三个会计年度 = 申报前连续3个会计年度（不含申报年）.
  window: { years: 3 },
  score: {
    judgementBands: { A: [7, 8], B: [5, 6], C: [3, 4], D: [1, 2], E: [0, 0] },
    judgementCap: 8,
    ipClassIPoints: [7, 8],
    ipClassIIBands: [
      { label: 'B 5项及以上（Ⅱ类）', min: '5', inclusive: true, points: [5, 6] },
      { label: 'C 3～4项（Ⅱ类）', min: '3', inclusive: true, points: [3, 4] },
      { label: 'D 1～2项（Ⅱ类）', min: '1', inclusive: true, points: [1, 2] },
      { label: 'E 0项', min: null, inclusive: true, points: [0, 0] },
    ],
    acquisitionOwn: [1, 6],
    acquisitionTransferOnly: [1, 3],
    standardsBonus: [1, 2],
    ipCap: 30,
    conversionBands: [
      { label: 'A 5项以上', min: '5', inclusive: true, points: [25, 30] },
      { label: 'B 4项以上', min: '4', inclusive: true, points: [19, 24] },
      { label: 'C 3项以上', min: '3', inclusive: true, points: [13, 18] },
      { label: 'D 2项以上', min: '2', inclusive: true, points: [7, 12] },
      { label: 'E 1项以上', min: '1', inclusive: true, points: [1, 6] },
      { label: 'F 0项', min: null, inclusive: true, points: [0, 0] },
    ],
    conversionCap: 30,
    management: { system: 6, institute: 6, conversionIncentives: 4, talent: 4 },
    growthBands: [
      { label: 'A ≥35%', min: '0.35', inclusive: true, points: [9, 10] },
      { label: 'B 25%–35%', min: '0.25', inclusive: true, points: [7, 8] },
      { label: 'C 15%–25%', min: '0.15', inclusive: true, points: [5, 6] },
      { label: 'D 5%–15%', min: '0.05', inclusive: true, points: [3, 4] },
      { label: 'E 0–5%', min: '0', inclusive: false, points: [1, 2] },
      { label: 'F ≤0', min: null, inclusive: true, points: [0, 0] },
    ],
    growthCap: 10,
    negativeNetAssetsAsZero: true,
  },
  ipClassOf: ipClassOf2016,
  unverified: [
    '注册满365天按日期差计算（含第365天）——日数计算口径待核实',
    '申请认定前一年内（365天）事故窗口按闭区间计算——边界待核实',
    '实际经营不满三年的，首个不完整年度按整年计入——待核实，需人工复核',
    '其他费用20%上限按“不超过计入后研发费用总额的20%”计算——口径待核实',
    '成长性：第一年为0时按后两年计算（g = 第三年/第二年 − 1），经营两年按 g = 第二年/第一年 − 1，经营一年按0分——解释待核实',
    '净资产为负按0计算——待核实',
    '科技成果转化年平均数：经营不满三年按实际经营年数平均——待核实',
    '研发组织管理水平为专家判断：已具备的事项按1分至满分、不具备按0分估计',
  ],
};
