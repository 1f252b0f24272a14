import type { TIntegrityPack } from '@kechuang/contracts';

/*
 * Rule packs for 科研诚信 records, as data with effective dates (docs: ../shared/docs/domain-rules.md §6.5). A
 * record is handled under the pack in force on its incident date: 科学技术部令第19号 (effective 2020-09-01)
 * until 2026-03-19, 科学技术部令第24号 from 2026-03-20, which repeals it. The misconduct types are those of
 * 《科研失信行为调查处理规则》国科发监〔2022〕221号 第二条 in both.
 *
 * What is not verified stays a guide, never a refusal: the ban periods by severity (221号's table, my recollection
 * "较轻 ≤3年 / 较重 3–5年 / 严重 5年以上直至终身") and everything of 令第24号's measure tables. Only what the
 * sources state — 令第19号's heaviest measure "取消5年以上直至永久相关资格" — is marked verified, and even a
 * verified guide only warns (a bureau's local 信用管理办法 may differ and decides).
 */

const types2022: TIntegrityPack['misconductTypes'] = [
  { code: 'plagiarism', zh: '抄袭剽窃、侵占他人研究成果或项目申请书', clause: '国科发监〔2022〕221号 第二条（一）' },
  {
    code: 'fabrication',
    zh: '编造研究过程、伪造研究成果，买卖实验研究数据，伪造、篡改实验研究数据、图表、结论、检测报告或用户使用报告等',
    clause: '国科发监〔2022〕221号 第二条（二）',
  },
  {
    code: 'ghostwriting',
    zh: '买卖、代写、代投论文或项目申报验收材料等，虚构同行评议专家及评议意见',
    clause: '国科发监〔2022〕221号 第二条（三）',
  },
  {
    code: 'improper_means',
    zh: '以弄虚作假或请托、贿赂、利益交换等不正当手段获得科研活动审批，获取科技计划项目、科研经费、奖励、荣誉、职务职称等',
    clause: '国科发监〔2022〕221号 第二条（四）',
  },
  {
    code: 'ethics_fraud',
    zh: '以弄虚作假方式获得科技伦理审查批准，或伪造、篡改科技伦理审查批准文件等',
    clause: '国科发监〔2022〕221号 第二条（五）',
  },
  { code: 'authorship', zh: '无实质学术贡献署名等违反论文、奖励、专利等署名规范的行为', clause: '国科发监〔2022〕221号 第二条（六）' },
  {
    code: 'publication',
    zh: '重复发表、引用与论文内容无关的文献、要求作者非必要引用特定文献等违反学术出版规范的行为',
    clause: '国科发监〔2022〕221号 第二条（七）',
  },
  { code: 'other', zh: '其他科研失信行为', clause: '国科发监〔2022〕221号 第二条（八）' },
];

const measures2022: TIntegrityPack['measures'] = [
  { code: 'admonition', zh: '科研诚信诫勉谈话', clause: '国科发监〔2022〕221号', bans: false },
  { code: 'warning', zh: '警告', clause: '科学技术部令第19号', bans: false },
  { code: 'rectify', zh: '责令限期整改', clause: '科学技术部令第19号', bans: false },
  { code: 'criticism', zh: '一定范围内或公开通报批评', clause: '国科发监〔2022〕221号', bans: false },
  { code: 'suspend', zh: '暂停财政性资金支持的科技活动并限期整改', clause: '国科发监〔2022〕221号', bans: false },
  { code: 'terminate', zh: '终止或撤销财政性资金支持的科技活动', clause: '国科发监〔2022〕221号', bans: false },
  { code: 'recover_funds', zh: '追回结余资金、已拨财政资金及违规所得', clause: '国科发监〔2022〕221号', bans: false },
  { code: 'revoke_award', zh: '撤销获得的奖励、荣誉，追回奖金', clause: '国科发监〔2022〕221号', bans: false },
  {
    code: 'ban',
    zh: '一定期限禁止（取消）申报、承担或参与财政性资金支持的科技活动等资格',
    clause: '国科发监〔2022〕221号；科学技术部令第19号',
    bans: true,
  },
  { code: 'serious_db', zh: '记入科研诚信严重失信行为数据库', clause: '国科发监〔2022〕221号；科学技术部令第19号', bans: false },
];

