import type { TOrgRef, TTaskProgress } from '@kechuang/contracts';
import type { Db, PlanRow } from './exec.repository.ts';
import type { OrgsByNode } from './plan-cache.ts';
import type { LatestReport, ReportTally } from './progress.queries.ts';
import type { StatusRules } from './status-rules.ts';

/**
 * The evaluated tasks of a plan as of a day, kept in memory per database handle. After a report is written
 * only its (task, unit) tally is read again (tally-cache.ts): every other task then has the very same inputs
 * — the same tally objects, the same latest report, the same targets' verdicts — and keeps its evaluated row,
 * so that a dashboard read right after a submission evaluates one task instead of twenty thousand.
 * Everything else a task depends on (its schedule and place in the tree, its units and their names, the day,
 * the rules) is in the memo's key: when that changes the memo starts afresh.
 */
export interface TaskMemo {
  orgs: { lead: TOrgRef[]; co: TOrgRef[] };
  /** the tally keys of its lead units */
  keys: string[];
  leadTallies: (ReportTally | undefined)[];
  rep: LatestReport | undefined;
  targetsKey: string;
  narrative: string;
  task: TTaskProgress;
  /** per lead unit, the due periods it reported on time */
  onTime: number[];
}

interface PlanMemo {
  plan: Pick<PlanRow, 'version' | 'archived'>;
  asOf: string;
  rules: StatusRules;
  orgs: OrgsByNode;
  tasks: Map<number, TaskMemo>;
}

const memos = new WeakMap<object, Map<number, PlanMemo>>();

export function taskMemo(
  db: Db,
  plan: Pick<PlanRow, 'id' | 'version' | 'archived'>,
  asOf: string,
  rules: StatusRules,
  orgs: OrgsByNode,
): {
  get(nodeId: number): TaskMemo | undefined;
  set(nodeId: number, m: TaskMemo): void;
  same(
    m: TaskMemo,
    leadTallies: (ReportTally | undefined)[],
    rep: LatestReport | undefined,
    targetsKey: string,
    narrative: string,
  ): boolean;
} {
  let byPlan = memos.get(db);
  if (!byPlan) {
    byPlan = new Map();
    memos.set(db, byPlan);
  }
  let memo = byPlan.get(plan.id);
  const fits =
    memo &&
    memo.plan.version === plan.version &&
    memo.plan.archived === plan.archived &&
    memo.asOf === asOf &&
    memo.rules === rules &&
    memo.orgs === orgs;
  if (!memo || !fits) {
    memo = { plan: { version: plan.version, archived: plan.archived }, asOf, rules, orgs, tasks: new Map() };
    if (byPlan.size >= 20) byPlan.clear();
    byPlan.set(plan.id, memo);
  }
  const tasks = memo.tasks;
  return {
    get: (nodeId) => tasks.get(nodeId),
    set: (nodeId, m) => void tasks.set(nodeId, m),
    same: (m, leadTallies, rep, targetsKey, narrative) =>
      m.rep === rep &&
      m.targetsKey === targetsKey &&
      m.narrative === narrative &&
      m.leadTallies.length === leadTallies.length &&
      m.leadTallies.every((t, i) => t === leadTallies[i]),
  };
}
