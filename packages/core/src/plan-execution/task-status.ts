import type { TStatusCounts, TTargetStatus, TTaskStatus } from '@kechuang/contracts';
import { daysBetween } from './reporting-cycle.ts';
import { defaultStatusRules, type StatusRules, targetStatusLabels, taskStatusLabels, taskStatusSeverity } from './status-rules.ts';

/** Pure status computation: no database, no clock. Every verdict carries its zh-CN explanation. */

const pct = (x: number) => Math.round(x * 100);

/** Fraction (0–1) of the span start..end elapsed on asOf (end inclusive). */
export function elapsedFraction(start: string, end: string, asOf: string): number {
  const total = daysBetween(start, end) + 1;
  if (total <= 0) return 1;
  const done = daysBetween(start, asOf) + 1;
  return Math.min(1, Math.max(0, done / total));
}

export interface TaskStatusInput {
  asOf: string;
  start: string;
  end: string;
  /** latest submitted or accepted percent complete; null: nothing reported yet */
  percent: number | null;
  /** slots past their due date with no submitted or accepted report */
  overdueSlots: number;
  /** the earliest overdue period, for the explanation */
  firstOverdue?: { period: string; dueDate: string } | null;
  /** false when the task has no lead unit yet: it is 未分工 rather than lagging on an unreported 0% */
  assigned?: boolean;
  /** verdicts of the task's targets */
  targets?: Array<{ name: string; status: TTargetStatus; reason: string }>;
}

export interface Verdict<S> {
  status: S;
  reason: string;
}

export function worse(a: TTaskStatus, b: TTaskStatus): TTaskStatus {
  return taskStatusSeverity[a] >= taskStatusSeverity[b] ? a : b;
}

/** Time elapsed against percent complete, then overdue reports, then the targets' paths. */
export function taskStatus(input: TaskStatusInput, rules: StatusRules = defaultStatusRules): Verdict<TTaskStatus> {
  if (input.percent !== null && input.percent >= rules.donePercent)
    return { status: 'done', reason: `已报完成进度 ${input.percent}% → ${taskStatusLabels.done}` };
  if (input.assigned === false) return { status: 'unassigned', reason: `尚未明确牵头单位，不计算进度 → ${taskStatusLabels.unassigned}` };
  if (input.asOf < input.start)
    return { status: 'not_started', reason: `计划于 ${input.start} 开始，尚未开始 → ${taskStatusLabels.not_started}` };
  if (input.overdueSlots > 0) {
    const first = input.firstOverdue ? `（最早为 ${input.firstOverdue.period} 期，应于 ${input.firstOverdue.dueDate} 前报送）` : '';
    return {
      status: 'overdue_unreported',
      reason: `有 ${input.overdueSlots} 期进度逾期未报${first} → ${taskStatusLabels.overdue_unreported}`,
    };
  }
  const elapsed = pct(elapsedFraction(input.start, input.end, input.asOf));
  const done = input.percent ?? 0;
  const gap = elapsed - done;
  const progress = input.percent === null ? '尚无报送（按 0% 计）' : `完成进度 ${done}%`;
  let status: TTaskStatus;
  let reason: string;
  if (gap >= rules.severeGap) {
    status = 'severely_lagging';
    reason = `已过时间 ${elapsed}%，${progress}，落后 ${gap} 个百分点 ≥ ${rules.severeGap} → ${taskStatusLabels.severely_lagging}`;
  } else if (gap >= rules.laggingGap) {
    status = 'lagging';
    reason = `已过时间 ${elapsed}%，${progress}，落后 ${gap} 个百分点 ≥ ${rules.laggingGap} → ${taskStatusLabels.lagging}`;
  } else {
    status = 'on_track';
    reason =
      gap > 0
        ? `已过时间 ${elapsed}%，${progress}，落后 ${gap} 个百分点 < ${rules.laggingGap} → ${taskStatusLabels.on_track}`
        : `已过时间 ${elapsed}%，${progress}，不落后于时间进度 → ${taskStatusLabels.on_track}`;
  }
  // a target far behind its path makes the task at least as bad
  for (const t of input.targets ?? []) {
    const fromTarget: TTaskStatus | null = t.status === 'severely_lagging' ? 'severely_lagging' : t.status === 'lagging' ? 'lagging' : null;
    if (fromTarget && taskStatusSeverity[fromTarget] > taskStatusSeverity[status]) {
      status = fromTarget;
      reason = `${reason}；指标“${t.name}”${t.reason}`;
    }
  }
  return { status, reason };
}

export interface TargetInput {
  asOf: string;
  start: string;
  end: string;
  kind: string;
  comparator: string | null;
  target: number;
  baseline: number | null;
  actual: number | null;
  unit: string;
}

export interface TargetVerdict extends Verdict<TTargetStatus> {
  expected: number | null;
  attainment: number | null;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100));

/** Lower is better for ranks and for ceilings (≤, 不超过, 以内, 控制在…以下). */
export function lowerIsBetter(kind: string, comparator: string | null): boolean {
  if (kind === 'rank') return true;
  return comparator !== null && /≤|<|不超过|不高于|以内|以下|控制/.test(comparator);
}

