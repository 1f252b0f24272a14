import type { TPlanProgress, TStatusCounts, TTaskProgress, TTaskStatus } from '@kechuang/contracts';
import { laggingStatuses, targetStatusLabels, taskStatusLabels, taskStatusSeverity } from './status-rules.ts';

/** What a 进度通报 says, shared by the .docx and the .xlsx renderers. */
export interface BulletinInput {
  /** the issuing office, e.g. 衡阳市科学技术局 */
  issuer: string;
  /** the 文号-like line, e.g. 衡科通〔2026〕3号 */
  docNumber: string;
  title: string;
  periodLabel: string;
  progress: TPlanProgress;
  /** the date printed under the signature, ISO */
  issuedOn: string;
}

export const statusOrder: TTaskStatus[] = [
  'done',
  'on_track',
  'lagging',
  'severely_lagging',
  'overdue_unreported',
  'not_started',
  'unassigned',
];

export function cnDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const cnDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 25 → 二十五 (up to 99) */
export function cnNumber(n: number): string {
  if (n <= 10) return cnDigits[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : cnDigits[tens]}十${ones === 0 ? '' : cnDigits[ones]}`;
}

export function pct(x: number | null, digits = 1): string {
  return x === null ? '—' : `${Number(x.toFixed(digits))}%`;
}

export function num(x: number | null): string {
  return x === null ? '—' : String(Number(x.toFixed(4)));
}

export function countsText(c: TStatusCounts): string {
  return statusOrder
    .filter((s) => c[s] > 0)
    .map((s) => `${taskStatusLabels[s]} ${c[s]} 项`)
    .join('，');
}

export function unitsOf(t: TTaskProgress): string {
  const lead = t.leadOrgs.map((o) => o.shortName ?? o.name).join('、') || '未分工';
  const co = t.coOrgs.map((o) => o.shortName ?? o.name).join('、');
  return co ? `牵头单位：${lead}；配合单位：${co}` : `牵头单位：${lead}`;
}

/** Lagging, severely lagging and overdue tasks, worst first. */
export function laggingTasks(p: TPlanProgress): TTaskProgress[] {
  return p.tasks
    .filter((t) => laggingStatuses.has(t.status))
    .sort((a, b) => taskStatusSeverity[b.status] - taskStatusSeverity[a.status] || a.number.localeCompare(b.number, 'zh'));
}

export function totalTasks(c: TStatusCounts): number {
  return statusOrder.reduce((s, k) => s + c[k], 0);
}

export { targetStatusLabels, taskStatusLabels };
