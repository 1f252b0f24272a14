import { AppError, type TDashboardQuery, type TPlanDashboard, type TTaskProgress } from '@kechuang/contracts';
import { sql } from 'kysely';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requirePlanReader } from './exec.policy.ts';
import { cached, type Db, findPlan, type PlanRow, planWindow } from './exec.repository.ts';
import { planAssignmentLinks, planStructure } from './plan-cache.ts';
import { byUrgency, loadPlanProgress } from './plan-progress.ts';
import { reportNarratives, talliesHoldAsOf } from './progress.queries.ts';
import { monthEnd } from './reporting-cycle.ts';
import { laggingStatuses } from './status-rules.ts';
import { currentTallies } from './tally-cache.ts';
import { elapsedFraction } from './task-status.ts';

interface TrendRow {
  month: string;
  submitted: string;
  on_time: string;
  avg_percent: string | null;
  on_track: string;
  at_risk: string;
  lagging: string;
  done: string;
}

/**
 * Reports per month of the period reported on: submissions, on time, mean percent, self-assessments. Of the
 * whole plan or of one unit (`orgId`), and of a section's tasks (`nodeIds`, null: every task).
 */
async function trend(db: Db, planId: number, asOf: string, nodeIds: number[] | null, orgId: number | null): Promise<Map<string, TrendRow>> {
  if (nodeIds === null && (await talliesHoldAsOf(db, planId, asOf))) {
    // the whole plan or one unit, nothing submitted after the day: from the monthly tallies (a few hundred rows)
    let q = db
      .selectFrom('report_month_tally')
      .select([
        'month',
        sql<string>`sum(submitted)`.as('submitted'),
        sql<string>`sum(on_time)`.as('on_time'),
        // numeric division, as avg() does
        sql<string | null>`sum(percent_sum)::numeric / nullif(sum(percent_n), 0)`.as('avg_percent'),
        sql<string>`sum(on_track)`.as('on_track'),
        sql<string>`sum(at_risk)`.as('at_risk'),
        sql<string>`sum(lagging)`.as('lagging'),
        sql<string>`sum(done)`.as('done'),
      ])
      .where('plan_id', '=', planId)
      .groupBy('month');
    if (orgId !== null) q = q.where('org_id', '=', orgId);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.month, r]));
  }
  let q = db
    .selectFrom('progress_report')
    .select([
      sql<string>`to_char(period_end, 'YYYY-MM')`.as('month'),
      sql<string>`count(*) filter (where submitted_at is not null)`.as('submitted'),
      sql<string>`count(*) filter (where submitted_at is not null and (submitted_at at time zone 'Asia/Shanghai')::date <= due_date)`.as(
        'on_time',
      ),
      sql<string | null>`avg(percent) filter (where status in ('submitted', 'accepted'))`.as('avg_percent'),
      sql<string>`count(*) filter (where self_status = 'on_track' and submitted_at is not null)`.as('on_track'),
      sql<string>`count(*) filter (where self_status = 'at_risk' and submitted_at is not null)`.as('at_risk'),
      sql<string>`count(*) filter (where self_status = 'lagging' and submitted_at is not null)`.as('lagging'),
      sql<string>`count(*) filter (where self_status = 'done' and submitted_at is not null)`.as('done'),
    ])
    .where('plan_id', '=', planId)
    .where(sql<boolean>`(submitted_at is null or submitted_at < ${asOf}::date + 1)`)
    .groupBy(sql`to_char(period_end, 'YYYY-MM')`);
  if (orgId !== null) q = q.where('org_id', '=', orgId);
  if (nodeIds !== null) {
    if (nodeIds.length === 0) return new Map();
    q = q.where(sql<boolean>`node_id = any(${sql.val(nodeIds)}::int[])`);
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.month, r]));
}

/** The latest reports' narratives of a few tasks (the dashboard loads progress without them). */
async function withNarratives(db: Db, tasks: TTaskProgress[]): Promise<TTaskProgress[]> {
  const text = await reportNarratives(
    db,
    tasks.flatMap((t) => (t.latestReport ? [t.latestReport.id] : [])),
  );
  return tasks.map((t) =>
    t.latestReport ? { ...t, latestReport: { ...t.latestReport, narrative: text.get(t.latestReport.id) ?? '' } } : t,
  );
}

/** The tasks a filtered dashboard shows: those of a top-level section, those a unit leads or joins, or both. */
async function tasksShown(db: Db, plan: PlanRow, sectionId: number | null, orgId: number | null): Promise<Set<number>> {
  const [structure, links] = await Promise.all([planStructure(db, plan), orgId === null ? null : planAssignmentLinks(db, plan)]);
  let ids: number[] = structure.nodes.filter((n) => n.kind === 'task').map((n) => n.id);
  if (sectionId !== null) ids = ids.filter((id) => structure.sectionIds.get(id) === sectionId);
  if (links) {
    const ofOrg = new Set(links.filter((l) => l.org_id === orgId).map((l) => l.node_id));
    ids = ids.filter((id) => ofOrg.has(id));
  }
  return new Set(ids);
}