/**
 * A target's actual against the expected linear path from its baseline (0 for increments) to the
 * target value over the task's span. Without a baseline the path is unknown: the target is judged
 * met or not, and counts as behind only once the span is over.
 */
export function targetStatus(input: TargetInput, rules: StatusRules = defaultStatusRules): TargetVerdict {
  const { actual, target, unit } = input;
  const lower = lowerIsBetter(input.kind, input.comparator);
  const base = input.kind === 'increment' ? (input.baseline ?? 0) : input.baseline;
  const elapsed = elapsedFraction(input.start, input.end, input.asOf);
  const expected = base === null ? null : base + (target - base) * elapsed;
  if (actual === null) return { status: 'no_data', reason: targetStatusLabels.no_data, expected, attainment: null };
  const met = lower ? actual <= target : actual >= target;
  const attainment =
    base !== null && target !== base
      ? (actual - base) / (target - base)
      : target !== 0
        ? lower
          ? target / actual
          : actual / target
        : null;
  if (met)
    return {
      status: 'met',
      reason: `实际 ${fmt(actual)}${unit}，目标 ${fmt(target)}${unit} → ${targetStatusLabels.met}`,
      expected,
      attainment,
    };
  if (base === null || expected === null) {
    if (input.asOf <= input.end)
      return {
        status: 'on_track',
        reason: `实际 ${fmt(actual)}${unit}，目标 ${fmt(target)}${unit}，无基期值，期末前不判滞后 → ${targetStatusLabels.on_track}`,
        expected,
        attainment,
      };
    return {
      status: 'severely_lagging',
      reason: `期限已过，实际 ${fmt(actual)}${unit} 未达目标 ${fmt(target)}${unit} → ${targetStatusLabels.severely_lagging}`,
      expected,
      attainment,
    };
  }
  const shouldPct = pct(elapsed);
  const isPct = pct(Math.max(0, attainment ?? 0));
  const gap = shouldPct - isPct;
  const head = `应完成 ${shouldPct}%（预期 ${fmt(expected)}${unit}），实际完成 ${isPct}%（实际 ${fmt(actual)}${unit} / 目标 ${fmt(target)}${unit}）`;
  if (gap >= rules.severeGap)
    return {
      status: 'severely_lagging',
      reason: `${head}，落后 ${gap} 个百分点 ≥ ${rules.severeGap} → ${targetStatusLabels.severely_lagging}`,
      expected,
      attainment,
    };
  if (gap >= rules.laggingGap)
    return {
      status: 'lagging',
      reason: `${head}，落后 ${gap} 个百分点 ≥ ${rules.laggingGap} → ${targetStatusLabels.lagging}`,
      expected,
      attainment,
    };
  return { status: 'on_track', reason: `${head} → ${targetStatusLabels.on_track}`, expected, attainment };
}

export function emptyCounts(): TStatusCounts {
  return { unassigned: 0, not_started: 0, done: 0, on_track: 0, lagging: 0, severely_lagging: 0, overdue_unreported: 0 };
}

export interface RollUpItem {
  status: TTaskStatus;
  percent: number | null;
  weight: number;
  elapsed: number | null;
}

/**
 * Weighted roll-up of tasks to a section or the plan: completion = Σ w·percent / Σ w; the status
 * compares it with the weighted time elapsed, and is at least 滞后 when a fifth of the weight is
 * lagging or worse.
 */
export function rollUp(
  items: RollUpItem[],
  rules: StatusRules = defaultStatusRules,
): { status: TTaskStatus; completion: number; elapsed: number; counts: TStatusCounts } {
  const counts = emptyCounts();
  let w = 0;
  let wDone = 0;
  let wElapsed = 0;
  let wBad = 0;
  for (const i of items) {
    counts[i.status]++;
    // a task without a lead unit is counted but carries no weight until it is assigned
    if (i.status === 'unassigned') continue;
    const weight = Math.max(i.weight, 0);
    w += weight;
    wDone += weight * (i.status === 'done' ? 100 : (i.percent ?? 0));
    wElapsed += weight * 100 * (i.elapsed ?? 0);
    if (taskStatusSeverity[i.status] >= taskStatusSeverity.lagging) wBad += weight;
  }
  if (items.length > 0 && counts.unassigned === items.length) return { status: 'unassigned', completion: 0, elapsed: 0, counts };
  if (items.length === 0 || w === 0) return { status: 'not_started', completion: 0, elapsed: 0, counts };
  const completion = Math.round((wDone / w) * 10) / 10;
  const elapsed = Math.round((wElapsed / w) * 10) / 10;
  let status: TTaskStatus;
  const weighed = items.length - counts.unassigned;
  if (counts.done === weighed) status = 'done';
  else if (counts.not_started === weighed) status = 'not_started';
  else {
    const gap = elapsed - completion;
    status = gap >= rules.severeGap ? 'severely_lagging' : gap >= rules.laggingGap ? 'lagging' : 'on_track';
    if (wBad / w >= 0.2) status = worse(status, 'lagging');
  }
  return { status, completion, elapsed, counts };
}
