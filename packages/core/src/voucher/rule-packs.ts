import { regionContains, type TVoucherPack } from '@kechuang/contracts';

/*
 * 科技创新券 rules as versioned packs per city (docs: ../shared/docs/domain-rules.md §7). There is no national
 * regulation: each city's 《科技创新券管理办法》 sets the quota per enterprise and per team a year, the share of a
 * contract a voucher covers, a small-amount threshold covered in full, the service catalogue, the provider
 * registry and how vouchers lapse and are redeemed. A quota is granted under the pack in force in its region on
 * the day it is applied for, and keeps that pack (its id is stored with the quota).
 *
 * Amounts "以下 / 不超过" include the figure itself (《民法典》第一千二百五十九条: 以上、以下、以内、届满，包括本数).
 */

const wan = (n: number) => n * 1_000_000;

const catalogue: TVoucherPack['services'] = [
  { code: 'testing', name: '检验检测' },
  { code: 'rnd', name: '研究开发与技术开发' },
  { code: 'transfer', name: '技术转移与成果转化' },
  { code: 'instrument', name: '大型科学仪器设备共享' },
  { code: 'ip', name: '知识产权服务' },
  { code: 'consulting', name: '科技咨询与设计' },
];

export const voucherPacks: TVoucherPack[] = [
  {
    // 上海市科技创新券 [SECONDARY, https://www.10100.com/article/58902770]: 企业每年≤50万元，团队≤10万元，按合同金额
    // 50%；核心团队不少于3人；每季度集中拨付. The enterprise cap is 30万 in another edition (UNVERIFIED which is current).
    id: 'voucher-shanghai',
    name: '上海市科技创新券',
    source: '上海市科技创新券管理办法（二手来源，企业额度 50 万元的版本）',
    verified: true,
    regionCodes: ['310000'],
    effectiveFrom: '2018-01-01',
    effectiveTo: null,
    enterpriseQuotaFen: wan(50),
    teamQuotaFen: wan(10),
    perApplicationCapFen: null,
    shareBp: 5000,
    fullCoverUpToFen: null,
    services: catalogue,
    teamMinMembers: 3,
    relatedPartyExcluded: true,
    acceptPreviousYearTechSme: false,
    expiry: '当年12月31日失效',
    redemption: '服务机构申请兑付，每季度集中拨付',
  },
  {
    // 浙江 玉环市 [SECONDARY, https://chacewang.com/newsdetail/news537655.html]: 单次可申领2万元，年度累计最高10万元；
    // 1万元以下全额抵扣. The share above 1万 is not visible (UNVERIFIED; 50% assumed, as in most cities).
    id: 'voucher-yuhuan',
    name: '玉环市科技创新券',
    source: '玉环市创新券政策（二手来源；1万元以上的抵扣比例未核实，按 50% 设置）',
    verified: false,
    regionCodes: ['331083'],
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    enterpriseQuotaFen: wan(10),
    teamQuotaFen: wan(10),
    perApplicationCapFen: wan(2),
    shareBp: 5000,
    fullCoverUpToFen: wan(1),
    services: catalogue,
    teamMinMembers: 3,
    relatedPartyExcluded: true,
    acceptPreviousYearTechSme: false,
    expiry: '当年12月31日失效',
    redemption: '市科技局、市财政局审核兑付',
  },
  {
    // 衡阳: no 管理办法 was read. A working pack on the common model (企业≤30万/年、团队≤10万/年、≤50%, the 2025/26
    // slide figures; 1万元以下全额 as in 玉环), to be replaced by the city's own text. The 科技型中小企业 入库 of the
    // previous year is accepted until the new year's numbers are issued (入库 runs from spring).
    id: 'voucher-hengyang-draft',
    name: '衡阳市科技创新券（工作版，待核实）',
    source: '参照上海、玉环的通行做法设置，未依据衡阳市正式文件，需以市科技局发布的管理办法为准',
    verified: false,
    regionCodes: ['430400'],
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    enterpriseQuotaFen: wan(30),
    teamQuotaFen: wan(10),
    perApplicationCapFen: null,
    shareBp: 5000,
    fullCoverUpToFen: wan(1),
    services: catalogue,
    teamMinMembers: 3,
    relatedPartyExcluded: true,
    acceptPreviousYearTechSme: true,
    expiry: '当年12月31日失效',
    redemption: '服务机构申请兑付，每季度集中拨付',
  },
];

export function packById(id: string): TVoucherPack | undefined {
  return voucherPacks.find((p) => p.id === id);
}

/** The pack in force in the region on the day (the most specific region wins). */
export function packInForce(regionCode: string, on: string, packs: TVoucherPack[] = voucherPacks): TVoucherPack | undefined {
  return packs
    .filter((p) => p.regionCodes.some((r) => regionContains(r, regionCode)))
    .filter((p) => p.effectiveFrom <= on && (p.effectiveTo === null || on <= p.effectiveTo))
    .sort((a, b) => Math.max(...b.regionCodes.map(specificity)) - Math.max(...a.regionCodes.map(specificity)))[0];
}

function specificity(code: string): number {
  return code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;
}
