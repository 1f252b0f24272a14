import {
  incidentKinds,
  incidentSeverities,
  ipKinds,
  type TEnterpriseIncident,
  type TEnterpriseIncidentInput,
  type TEnterpriseIp,
  type TEnterpriseIpInput,
  type TIpKind,
  ZEnterpriseCreate,
  ZEnterpriseIncidentInput,
  ZEnterpriseIpInput,
} from '@kechuang/contracts';
import { cellText, type SheetTable } from './xlsx-workbook.ts';

/*
 * The 知识产权 and 事故记录 sheets of the registry workbook: zh-CN headers and labels shared by export
 * and import, and the row parser (every problem a row error, nothing thrown).
 */

export const ipKindNames: Record<TIpKind, string> = {
  invention_patent: '发明专利',
  defense_patent: '国防专利',
  plant_variety: '植物新品种',
  crop_variety: '国家级农作物品种',
  new_drug: '国家新药',
  tcm_protected_first_grade: '国家一级中药保护品种',
  ic_layout: '集成电路布图设计专有权',
  utility_model: '实用新型专利',
  design_patent: '外观设计专利',
  software_copyright: '软件著作权',
  other_class_ii: '其他Ⅱ类知识产权',
  trademark: '商标',
};
export const acquisitionNames = { own: '自主研发', transfer: '受让', gift: '受赠', merger: '并购' } as const;
export const incidentKindNames: Record<TEnterpriseIncident['kind'], string> = {
  safety: '安全事故',
  quality: '质量事故',
  environment: '环境违法',
  fraud: '严重弄虚作假',
  research_misconduct: '科研严重失信',
};
export const severityNames: Record<TEnterpriseIncident['severity'], string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especially_major: '特别重大',
};

export const ipHead = {
  uscc: '统一社会信用代码',
  number: '专利号/登记号',
  kind: '类型',
  title: '名称',
  grantDate: '授权日期',
  expiryDate: '保护期届满日期',
  domestic: '境内授权',
  owned: '企业为权利人',
  acquisition: '获得方式',
  usedInPriorHnte: '已用于以往高企认定',
  coreToMainProduct: '对主要产品发挥核心支持作用',
  relatedToMainProduct: '与主要产品相关',
} as const;
export const ipHeaders: string[] = Object.values(ipHead);

export const incidentHead = { uscc: '统一社会信用代码', date: '发生日期', kind: '类型', severity: '等级', note: '说明' } as const;
export const incidentHeaders: string[] = Object.values(incidentHead);

const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? '是' : '否');

export function ipCells(uscc: string, ip: TEnterpriseIp): Array<string | null> {
  return [
    uscc,
    ip.number,
    ipKindNames[ip.kind],
    ip.title ?? null,
    ip.grantDate ?? null,
    ip.expiryDate ?? null,
    yesNo(ip.domestic),
    yesNo(ip.owned),
    ip.acquisition ? acquisitionNames[ip.acquisition] : null,
    yesNo(ip.usedInPriorHnte),
    yesNo(ip.coreToMainProduct),
    yesNo(ip.relatedToMainProduct),
  ];
}

export function incidentCells(uscc: string, i: TEnterpriseIncident): Array<string | null> {
  return [uscc, i.date, incidentKindNames[i.kind], severityNames[i.severity], i.note];
}

/** A label or code → code; undefined for empty text, null for anything unknown. */
function codeOf<K extends string>(text: string, names: Record<K, string>, codes: readonly K[]): K | undefined | null {
  if (text === '') return undefined;
  const byName = (Object.entries(names) as Array<[K, string]>).find(([, n]) => n === text)?.[0];
  if (byName) return byName;
  return codes.includes(text as K) ? (text as K) : null;
}

type Fail = (sheet: string, row: number, column: string, message: string) => void;

function textOf(t: SheetTable, values: unknown[], head: string, asDate = false): string {
  const col = t.columns.get(head);
  return col === undefined ? '' : cellText((values[col] ?? null) as Parameters<typeof cellText>[0], asDate);
}

function usccOf(t: SheetTable, values: unknown[], bad: (column: string, message: string) => void): string {
  const uscc = textOf(t, values, ipHead.uscc).toUpperCase();
  const check = ZEnterpriseCreate.shape.uscc.safeParse(uscc);
  if (!check.success) bad(ipHead.uscc, uscc ? (check.error.issues[0]?.message ?? '无效') : '不能为空');
  return uscc;
}

export interface IpRow {
  row: number;
  uscc: string;
  item: TEnterpriseIpInput;
}