/** The plan overview: status counts, targets against their paths, trend, lagging units and tasks. */
export async function getPlanDashboard(ctx: Ctx, planId: number, query: TDashboardQuery): Promise<TPlanDashboard> {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const asOf = query.asOf ?? bureauDate(ctx.now());
  const sectionId = query.sectionId ?? null;
  const orgId = query.orgId ?? null;
  if (sectionId !== null) {
    const s = await ctx.db
      .selectFrom('plan_node')
      .select('id')
      .where('id', '=', sectionId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!s) throw new AppError('plan/node_not_found', { nodeId: sectionId });
  }
  return cached(ctx.cache, `plan-dashboard:${planId}:${asOf}:${sectionId}:${orgId}`, () =>
    buildDashboard(ctx, plan, asOf, sectionId, orgId),
  );
}

async function buildDashboard(
  ctx: Ctx,
  plan: PlanRow,
  asOf: string,
  sectionId: number | null,
  orgId: number | null,
): Promise<TPlanDashboard> {
  const planId = plan.id;
  const filtered = sectionId !== null || orgId !== null;
  // filtered: only the tasks shown are evaluated (with their targets and units), at a cost in proportion
  const only = filtered ? await tasksShown(ctx.db, plan, sectionId, orgId) : undefined;
  const progress = await cached(ctx.cache, `plan-progress:${planId}:${asOf}:lean${filtered ? `:${sectionId}:${orgId}` : ''}`, () =>
    loadPlanProgress(ctx.db, planId, asOf, { withNarratives: false, plan, ...(only ? { only } : {}) }),
  );
  const tasks = progress.tasks;
  const nodeIds = new Set(tasks.map((t) => t.nodeId));
  const overall = { status: progress.status, completion: progress.completion, counts: progress.counts };
  const w = planWindow(plan);
  const byMonth = await trend(ctx.db, planId, asOf, sectionId !== null ? [...nodeIds] : null, orgId);
  const months: TPlanDashboard['trend'] = [];
  let y = plan.year;
  let m = 1;
  for (let i = 0; i < 60; i++) {
    const end = monthEnd(y, m);
    if (end > w.end) break;
    const key = end.slice(0, 7);
    const r = byMonth.get(key);
    months.push({
      period: key,
      reportsSubmitted: Number(r?.submitted ?? 0),
      reportsOnTime: Number(r?.on_time ?? 0),
      avgPercent: r?.avg_percent == null ? null : Math.round(Number(r.avg_percent) * 10) / 10,
      expectedPercent: Math.round(elapsedFraction(w.start, w.end, end) * 1000) / 10,
      selfStatus: {
        on_track: Number(r?.on_track ?? 0),
        at_risk: Number(r?.at_risk ?? 0),
        lagging: Number(r?.lagging ?? 0),
        done: Number(r?.done ?? 0),
      },
    });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  // reports awaiting review (not superseded by a later version), from the current tallies
  let reviewPending = 0;
  for (const t of (await currentTallies(ctx.db, plan)).values())
    if ((orgId === null || t.orgId === orgId) && (sectionId === null || nodeIds.has(t.nodeId))) reviewPending += t.pending;
  return {
    planId: plan.id,
    title: plan.title,
    year: plan.year,
    status: plan.status as TPlanDashboard['status'],
    asOf,
    filter: { sectionId, orgId },
    overall: {
      status: overall.status,
      completion: overall.completion,
      elapsed: Math.round(elapsedFraction(w.start, w.end, asOf) * 1000) / 10,
    },
    counts: overall.counts,
    sections: progress.sections.filter((s) => sectionId === null || s.nodeId === sectionId),
    targets: progress.targets,
    trend: months,
    units: progress.units.filter((u) => orgId === null || u.orgId === orgId),
    laggingTasks: await withNarratives(
      ctx.db,
      tasks
        .filter((t) => laggingStatuses.has(t.status))
        .sort(byUrgency)
        .slice(0, 50),
    ),
    reviewPending,
  };
}

/** The plan's full progress on a date (what the bulletin is built from). */
export async function getPlanProgress(ctx: Ctx, planId: number, asOf?: string) {
  const plan = await findPlan(ctx.db, planId);
  requirePlanReader(ctx, plan);
  const day = asOf ?? bureauDate(ctx.now());
  return cached(ctx.cache, `plan-progress:${planId}:${day}:full`, () => loadPlanProgress(ctx.db, planId, day));
}
