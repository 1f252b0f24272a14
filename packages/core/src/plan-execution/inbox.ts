import { AppError, type TInbox, type TInboxItem, type TInboxQuery, type TInboxSlot, type TSlotState } from '@kechuang/contracts';
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { hasRole, requireRole } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { bureauToday, cached } from './exec.repository.ts';
import { isPastDue, taskSchedule } from './plan-progress.ts';
import { daysBetween } from './reporting-cycle.ts';

/** Most urgent first. */
export const slotUrgency: Record<TSlotState, number> = {
  returned: 0,
  overdue: 1,
  due_soon: 2,
  draft: 3,
  submitted: 4,
  upcoming: 5,
  accepted: 6,
};

interface Tally {
  reported: Set<string>;
  awaiting: Set<string>;
  returned: Map<string, { id: number; version: number }>;
  drafts: Map<string, { id: number; version: number }>;
  percent: number | null;
}

/** Parses 'period|id|version' triples aggregated in SQL. */
function triples(xs: string[] | null): Map<string, { id: number; version: number }> {
  const m = new Map<string, { id: number; version: number }>();
  for (const x of xs ?? []) {
    const [period, id, version] = x.split('|');
    m.set(period as string, { id: Number(id), version: Number(version) });
  }
  return m;
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
  const asOf = query.asOf ?? bureauToday(ctx.now());
  const scope = regionWide ? `region:${actor.regionCode}` : `org:${actor.orgId}`;
  return cached(ctx.cache, `plan-inbox:${scope}:${asOf}:${JSON.stringify({ ...query, asOf, orgId })}`, () =>
    buildInbox(ctx, query, asOf, regionWide ? actor.regionCode : null, orgId),
  );
}

