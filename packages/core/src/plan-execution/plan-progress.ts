import type { TOrgRef, TPlanProgress, TTargetProgress, TTaskProgress, TUnitScore } from '@kechuang/contracts';
import { yieldTurn } from '../yield-turn.ts';
import { type Db, findPlan, type NodeRow, type PlanRow, planWindow, type TargetRow } from './exec.repository.ts';
import { type ProgressNode, planOrgsByNode, planStructure } from './plan-cache.ts';
import {
  indicatorActuals,
  type LatestReport,
  latestReportByNode,
  latestTargetValues,
  type ReportTally,
  reportNarratives,
  reportTallies,
  talliesHoldAsOf,
} from './progress.queries.ts';
import { addDays, type ReportingSlot, reportingSlots } from './reporting-cycle.ts';
import { defaultStatusRules, laggingStatuses, type StatusRules, taskStatusSeverity } from './status-rules.ts';
import { pairKey } from './tally-cache.ts';
import { targetActual } from './target-actual.ts';
import { type TaskMemo, taskMemo } from './task-memo.ts';
import { elapsedFraction, rollUp, targetStatus, taskStatus } from './task-status.ts';

const schedules = new Map<string, { start: string; end: string; slots: ReportingSlot[] }>();
/** the schedule of a node object (read models keep their node objects while the plan's version holds) */
const nodeSchedules = new WeakMap<object, { window: string; schedule: { start: string; end: string; slots: ReportingSlot[] } }>();

/**
 * The span a task runs over and the slots it reports on (shared and frozen: thousands of tasks of a
 * plan have the same few schedules).
 */
export function taskSchedule(
  n: Pick<NodeRow, 'start_date' | 'due_date' | 'cycle' | 'cycle_due_day' | 'custom_due_dates'>,
  plan: { year: number; period_to: number | null },
): { start: string; end: string; slots: ReportingSlot[] } {
  const window = `${plan.year}|${plan.period_to}`;
  const known = nodeSchedules.get(n);
  if (known && known.window === window) return known.schedule;
  const w = planWindow(plan);
  const start = n.start_date ?? w.start;
  const end = n.due_date ?? w.end;
  const key = `${n.cycle}|${n.cycle_due_day}|${n.custom_due_dates.join(',')}|${start}|${end}|${plan.year}`;
  let schedule = schedules.get(key);
  if (!schedule) {
    const slots = reportingSlots(
      { cycle: n.cycle as 'none', dueDay: n.cycle_due_day, customDueDates: n.custom_due_dates, startDate: start, dueDate: end },
      plan.year,
    );
    schedule = Object.freeze({ start, end, slots: Object.freeze(slots.map((s) => Object.freeze(s))) as ReportingSlot[] });
    if (schedules.size >= 1000) schedules.clear();
    schedules.set(key, schedule);
  }
  nodeSchedules.set(n, { window, schedule });
  return schedule;
}

/** A slot is overdue once its due date (plus grace) has passed without a report. */
export function isPastDue(slot: ReportingSlot, asOf: string, rules: StatusRules = defaultStatusRules): boolean {
  return addDays(slot.dueDate, rules.overdueGraceDays) < asOf;
}

/** The baseline row matching a target: same indicator, preferring the same task. */
function baselineFor(t: TargetRow, baselines: TargetRow[]): number | null {
  const same = (b: TargetRow) => (t.indicator_code && b.indicator_code === t.indicator_code) || b.indicator_name === t.indicator_name;
  const hit = baselines.find((b) => same(b) && b.node_id === t.node_id) ?? baselines.find(same);
  return hit ? Number(hit.value) : null;
}

/**
 * Everything known about a plan's progress on a date: each task's status with its explanation,
 * the sections and the plan rolled up by weight, each target against its path, and a scorecard
 * per unit. Read-only; callers check access.
 */
