import type { TPlanProgress, TSectionProgress, TStatusCounts, TTargetProgress, TTaskProgress, TTaskStatus } from '@kechuang/contracts';
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

/**
 * The 总体情况 sentence. Progress and status are computed over assigned tasks only (a task without a
 * lead unit carries no weight), so the sentence says on how many tasks they rest and how many wait for
 * 分工 — a figure over 1 task of 50 must not read as the plan's progress.
 */
export function overallText(p: Pick<TPlanProgress, 'title' | 'counts' | 'completion' | 'status'>): string {
  const total = totalTasks(p.counts);
  if (total === 0) return `《${p.title}》尚未分解任务。`;
  const unassigned = p.counts.unassigned;
  const assigned = total - unassigned;
  if (assigned === 0) return `《${p.title}》共分解任务 ${total} 项，均未明确牵头单位，暂不计算完成进度。`;
  const progress = `按权重计完成进度 ${pct(p.completion)}，状态为“${taskStatusLabels[p.status]}”`;
  const others = countsText({ ...p.counts, unassigned: 0 });
  if (unassigned === 0) return `《${p.title}》共分解任务 ${total} 项，整体${progress}。其中${others}。`;
  return (
    `《${p.title}》共分解任务 ${total} 项，其中已明确牵头单位 ${assigned} 项、尚未分工 ${unassigned} 项（未分工任务不计入进度）。` +
    `已分工任务${progress}，其中${others}。`
  );
}

/** One section's line; sections without tasks (指导思想, 发展目标 …) are left out of the bulletin. */
export function sectionText(s: Pick<TSectionProgress, 'counts' | 'completion' | 'status'>): string {
  const total = totalTasks(s.counts);
  const unassigned = s.counts.unassigned;
  if (unassigned === total) return `共 ${total} 项任务，均尚未分工。`;
  const rest = unassigned > 0 ? `另有 ${unassigned} 项尚未分工，不计入进度` : '';
  const counts = countsText({ ...s.counts, unassigned: 0 });
  return `完成进度 ${pct(s.completion)}，状态“${taskStatusLabels[s.status]}”；${counts}${rest ? `；${rest}` : ''}。`;
}

export function sectionsWithTasks<S extends Pick<TSectionProgress, 'counts'>>(sections: S[]): S[] {
  return sections.filter((s) => totalTasks(s.counts) > 0);
}

/** The 来源/说明 cell of a target: where its actual comes from, or why it has none. */
export function targetNote(t: Pick<TTargetProgress, 'actual' | 'actualSourceLabel' | 'statusReason'>): string {
  if (t.actual !== null) return t.actualSourceLabel ?? '—';
  return t.statusReason.replace(/\s*→\s*\S+\s*$/, '');
}

export { targetStatusLabels, taskStatusLabels };
