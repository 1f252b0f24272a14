import { AppError, type TDashboardQuery, type TPlanDashboard, type TTaskProgress } from '@kechuang/contracts';
import { sql } from 'kysely';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requirePlanReader } from './exec.policy.ts';
import { cached, type Db, findPlan, type PlanRow, planWindow } from './exec.repository.ts';
import { byUrgency, loadPlanProgress } from './plan-progress.ts';
import { reportNarratives, talliesHoldAsOf } from './progress.queries.ts';
import { monthEnd } from './reporting-cycle.ts';
import { laggingStatuses } from './status-rules.ts';
import { currentTallies } from './tally-cache.ts';
import { elapsedFraction, rollUp } from './task-status.ts';

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

/** Reports per month of the period reported on: submissions, on time, mean percent, self-assessments. */
async function trend(db: Db, planId: number, asOf: string, nodeIds: number[] | null, orgId: number | null): Promise<Map<string, TrendRow>> {
  if (nodeIds === null && orgId === null && (await talliesHoldAsOf(db, planId, asOf))) {
    // the whole plan, nothing submitted after the day: from the monthly tallies (a few hundred rows)
    const rows = await db
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
      .groupBy('month')
      .execute();
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
    q = q.where('node_id', 'in', nodeIds);
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
  const progress = await cached(ctx.cache, `plan-progress:${planId}:${asOf}:lean`, () =>
    loadPlanProgress(ctx.db, planId, asOf, { withNarratives: false, plan }),
  );
  const filtered = sectionId !== null || orgId !== null;
  const tasks = progress.tasks.filter(
    (t) =>
      (sectionId === null || t.sectionId === sectionId) && (orgId === null || [...t.leadOrgs, ...t.coOrgs].some((o) => o.orgId === orgId)),
  );
  const nodeIds = new Set(tasks.map((t) => t.nodeId));
  const overall = filtered ? rollUp(tasks) : { ...rollUp(progress.tasks), status: progress.status, completion: progress.completion };
  const w = planWindow(plan);
  const byMonth = await trend(ctx.db, planId, asOf, filtered ? [...nodeIds] : null, orgId);
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
    sections: progress.sections
      .filter((s) => sectionId === null || s.nodeId === sectionId)
      .map((s) => {
        if (orgId === null) return s;
        const r = rollUp(tasks.filter((t) => t.sectionId === s.nodeId));
        return { ...s, status: r.status, completion: r.completion, counts: r.counts };
      }),
    targets: progress.targets.filter((t) => (filtered ? t.nodeId !== null && nodeIds.has(t.nodeId) : true)),
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
