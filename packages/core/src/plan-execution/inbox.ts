import { AppError, type TInbox, type TInboxItem, type TInboxQuery, type TInboxSlot, type TSlotState } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { hasRole, requireRole } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { cached, type Db } from './exec.repository.ts';
import { memoSlotStates, type SlotState, slotUrgency } from './inbox-slots.ts';
import { type AssignmentLink, orgNames, type PlanStructure, type ProgressNode, planAssignmentLinks, planStructure } from './plan-cache.ts';
import { isPastDue, taskSchedule } from './plan-progress.ts';
import { daysBetween, type ReportingSlot } from './reporting-cycle.ts';
import { currentTallies, type PairTally, pairKey, periodParser, triples } from './tally-cache.ts';

/** An assignment with what ranking it needs: its plan, its task's schedule and its unit's report tally. */
interface InboxRow {
  plan: InboxPlan;
  node: ProgressNode;
  org_id: number;
  role: string;
  tally: PairTally | undefined;
}

interface InboxPlan {
  id: number;
  title: string;
  year: number;
  period_to: number | null;
  version: number;
  assignment_version: number;
  structure: PlanStructure;
}

function inboxSlot(s: ReportingSlot, state: TSlotState, rep: { id: number; version: number } | undefined, daysLeft: number): TInboxSlot {
  return { ...s, state, reportId: rep?.id ?? null, reportVersion: rep?.version ?? null, daysLeft };
}

/**
 * One unit's report tallies in the given plans, read straight from report_tally through the unit's assignments
 * (a few rows by index): a unit's inbox needs no other unit's, so it does not wait its turn behind the reads that
 * keep a whole plan's tallies current (currentTallies reads one plan after another on a newer snapshot).
 */