export async function loadPlanProgress(
  db: Db,
  planId: number,
  asOf: string,
  opts: {
    rules?: StatusRules;
    withNarratives?: boolean;
    plan?: PlanRow;
    /** only these tasks (and their targets and units): a dashboard filtered by section or unit */
    only?: ReadonlySet<number>;
  } = {},
): Promise<TPlanProgress> {
  const rules = opts.rules ?? defaultStatusRules;
  const only = opts.only ?? null;
  const plan = opts.plan && opts.plan.id === planId ? opts.plan : await findPlan(db, planId);
  const hold = await talliesHoldAsOf(db, planId, asOf);
  const [structure, orgsByNode, tallies] = await Promise.all([
    planStructure(db, plan),
    planOrgsByNode(db, plan),
    reportTallies(db, plan, asOf, hold),
  ]);
  const { nodes, sectionIds, nodeById } = structure;
  const targetRows = only
    ? structure.targetRows.filter((t) => !t.baseline && t.node_id !== null && only.has(t.node_id))
    : structure.targetRows;
  const values = await latestTargetValues(db, planId, asOf, hold, only ? targetRows.map((t) => t.id) : undefined);
  const latestByNode = latestReportByNode(tallies.values(), only);
  const narratives =
    opts.withNarratives === false
      ? new Map<number, string>()
      : await reportNarratives(
          db,
          [...latestByNode.values()].map((r) => r.id),
        );
  const indicator = await indicatorActuals(
    db,
    plan.region_code,
    plan.year,
    targetRows.filter((t) => !t.baseline && t.indicator_code).map((t) => t.indicator_code as string),
  );
  const valueBy = new Map(values.map((v) => [v.target_id, v]));
  const baselines = structure.targetRows.filter((t) => t.baseline);
  const w = planWindow(plan);

  // targets first: a task's status takes its targets into account
  const targets: TTargetProgress[] = [];
  for (const t of targetRows) {
    if (t.baseline) continue;
    const node = t.node_id === null ? undefined : nodeById.get(t.node_id);
    const span = node ? taskSchedule(node, plan) : w;
    const fromReport = valueBy.get(t.id);
    const source = targetActual({
      indicatorCode: t.indicator_code,
      planYear: plan.year,
      regionName: plan.region_name,
      fromIndicator: t.indicator_code ? indicator.exact.get(t.indicator_code) : undefined,
      latestIndicator: t.indicator_code ? indicator.latest.get(t.indicator_code) : undefined,
      fromReport: fromReport
        ? { value: Number(fromReport.value), period: fromReport.period, unitName: fromReport.short_name ?? fromReport.org_name }
        : undefined,
    });
    const actual = source.actual;
    const verdict = targetStatus(
      {
        asOf,
        start: span.start,
        end: span.end,
        kind: t.kind,
        comparator: t.comparator,
        target: Number(t.value),
        baseline: baselineFor(t, baselines),
        actual,
        unit: t.unit,
      },
      rules,
    );
    targets.push({
      targetId: t.id,
      nodeId: t.node_id,
      indicatorName: t.indicator_name,
      indicatorCode: t.indicator_code,
      unit: t.unit,
      comparator: t.comparator,
      target: Number(t.value),
      baseline: baselineFor(t, baselines),
      actual,
      actualSource: source.source,
      actualSourceLabel: source.sourceLabel,
      expected: verdict.expected === null ? null : Math.round(verdict.expected * 100) / 100,
      attainment: verdict.attainment === null ? null : Math.round(verdict.attainment * 1000) / 1000,
      status: verdict.status,
      statusReason: source.missingReason ? `${source.missingReason} → ${verdict.reason}` : verdict.reason,
    });
  }
  const targetsByNode = new Map<number, TTargetProgress[]>();
  for (const t of targets) if (t.nodeId !== null) targetsByNode.set(t.nodeId, [...(targetsByNode.get(t.nodeId) ?? []), t]);

  const units = new Map<number, TUnitScore>();
  const unit = (o: TOrgRef) => {
    let u = units.get(o.orgId);
    if (!u) {
      u = { orgId: o.orgId, name: o.shortName ?? o.name, tasks: 0, lagging: 0, slotsDue: 0, slotsOnTime: 0, onTimeRate: null };
      units.set(o.orgId, u);
    }
    return u;
  };

  const tasks: TTaskProgress[] = [];
  // schedules are shared (see taskSchedule): their slots past due, once each
  const dueSlots = new Map<ReportingSlot[], ReportingSlot[]>();
  // a task whose inputs are the very same as last time is not evaluated again (task-memo.ts)
  const memo = taskMemo(db, plan, asOf, rules, orgsByNode);
  let seen = 0;
  for (const n of nodes) {
    if (n.kind !== 'task' || (only && !only.has(n.id))) continue;
    // a large plan's tasks in slices, with a turn between them: on the embedded database this runs on the
    // thread every other request is served on
    if (++seen % tasksPerTurn === 0) await yieldTurn();
    const orgs = orgsByNode.get(n.id) ?? noOrgs;
    const sched = taskSchedule(n, plan);
    let due = dueSlots.get(sched.slots);
    if (!due) {
      // an archived plan is kept for the record: none of its periods is overdue
      due = plan.archived ? [] : sched.slots.filter((s) => isPastDue(s, asOf, rules));
      dueSlots.set(sched.slots, due);
    }
    let m = memo.get(n.id);
    const keys = m && m.orgs === orgs ? m.keys : orgs.lead.map((o) => pairKey(n.id, o.orgId));
    const leadTallies = keys.map((k) => tallies.get(k));
    const rep = latestByNode.get(n.id);
    const tTargets = targetsByNode.get(n.id) ?? noTargets;
    const targetsKey = tTargets.length === 0 ? '' : tTargets.map((t) => `${t.status}\u0001${t.statusReason}`).join('\u0002');
    const narrative = rep ? (narratives.get(rep.id) ?? '') : '';
    if (!m || !memo.same(m, leadTallies, rep, targetsKey, narrative)) {
      m = evaluateTask({ n, orgs, keys, sched, due, leadTallies, rep, tTargets, targetsKey, narrative, asOf, rules, sectionIds, nodeById });
      memo.set(n.id, m);
    }
    const task = m.task;
    orgs.lead.forEach((o, i) => {
      const u = unit(o);
      u.slotsDue += due.length;
      u.slotsOnTime += m.onTime[i] ?? 0;
    });
    const lagging = laggingStatuses.has(task.status);
    for (const o of orgs.lead) {
      const u = unit(o);
      u.tasks++;
      if (lagging) u.lagging++;
    }
    for (const o of orgs.co) {
      const u = unit(o);
      u.tasks++;
      if (lagging) u.lagging++;
    }
    tasks.push(task);
  }
  for (const u of units.values()) u.onTimeRate = u.slotsDue === 0 ? null : Math.round((u.slotsOnTime / u.slotsDue) * 1000) / 1000;

  // each task once into its section (not every task once per section)
  const bySection = new Map<number | null, TTaskProgress[]>();
  for (const t of tasks) {
    const list = bySection.get(t.sectionId);
    if (list) list.push(t);
    else bySection.set(t.sectionId, [t]);
  }
  const sections = nodes
    .filter((n) => n.kind === 'section' && sectionIds.get(n.id) === null)
    .map((s) => {
      const r = rollUp(bySection.get(s.id) ?? [], rules);
      return { nodeId: s.id, number: s.number, title: s.title, status: r.status, completion: r.completion, counts: r.counts };
    });
  const overall = rollUp(tasks, rules);
  return {
    planId: plan.id,
    title: plan.title,
    regionCode: plan.region_code,
    year: plan.year,
    asOf,
    status: overall.status,
    completion: overall.completion,
    counts: overall.counts,
    tasks,
    sections,
    targets,
    units: [...units.values()].sort((a, b) => b.lagging - a.lagging || (a.onTimeRate ?? 1) - (b.onTimeRate ?? 1) || a.orgId - b.orgId),
  };
}

