import type { TTargetStatus, TTaskStatus } from '@kechuang/contracts';

/**
 * The status rule pack: thresholds as data, so a bureau can tune them without touching the engine.
 * Gaps are in percentage points of "time elapsed − work done" (tasks) or "expected progress − actual
 * progress along the path from baseline to target" (targets).
 */
export interface StatusRules {
  /** behind by at least this many points → 滞后 */
  laggingGap: number;
  /** behind by at least this many points → 严重滞后 */
  severeGap: number;
  /** a reported percent at or above this counts as 已完成 */
  donePercent: number;
  /** days after a slot's due date before it counts as 逾期未报 */
  overdueGraceDays: number;
}

export const defaultStatusRules: StatusRules = { laggingGap: 10, severeGap: 30, donePercent: 100, overdueGraceDays: 0 };

export const taskStatusLabels: Record<TTaskStatus, string> = {
  unassigned: '未分工',
  not_started: '未开始',
  done: '已完成',
  on_track: '正常推进',
  lagging: '滞后',
  severely_lagging: '严重滞后',
  overdue_unreported: '逾期未报',
};

export const targetStatusLabels: Record<TTargetStatus, string> = {
  no_data: '暂无数据',
  met: '已达标',
  on_track: '正常推进',
  lagging: '滞后',
  severely_lagging: '严重滞后',
};

/** Worse first: used to sort and to take the worst of two verdicts. */
export const taskStatusSeverity: Record<TTaskStatus, number> = {
  overdue_unreported: 5,
  severely_lagging: 4,
  lagging: 3,
  on_track: 2,
  not_started: 1,
  unassigned: 1,
  done: 0,
};

export const laggingStatuses: ReadonlySet<TTaskStatus> = new Set(['lagging', 'severely_lagging', 'overdue_unreported']);