export const integrityPacks: readonly TIntegrityPack[] = [
  {
    id: 'most-19',
    name: '科学技术部令第19号《科学技术活动违规行为处理暂行规定》',
    source: 'http://puapp.net/dictionary/d1136657.html',
    effectiveFrom: '2020-09-01',
    effectiveTo: '2026-03-19',
    misconductTypes: types2022,
    measures: measures2022,
    periodGuides: [
      { severity: 'minor', minYears: 1, maxYears: 3, permanentAllowed: false, verified: false, clause: '期限表未核实（参考：较轻1至3年）' },
      {
        severity: 'serious',
        minYears: 3,
        maxYears: 5,
        permanentAllowed: false,
        verified: false,
        clause: '期限表未核实（参考：较重3至5年）',
      },
      {
        severity: 'severe',
        minYears: 5,
        maxYears: null,
        permanentAllowed: true,
        verified: false,
        clause: '期限表未核实（参考：严重5年以上）',
      },
      {
        severity: 'extreme',
        minYears: 5,
        maxYears: null,
        permanentAllowed: true,
        verified: true,
        clause: '科学技术部令第19号：取消5年以上直至永久相关资格',
      },
    ],
    unverified: ['各严重程度对应的限制期限（国科发监〔2022〕221号期限表未取得原文）'],
  },
  {
    id: 'most-24',
    name: '科学技术部令第24号《科学技术活动违规行为调查处理规定》',
    source: 'http://us.usy7.cc/usy021232tl6.html',
    effectiveFrom: '2026-03-20',
    effectiveTo: null,
    misconductTypes: types2022,
    measures: measures2022,
    periodGuides: [],
    unverified: [
      '令第24号的处理措施及期限表未取得原文，暂无参考期限，请按处理决定书填写',
      '令第24号列举的6类主体68种违规行为清单尚未录入，失信类型沿用国科发监〔2022〕221号',
    ],
  },
];

/** The pack in force on the incident date (both ends inclusive); null before the first pack. */
export function packFor(occurredOn: string, packs: readonly TIntegrityPack[] = integrityPacks): TIntegrityPack | null {
  return packs.find((p) => p.effectiveFrom <= occurredOn && (p.effectiveTo === null || occurredOn <= p.effectiveTo)) ?? null;
}

export function packById(id: string | null): TIntegrityPack | null {
  return integrityPacks.find((p) => p.id === id) ?? null;
}

export function measureZh(pack: TIntegrityPack | null, code: string): string {
  return (pack ?? (integrityPacks[0] as TIntegrityPack)).measures.find((m) => m.code === code)?.zh ?? code;
}

export function typeZh(pack: TIntegrityPack | null, code: string | null): string {
  if (code === null) return '';
  return (pack ?? (integrityPacks[0] as TIntegrityPack)).misconductTypes.find((m) => m.code === code)?.zh ?? code;
}

const severityZh: Record<string, string> = { minor: '情节较轻', serious: '情节较重', severe: '情节严重', extreme: '情节特别严重' };

/**
 * Notes on a record's ban period against its pack's guide: outside the guide, or no guide at all. Never a
 * refusal — the decision document (and a local rule) decides.
 */
export function periodWarnings(
  pack: TIntegrityPack | null,
  r: { severity: string | null; permanent: boolean; periodYears: number | null; hasBan: boolean; occurredOn: string | null },
): string[] {
  if (!r.hasBan) return [];
  if (r.occurredOn === null) return ['未填写行为发生日期，无法确定适用的规则版本'];
  if (pack === null) return ['行为发生日期早于已收录的规则版本（令第19号自2020年9月1日施行），请按处理决定书核对'];
  if (r.severity === null) return [];
  const guide = pack.periodGuides.find((g) => g.severity === r.severity);
  if (!guide) return [`${pack.name}：${severityZh[r.severity]}的限制期限未收录（未核实），请按处理决定书核对`];
  const tag = guide.verified ? '' : '（未核实，仅供参考）';
  if (r.permanent) return guide.permanentAllowed ? [] : [`${severityZh[r.severity]}一般不适用永久限制：${guide.clause}${tag}`];
  if (r.periodYears === null) return [];
  const low = guide.minYears !== null && r.periodYears < guide.minYears;
  const high = guide.maxYears !== null && r.periodYears > guide.maxYears;
  return low || high ? [`限制期限${r.periodYears}年与参考期限不一致：${guide.clause}${tag}`] : [];
}