/** tasks evaluated between two turns of the event loop */
const tasksPerTurn = 2000;

const noOrgs = { lead: [] as TOrgRef[], co: [] as TOrgRef[] };
const noTargets: TTargetProgress[] = [];

interface TaskInputs {
  n: ProgressNode;
  orgs: { lead: TOrgRef[]; co: TOrgRef[] };
  keys: string[];
  sched: { start: string; end: string };
  due: ReportingSlot[];
  leadTallies: (ReportTally | undefined)[];
  rep: LatestReport | undefined;
  tTargets: TTargetProgress[];
  targetsKey: string;
  narrative: string;
  asOf: string;
  rules: StatusRules;
  sectionIds: Map<number, number | null>;
  nodeById: Map<number, ProgressNode>;
}

/** One task's status and row: lead units owe the reports (co-units may contribute), its targets count too. */
function evaluateTask(x: TaskInputs): TaskMemo {
  const { n, orgs, sched, due, rep } = x;
  let overdue = 0;
  let firstOverdue: ReportingSlot | null = null;
  const onTime: number[] = [];
  orgs.lead.forEach((_, i) => {
    const tally = x.leadTallies[i];
    let hits = 0;
    for (const s of due) {
      if (tally?.onTime.has(s.period)) hits++;
      if (!tally?.reported.has(s.period)) {
        overdue++;
        if (!firstOverdue || s.dueDate < firstOverdue.dueDate) firstOverdue = s;
      }
    }
    onTime.push(hits);
  });
  const percent = rep?.percent ?? null;
  const verdict = taskStatus(
    {
      asOf: x.asOf,
      start: sched.start,
      end: sched.end,
      percent,
      overdueSlots: overdue,
      firstOverdue,
      assigned: orgs.lead.length > 0,
      targets: x.tTargets.map((t) => ({ name: t.indicatorName, status: t.status, reason: t.statusReason })),
    },
    x.rules,
  );
  const sectionId = x.sectionIds.get(n.id) ?? null;
  const section = sectionId === null ? undefined : x.nodeById.get(sectionId);
  const task: TTaskProgress = {
    nodeId: n.id,
    number: n.number,
    title: n.title,
    sectionId,
    sectionTitle: section?.title ?? null,
    leadOrgs: orgs.lead,
    coOrgs: orgs.co,
    status: verdict.status,
    statusReason: verdict.reason,
    percent,
    elapsed: Math.round(elapsedFraction(sched.start, sched.end, x.asOf) * 1000) / 1000,
    latestReport: rep
      ? {
          id: rep.id,
          period: rep.period,
          status: rep.status as 'submitted',
          narrative: x.narrative,
          percent: rep.percent,
          submittedAt: rep.submitted_at ? rep.submitted_at.toISOString() : null,
        }
      : null,
    overdueSlots: overdue,
    weight: Number(n.weight),
    dueDate: n.due_date,
  };
  return { orgs, keys: x.keys, leadTallies: x.leadTallies, rep, targetsKey: x.targetsKey, narrative: x.narrative, task, onTime };
}

/** Worst first, then by number. */
export function byUrgency(a: TTaskProgress, b: TTaskProgress): number {
  return (
    taskStatusSeverity[b.status] - taskStatusSeverity[a.status] ||
    b.overdueSlots - a.overdueSlots ||
    (a.percent ?? 0) - (b.percent ?? 0) ||
    a.nodeId - b.nodeId
  );
}