async function buildInbox(ctx: Ctx, query: TInboxQuery, asOf: string, region: string | null, orgId: number | undefined): Promise<TInbox> {
  let q = ctx.db
    .selectFrom('plan_assignment as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('plan_node as n', 'n.id', 'a.node_id')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .leftJoin('plan_node as s', 's.id', 'n.parent_id')
    .where('p.status', '=', 'published');
  if (region !== null) q = q.where('p.region_code', 'like', subtreePattern(region));
  if (orgId !== undefined) q = q.where('a.org_id', '=', orgId);
  if (query.planId !== undefined) q = q.where('a.plan_id', '=', query.planId);

  const [assignments, tallies] = await Promise.all([
    q
      .select([
        'a.plan_id',
        'p.title as plan_title',
        'p.year',
        'p.period_to',
        'a.node_id',
        'a.org_id',
        'a.role',
        'o.name as org_name',
        'n.number',
        'n.title',
        'n.position',
        'n.start_date',
        'n.due_date',
        'n.cycle',
        'n.cycle_due_day',
        'n.custom_due_dates',
        's.title as section_title',
      ])
      .execute(),
    ctx.db
      .selectFrom('progress_report as r')
      .innerJoin(q.select(['a.node_id', 'a.org_id']).as('x'), (j) =>
        j.onRef('x.node_id', '=', 'r.node_id').onRef('x.org_id', '=', 'r.org_id'),
      )
      .select([
        'r.node_id',
        'r.org_id',
        sql<string | null>`string_agg(r.period, ',') filter (where r.status in ('submitted', 'accepted'))`.as('reported'),
        sql<string | null>`string_agg(r.period, ',') filter (where r.status = 'submitted')`.as('awaiting'),
        sql<
          string[] | null
        >`array_agg(r.period || '|' || r.id || '|' || r.version order by r.version) filter (where r.status = 'returned')`.as('returned'),
        sql<string[] | null>`array_agg(r.period || '|' || r.id || '|' || r.version) filter (where r.status = 'draft')`.as('drafts'),
        sql<
          number | null
        >`(array_agg(r.percent order by r.period_end desc, r.version desc) filter (where r.status in ('submitted', 'accepted')))[1]`.as(
          'percent',
        ),
        // only versions > 1 can supersede a returned one; corrections are rare, so this list stays short
        sql<string[] | null>`array_agg(r.period || '|' || r.version) filter (where r.status <> 'draft' and r.version > 1)`.as('versions'),
      ])
      .$if(orgId !== undefined, (qb) => qb.where('r.org_id', '=', orgId as number))
      .$if(query.planId !== undefined, (qb) => qb.where('r.plan_id', '=', query.planId as number))
      .groupBy(['r.node_id', 'r.org_id'])
      .execute(),
  ]);

  const tallyBy = new Map<string, Tally>();
  for (const t of tallies) {
    // a returned version counts only when it is the latest non-draft version of its period
    const latestNonDraft = new Map<string, number>();
    for (const pv of t.versions ?? []) {
      const [p, v] = pv.split('|');
      latestNonDraft.set(p as string, Math.max(latestNonDraft.get(p as string) ?? 0, Number(v)));
    }
    const returned = triples(t.returned);
    for (const [p, r] of returned) if ((latestNonDraft.get(p) ?? 0) > r.version) returned.delete(p);
    const awaiting = new Set(t.awaiting ? t.awaiting.split(',') : []);
    tallyBy.set(`${t.node_id}:${t.org_id}`, {
      reported: new Set(t.reported ? t.reported.split(',') : []),
      awaiting,
      returned,
      drafts: triples(t.drafts),
      percent: t.percent,
    });
  }

  const counts = { tasks: 0, returned: 0, overdue: 0, dueSoon: 0, drafts: 0, awaitingReview: 0 };
  const items: Array<TInboxItem & { position: number; firstDue: string }> = [];
  for (const a of assignments) {
    const tally = tallyBy.get(`${a.node_id}:${a.org_id}`);
    const { slots } = taskSchedule(a, { year: a.year, period_to: a.period_to });
    const out: TInboxSlot[] = [];
    let next: TInboxSlot | null = null;
    for (const s of slots) {
      const daysLeft = daysBetween(asOf, s.dueDate);
      const slot = (state: TSlotState, rep?: { id: number; version: number }): TInboxSlot => ({
        ...s,
        state,
        reportId: rep?.id ?? null,
        reportVersion: rep?.version ?? null,
        daysLeft,
      });
      const returned = tally?.returned.get(s.period);
      const draft = tally?.drafts.get(s.period);
      const reported = tally?.reported.has(s.period) ?? false;
      if (returned && !draft) out.push(slot('returned', returned));
      else if (!reported && isPastDue(s, asOf)) {
        if (a.role === 'lead') out.push(slot('overdue', draft));
        else if (draft) out.push(slot('draft', draft));
      } else if (draft) out.push(slot('draft', draft));
      else if (tally?.awaiting.has(s.period)) out.push(slot('submitted'));
      else if (!reported && daysLeft >= 0 && daysLeft <= query.dueSoonDays) out.push(slot('due_soon'));
      else if (!reported && !next && daysLeft > query.dueSoonDays) next = slot('upcoming');
    }
    out.sort((x, y) => slotUrgency[x.state] - slotUrgency[y.state] || x.dueDate.localeCompare(y.dueDate));
    if (next) out.push(next);
    const urgency: TSlotState = out[0]?.state ?? 'accepted';
    if (query.state && !out.some((s) => s.state === query.state)) continue;
    counts.tasks++;
    for (const s of out) {
      if (s.state === 'returned') counts.returned++;
      else if (s.state === 'overdue') counts.overdue++;
      else if (s.state === 'due_soon') counts.dueSoon++;
      else if (s.state === 'draft') counts.drafts++;
      else if (s.state === 'submitted') counts.awaitingReview++;
    }
    items.push({
      planId: a.plan_id,
      planTitle: a.plan_title,
      nodeId: a.node_id,
      number: a.number,
      title: a.title,
      sectionTitle: a.section_title,
      orgId: a.org_id,
      orgName: a.org_name,
      role: a.role as 'lead' | 'co',
      dueDate: a.due_date,
      urgency,
      slots: out,
      overdueCount: out.filter((s) => s.state === 'overdue').length,
      percent: tally?.percent ?? null,
      position: a.position,
      firstDue: out[0]?.dueDate ?? '9999-12-31',
    });
  }
  items.sort(
    (x, y) =>
      slotUrgency[x.urgency] - slotUrgency[y.urgency] ||
      x.firstDue.localeCompare(y.firstDue) ||
      x.planId - y.planId ||
      x.position - y.position ||
      x.orgId - y.orgId,
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    asOf,
    counts,
    items: items.slice(start, start + query.pageSize).map(({ position: _p, firstDue: _f, ...item }) => item),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