export function parseIpSheet(t: SheetTable, fail: Fail): IpRow[] {
  const S = t.sheet;
  let headOk = true;
  for (const h of [ipHead.uscc, ipHead.number, ipHead.kind]) {
    if (!t.columns.has(h)) {
      fail(S, 1, h, `缺少必需的列“${h}”`);
      headOk = false;
    }
  }
  if (!headOk) return [];
  const out: IpRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of t.rows) {
    let ok = true;
    const bad = (column: string, message: string) => {
      fail(S, row, column, message);
      ok = false;
    };
    const uscc = usccOf(t, values, bad);
    const kindText = textOf(t, values, ipHead.kind);
    const kind = codeOf(kindText, ipKindNames, ipKinds);
    if (!kind) bad(ipHead.kind, kindText ? `未知的知识产权类型“${kindText}”` : '不能为空');
    const acqText = textOf(t, values, ipHead.acquisition);
    const acquisition = codeOf(acqText, acquisitionNames, ['own', 'transfer', 'gift', 'merger'] as const);
    if (acquisition === null) bad(ipHead.acquisition, '应为 自主研发 / 受让 / 受赠 / 并购');
    const flags: Record<string, boolean> = {};
    for (const key of ['domestic', 'owned', 'usedInPriorHnte', 'coreToMainProduct', 'relatedToMainProduct'] as const) {
      const v = textOf(t, values, ipHead[key]);
      if (v === '') continue;
      if (v === '是') flags[key] = true;
      else if (v === '否') flags[key] = false;
      else bad(ipHead[key], '应为“是”或“否”');
    }
    const dates: Record<string, string> = {};
    for (const key of ['grantDate', 'expiryDate'] as const) {
      const v = textOf(t, values, ipHead[key], true);
      if (v !== '') dates[key] = v;
    }
    const title = textOf(t, values, ipHead.title);
    if (!ok) continue;
    const parsed = ZEnterpriseIpInput.safeParse({
      number: textOf(t, values, ipHead.number),
      kind,
      ...(title ? { title } : {}),
      ...dates,
      ...flags,
      ...(acquisition ? { acquisition } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as keyof typeof ipHead;
        fail(S, row, ipHead[key] ?? '', key === 'grantDate' || key === 'expiryDate' ? '应为日期（YYYY-MM-DD）' : issue.message);
      }
      continue;
    }
    const key = `${uscc}|${parsed.data.number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(S, row, ipHead.number, `该企业的专利号/登记号与第 ${first} 行重复`);
      continue;
    }
    seen.set(key, row);
    out.push({ row, uscc, item: parsed.data });
  }
  return out;
}

export interface IncidentRow {
  row: number;
  uscc: string;
  incident: TEnterpriseIncidentInput;
}

export function parseIncidentSheet(t: SheetTable, fail: Fail): IncidentRow[] {
  const S = t.sheet;
  let headOk = true;
  for (const h of [incidentHead.uscc, incidentHead.date, incidentHead.kind, incidentHead.severity]) {
    if (!t.columns.has(h)) {
      fail(S, 1, h, `缺少必需的列“${h}”`);
      headOk = false;
    }
  }
  if (!headOk) return [];
  const out: IncidentRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of t.rows) {
    let ok = true;
    const bad = (column: string, message: string) => {
      fail(S, row, column, message);
      ok = false;
    };
    const uscc = usccOf(t, values, bad);
    const kindText = textOf(t, values, incidentHead.kind);
    const kind = codeOf(kindText, incidentKindNames, incidentKinds);
    if (!kind) bad(incidentHead.kind, kindText ? `未知的类型“${kindText}”` : '不能为空');
    const sevText = textOf(t, values, incidentHead.severity);
    const severity = codeOf(sevText, severityNames, incidentSeverities);
    if (!severity) bad(incidentHead.severity, sevText ? '应为 一般 / 较大 / 重大 / 特别重大' : '不能为空');
    const date = textOf(t, values, incidentHead.date, true);
    if (!ok) continue;
    const note = textOf(t, values, incidentHead.note);
    const parsed = ZEnterpriseIncidentInput.safeParse({ date, kind, severity, note: note || null });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        fail(
          S,
          row,
          key === 'date' ? incidentHead.date : key === 'note' ? incidentHead.note : '',
          key === 'date' ? '应为日期（YYYY-MM-DD）' : issue.message,
        );
      }
      continue;
    }
    const key = `${uscc}|${parsed.data.date}|${parsed.data.kind}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(S, row, incidentHead.date, `该企业同一日期的同类记录与第 ${first} 行重复`);
      continue;
    }
    seen.set(key, row);
    out.push({ row, uscc, incident: parsed.data });
  }
  return out;
}
