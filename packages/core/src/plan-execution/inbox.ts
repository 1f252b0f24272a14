import { AppError, type TInbox, type TInboxItem, type TInboxQuery, type TInboxSlot, type TSlotState } from '@kechuang/contracts';
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { hasRole, requireRole } from '../policy.ts';
import { subtreePattern } from '../query.ts';
import { bureauToday, cached } from './exec.repository.ts';
import { isPastDue, taskSchedule } from './plan-progress.ts';
import { periodParser } from './progress.queries.ts';
import { daysBetween, type ReportingSlot } from './reporting-cycle.ts';

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

interface InboxRow {
  plan_id: number;
  plan_title: string;
  year: number;
  period_to: number | null;
  node_id: number;
  org_id: number;
  role: string;
  org_name: string;
  number: string;
  title: string;
  position: number;
  start_date: string | null;
  due_date: string | null;
  cycle: string;
  cycle_due_day: number;
  custom_due_dates: string[];
  section_title: string | null;
  /** the report_tally columns; null when the unit has no report on the task */
  reported: string | null;
  awaiting: string | null;
  returned: string | null;
  drafts: string | null;
  latest_percent: number | null;
}

type InboxTuple = [
  plan_id: number,
  plan_title: string,
  year: number,
  period_to: number | null,
  node_id: number,
  org_id: number,
  role: string,
  org_name: string,
  number: string,
  title: string,
  position: number,
  start_date: string | null,
  due_date: string | null,
  cycle: string,
  cycle_due_day: number,
  custom_due_dates: string[],
  section_title: string | null,
  reported: string | null,
  awaiting: string | null,
  returned: string | null,
  drafts: string | null,
  latest_percent: number | null,
];

function inboxSlot(s: ReportingSlot, state: TSlotState, rep: { id: number; version: number } | undefined, daysLeft: number): TInboxSlot {
  return { ...s, state, reportId: rep?.id ?? null, reportVersion: rep?.version ?? null, daysLeft };
}

/** Parses 'period|id|version' triples of report_tally. */
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

  // one row per assignment with its tally (kept current by triggers on the reports), as one JSON
  // array of arrays: the least the embedded database has to encode and decode
  const source = q
    .leftJoin('report_tally as t', (j) => j.onRef('t.node_id', '=', 'a.node_id').onRef('t.org_id', '=', 'a.org_id'))
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
      't.reported',
      't.awaiting',
      't.returned',
      't.drafts',
      't.latest_percent',
    ]);
  const { rows: json } = await sql<{ j: string }>`select coalesce(json_agg(json_build_array(q.plan_id, q.plan_title, q.year,
      q.period_to, q.node_id, q.org_id, q.role, q.org_name, q.number, q.title, q.position, q.start_date, q.due_date, q.cycle,
      q.cycle_due_day, q.custom_due_dates, q.section_title, q.reported, q.awaiting, q.returned, q.drafts, q.latest_percent)),
      '[]')::text as j from ${source.as('q')}`.execute(ctx.db);
  const assignments: InboxRow[] = (JSON.parse(json[0]?.j ?? '[]') as InboxTuple[]).map(
    ([
      plan_id,
      plan_title,
      year,
      period_to,
      node_id,
      org_id,
      role,
      org_name,
      number,
      title,
      position,
      start_date,
      due_date,
      cycle,
      cycle_due_day,
      custom_due_dates,
      section_title,
      reported,
      awaiting,
      returned,
      drafts,
      latest_percent,
    ]) => ({
      plan_id,
      plan_title,
      year,
      period_to,
      node_id,
      org_id,
      role,
      org_name,
      number,
      title,
      position,
      start_date,
      due_date,
      cycle,
      cycle_due_day,
      custom_due_dates,
      section_title,
      reported,
      awaiting,
      returned,
      drafts,
      latest_percent,
    }),
  );

  const list = (s: string | null) => (s ? s.split(',') : []);
  const periods = periodParser();
  const tallyBy = new Map<string, Tally>();
  for (const t of assignments) {
    if (t.reported === null) continue;
    tallyBy.set(`${t.node_id}:${t.org_id}`, {
      reported: periods(t.reported),
      awaiting: periods(t.awaiting),
      returned: triples(list(t.returned)),
      drafts: triples(list(t.drafts)),
      percent: t.latest_percent,
    });
  }

  const counts = { tasks: 0, returned: 0, overdue: 0, dueSoon: 0, drafts: 0, awaitingReview: 0 };
  const items: Array<TInboxItem & { position: number; firstDue: string }> = [];
  // schedules are shared (see taskSchedule): days left and past due per slot, once each
  const timings = new Map<ReportingSlot[], { daysLeft: number[]; pastDue: boolean[] }>();
  for (const a of assignments) {
    const tally = tallyBy.get(`${a.node_id}:${a.org_id}`);
    const { slots } = taskSchedule(a, { year: a.year, period_to: a.period_to });
    let timing = timings.get(slots);
    if (!timing) {
      timing = { daysLeft: slots.map((s) => daysBetween(asOf, s.dueDate)), pastDue: slots.map((s) => isPastDue(s, asOf)) };
      timings.set(slots, timing);
    }
    const out: TInboxSlot[] = [];
    let next: TInboxSlot | null = null;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i] as ReportingSlot;
      const daysLeft = timing.daysLeft[i] as number;
      const returned = tally?.returned.get(s.period);
      const draft = tally?.drafts.get(s.period);
      const reported = tally?.reported.has(s.period) ?? false;
      if (returned && !draft) out.push(inboxSlot(s, 'returned', returned, daysLeft));
      else if (!reported && timing.pastDue[i]) {
        if (a.role === 'lead') out.push(inboxSlot(s, 'overdue', draft, daysLeft));
        else if (draft) out.push(inboxSlot(s, 'draft', draft, daysLeft));
      } else if (draft) out.push(inboxSlot(s, 'draft', draft, daysLeft));
      else if (tally?.awaiting.has(s.period)) out.push(inboxSlot(s, 'submitted', undefined, daysLeft));
      else if (!reported && daysLeft >= 0 && daysLeft <= query.dueSoonDays) out.push(inboxSlot(s, 'due_soon', undefined, daysLeft));
      else if (!reported && !next && daysLeft > query.dueSoonDays) next = inboxSlot(s, 'upcoming', undefined, daysLeft);
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