async function unitTallies(db: Db, planIds: number[], orgId: number): Promise<ReadonlyMap<string, PairTally>[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_assignment as a')
    .innerJoin('report_tally as t', (j) => j.onRef('t.node_id', '=', 'a.node_id').onRef('t.org_id', '=', 'a.org_id'))
    .select([
      't.plan_id',
      't.node_id',
      't.org_id',
      't.reported',
      't.on_time',
      't.awaiting',
      't.returned',
      't.drafts',
      't.pending',
      't.latest_id',
      't.latest_period',
      't.latest_period_end',
      't.latest_version',
      't.latest_status',
      't.latest_percent',
      't.latest_submitted_at',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.plan_id', 'in', planIds)
    .execute();
  const periods = periodParser();
  const byPlan = new Map(planIds.map((id) => [id, new Map<string, PairTally>()]));
  for (const r of rows)
    byPlan.get(r.plan_id)?.set(pairKey(r.node_id, r.org_id), {
      nodeId: r.node_id,
      orgId: r.org_id,
      reported: periods(r.reported),
      onTime: periods(r.on_time),
      awaiting: periods(r.awaiting),
      returned: triples(r.returned),
      drafts: triples(r.drafts),
      pending: r.pending,
      latest:
        r.latest_id === null
          ? null
          : {
              id: r.latest_id,
              node_id: r.node_id,
              org_id: r.org_id,
              period: r.latest_period as string,
              period_end: r.latest_period_end as string,
              version: r.latest_version as number,
              status: r.latest_status as string,
              percent: r.latest_percent,
              submitted_at: r.latest_submitted_at,
            },
    });
  return planIds.map((id) => byPlan.get(id) as Map<string, PairTally>);
}

/**
 * 我的任务: every task of a published plan assigned to the unit, with what each reporting slot needs
 * (returned for rework, overdue, due soon, draft, awaiting review), most urgent first. Planners and
 * viewers get the same view over their region, optionally for one unit.
 */
export async function getInbox(ctx: Ctx, query: TInboxQuery): Promise<TInbox> {
  const actor = requireRole(ctx, 'admin', 'planner', 'viewer', 'reporter');
  const regionWide = hasRole(actor, 'admin', 'planner', 'viewer');
  if (!regionWide && query.orgId !== undefined && query.orgId !== actor.orgId)
    throw new AppError('auth/out_of_scope', { orgId: query.orgId });
  const orgId = regionWide ? query.orgId : actor.orgId;
  const asOf = query.asOf ?? bureauDate(ctx.now());
  const scope = regionWide ? `region:${actor.regionCode}` : `org:${actor.orgId}`;
  return cached(ctx.cache, `plan-inbox:${scope}:${asOf}:${JSON.stringify({ ...query, asOf, orgId })}`, () =>
    buildInbox(ctx, query, asOf, regionWide ? actor.regionCode : null, orgId),
  );
}

async function buildInbox(ctx: Ctx, query: TInboxQuery, asOf: string, region: string | null, orgId: number | undefined): Promise<TInbox> {
  const db = ctx.db;
  let pq = db
    .selectFrom('plan as p')
    .select(['p.id', 'p.title', 'p.year', 'p.period_to', 'p.version', 'p.assignment_version'])
    .where('p.status', '=', 'published')
    .where('p.archived', '=', false);
  if (region !== null) pq = pq.where('p.region_code', 'like', subtreePattern(region));
  if (query.planId !== undefined) pq = pq.where('p.id', '=', query.planId);
  if (orgId !== undefined)
    pq = pq.where(({ exists, selectFrom }) =>
      exists(selectFrom('plan_assignment as a').select('a.id').whereRef('a.plan_id', '=', 'p.id').where('a.org_id', '=', orgId)),
    );
  const planRows = await pq.execute();
  // the plans' task trees and assignments from the per-version caches; the tallies afresh: one unit's own few
  // rows, or every unit's from the plan's running tallies
  const [structures, links, tallies] = await Promise.all([
    Promise.all(planRows.map((p) => planStructure(db, p))),
    Promise.all(planRows.map((p) => planAssignmentLinks(db, p))),
    orgId === undefined
      ? Promise.all(planRows.map((p) => currentTallies(db, p)))
      : unitTallies(
          db,
          planRows.map((p) => p.id),
          orgId,
        ),
  ]);
  const assignments: InboxRow[] = [];
  planRows.forEach((p, i) => {
    const plan: InboxPlan = { ...p, structure: structures[i] as PlanStructure };
    const planTallies = tallies[i] as ReadonlyMap<string, PairTally>;
    for (const l of links[i] as AssignmentLink[]) {
      if (orgId !== undefined && l.org_id !== orgId) continue;
      const node = plan.structure.nodeById.get(l.node_id);
      if (node) assignments.push({ plan, node, org_id: l.org_id, role: l.role, tally: planTallies.get(pairKey(l.node_id, l.org_id)) });
    }
  });

  const counts = { tasks: 0, returned: 0, overdue: 0, dueSoon: 0, drafts: 0, awaitingReview: 0 };
  const ranked: Array<{ a: InboxRow; states: SlotState[]; urgency: TSlotState; firstDue: string; percent: number | null }> = [];
  // schedules are shared (see taskSchedule): days left and past due per slot, once each
  const timings = new Map<ReportingSlot[], { daysLeft: number[]; pastDue: boolean[] }>();
  for (const a of assignments) {
    const tally = a.tally;
    const { slots } = taskSchedule(a.node, a.plan);
    let timing = timings.get(slots);
    if (!timing) {
      timing = { daysLeft: slots.map((s) => daysBetween(asOf, s.dueDate)), pastDue: slots.map((s) => isPastDue(s, asOf)) };
      timings.set(slots, timing);
    }
    const states = memoSlotStates(slots, timing, tally, a.role === 'lead', asOf, query.dueSoonDays);
    if (query.state && !states.some((s) => s.state === query.state)) continue;
    counts.tasks++;
    for (const s of states) {
      if (s.state === 'returned') counts.returned++;
      else if (s.state === 'overdue') counts.overdue++;
      else if (s.state === 'due_soon') counts.dueSoon++;
      else if (s.state === 'draft') counts.drafts++;
      else if (s.state === 'submitted') counts.awaitingReview++;
    }
    ranked.push({
      a,
      states,
      urgency: states[0]?.state ?? 'accepted',
      firstDue: states[0]?.slot.dueDate ?? '9999-12-31',
      percent: tally?.latest?.percent ?? null,
    });
  }
  // ISO days compare as strings; a plain comparison is many times cheaper than localeCompare over every assignment
  ranked.sort(
    (x, y) =>
      slotUrgency[x.urgency] - slotUrgency[y.urgency] ||
      (x.firstDue < y.firstDue ? -1 : x.firstDue > y.firstDue ? 1 : 0) ||
      x.a.plan.id - y.a.plan.id ||
      x.a.node.position - y.a.node.position ||
      x.a.org_id - y.a.org_id,
  );
  const start = (query.page - 1) * query.pageSize;
  const page = ranked.slice(start, start + query.pageSize);
  const names = await orgNames(
    db,
    page.map((r) => r.a.org_id),
  );
  return {
    asOf,
    counts,
    items: page.map(({ a, states, urgency, percent }): TInboxItem => {
      const { node, plan } = a;
      return {
        planId: plan.id,
        planTitle: plan.title,
        nodeId: node.id,
        number: node.number,
        title: node.title,
        sectionTitle: node.parent_id === null ? null : (plan.structure.nodeById.get(node.parent_id)?.title ?? null),
        orgId: a.org_id,
        orgName: names.get(a.org_id)?.name ?? '',
        role: a.role as 'lead' | 'co',
        dueDate: node.due_date,
        urgency,
        slots: states.map((s) => inboxSlot(s.slot, s.state, s.rep, s.daysLeft)),
        overdueCount: states.filter((s) => s.state === 'overdue').length,
        percent,
      };
    }),
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
