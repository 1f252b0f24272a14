import type { TEnterpriseYear, TLadderRung, TRdExpense } from '@kechuang/contracts';

/*
 * The workbook layout shared by export and import: header texts (zh-CN) in a stable order, and the
 * exact 万元 ⇄ 分 conversion (string/BigInt arithmetic, never a float multiplication).
 */

export const enterpriseColumns = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  regionCode: '所在地区代码',
  regionName: '所在地区',
  industryCode: '行业代码',
  registeredOn: '成立日期',
  contact: '联系人',
  phone: '联系电话',
  rungs: '当前梯度',
} as const;
export type EnterpriseColumn = keyof typeof enterpriseColumns;
/** Export-only columns, ignored by the import. */
export const enterpriseReadOnly: EnterpriseColumn[] = ['regionName', 'rungs'];

export const rungNames: Record<TLadderRung, string> = {
  techSme: '科技型中小企业',
  hnteReserve: '高企后备库',
  hnte: '高新技术企业',
  specialized: '专精特新中小企业',
  littleGiant: '专精特新“小巨人”',
  listed: '上市企业',
};

type MoneyKey = Exclude<
  { [K in keyof TEnterpriseYear]-?: NonNullable<TEnterpriseYear[K]> extends number ? K : never }[keyof TEnterpriseYear],
  'year' | 'conversions'
>;
export const yearMoney: Array<[MoneyKey, string]> = [
  ['salesFen', '销售收入（万元）'],
  ['totalIncomeFen', '收入总额（万元）'],
  ['nonTaxableIncomeFen', '不征税收入（万元）'],
  ['hitechIncomeFen', '高新技术产品（服务）收入（万元）'],
  ['costExpenseFen', '成本费用支出总额（万元）'],
  ['totalAssetsFen', '资产总额（万元）'],
  ['netAssetsFen', '净资产（万元）'],
];
export const yearRd: Array<[keyof TRdExpense, string]> = [
  ['personnelFen', '研发费用-人员人工（万元）'],
  ['directInputFen', '研发费用-直接投入（万元）'],
  ['depreciationFen', '研发费用-折旧与长期待摊（万元）'],
  ['amortisationFen', '研发费用-无形资产摊销（万元）'],
  ['designFen', '研发费用-设计（万元）'],
  ['trialFen', '研发费用-装备调试与试验（万元）'],
  ['outsourcedDomesticFen', '研发费用-委托境内研发（万元）'],
  ['outsourcedForeignFen', '研发费用-委托境外研发（万元）'],
  ['otherFen', '研发费用-其他（万元）'],
  ['abroadFen', '研发费用-其中境外发生（万元）'],
];
export const yearHead = {
  uscc: '统一社会信用代码',
  year: '年度',
  employeesAvg: '职工总数（全年月平均，人）',
  techStaffAvg: '科技人员数（全年月平均，人）',
  conversions: '科技成果转化项数',
} as const;

/** The 年度数据 headers in order. */
export const yearHeaders: string[] = [
  yearHead.uscc,
  yearHead.year,
  yearHead.employeesAvg,
  yearHead.techStaffAvg,
  ...yearMoney.map(([, h]) => h),
  ...yearRd.map(([, h]) => h),
  yearHead.conversions,
];

const fenPerWan = 1_000_000n;
const wanPattern = /^(-?)(\d{1,16})(?:\.(\d{1,6})0*)?$/;

/** "123.45" 万元 → 1234500000 分, exactly; null when the text is not an amount with at most 6 decimals (one 分). */
export function wanToFen(text: string): number | null {
  const m = wanPattern.exec(text.trim());
  if (!m) return null;
  const [, sign, whole = '0', fraction = ''] = m;
  const fen = BigInt(whole) * fenPerWan + BigInt(fraction.padEnd(6, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return sign === '-' && fen !== 0n ? -Number(fen) : Number(fen);
}

/** 1234500000 分 → "1234.5" 万元, trailing zeros removed. */
export function fenToWan(fen: number): string {
  const negative = fen < 0;
  const value = BigInt(Math.abs(fen));
  const whole = value / fenPerWan;
  const fraction = (value % fenPerWan).toString().padStart(6, '0').replace(/0+$/, '');
  const body = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
  return negative && value !== 0n ? `-${body}` : body;
}

/**
 * A decimal text as a cell value: a number when the number reads back as the same text (Excel then
 * computes with it), otherwise the text itself, so no digit is ever lost to a double.
 */
export function decimalCell(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}
