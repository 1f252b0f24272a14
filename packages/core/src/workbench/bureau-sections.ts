import type { TPlanDashboard, TWorkbenchItem, TWorkbenchSection } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { getInbox, getPlanDashboard } from '../plan-execution/index.ts';
import { addDays, daysBetween } from '../plan-execution/reporting-cycle.ts';
import { subtreePattern } from '../query.ts';

/** The plans a bureau's workbench follows: published, not archived, newest first, in the region subtree. */
const followedPlans = 3;
const listed = 6;
/** 高新技术企业 certificates expiring within this many days are shown (the re-application takes months). */
const certificateHorizonDays = 90;

export const item = (i: Partial<TWorkbenchItem> & Pick<TWorkbenchItem, 'title' | 'link'>): TWorkbenchItem => ({
  detail: null,
  taskStatus: null,
  targetStatus: null,
  date: null,
  days: null,
  percent: null,
  count: null,
  ...i,
});

const section = (key: TWorkbenchSection['key'], items: TWorkbenchItem[], total: number, link: string | null = null): TWorkbenchSection => ({
  key,
  total,
  items: items.slice(0, listed),
  link,
});

async function activePlans(ctx: Ctx, actor: Actor) {
  return ctx.db
    .selectFrom('plan')
    .select(['id', 'title', 'year'])
    .where('region_code', 'like', subtreePattern(actor.regionCode))
    .where('status', '=', 'published')
    .where('archived', '=', false)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(followedPlans)
    .execute();
}

function planSections(boards: TPlanDashboard[], manage: boolean): TWorkbenchSection[] {
  const plans = boards.map((d) =>
    item({
      title: d.title,
      link: `/plans/${d.planId}/dashboard`,
      taskStatus: d.overall.status,
      percent: d.overall.completion,
      count: d.counts.unassigned,
    }),
  );
  const lagging = boards.flatMap((d) =>
    d.laggingTasks.map((t) =>
      item({
        title: `${t.number} ${t.title}`.trim(),
        detail: [t.leadOrgs.map((o) => o.shortName ?? o.name).join('、'), d.title].filter(Boolean).join(' · '),
        link: `/plans/${d.planId}/tasks/${t.nodeId}`,
        taskStatus: t.status,
        percent: t.percent,
      }),
    ),
  );
  const laggingTotal = boards.reduce((s, d) => s + d.counts.lagging + d.counts.severely_lagging + d.counts.overdue_unreported, 0);
  const targets = boards.flatMap((d) =>
    d.targets
      .filter((t) => t.status === 'lagging' || t.status === 'severely_lagging')
      .map((t) =>
        item({
          title: t.indicatorName,
          detail: d.title,
          link: `/plans/${d.planId}/dashboard`,
          targetStatus: t.status,
          percent: t.attainment === null ? null : Math.round(t.attainment * 1000) / 10,
        }),
      ),
  );
  const out = [section('plans', plans, plans.length, '/plans'), section('lagging', lagging, laggingTotal)];
  if (manage) {
    const review = boards
      .filter((d) => d.reviewPending > 0)
      .map((d) => item({ title: d.title, link: `/plans/${d.planId}/review`, count: d.reviewPending }));
    out.push(
      section(
        'review',
        review,
        boards.reduce((s, d) => s + d.reviewPending, 0),
      ),
    );
  }
  out.push(section('targets', targets, targets.length));
  return out;
}

async function deadlines(ctx: Ctx, asOf: string): Promise<TWorkbenchSection> {
  const inbox = await getInbox(ctx, { state: 'due_soon', dueSoonDays: 7, page: 1, pageSize: listed });
  const items = inbox.items.map((i) => {
    const slot = i.slots.find((s) => s.state === 'due_soon') ?? i.slots[0];
    return item({
      title: `${i.number} ${i.title}`.trim(),
      detail: `${i.orgName} · ${i.planTitle}`,
      link: `/plans/${i.planId}/tasks/${i.nodeId}`,
      date: slot?.dueDate ?? null,
      days: slot ? daysBetween(asOf, slot.dueDate) : null,
    });
  });
  return section('deadlines', items, inbox.counts.dueSoon);
}

async function certificates(ctx: Ctx, actor: Actor, asOf: string): Promise<TWorkbenchSection> {
  const until = addDays(asOf, certificateHorizonDays);
  const base = ctx.db
    .selectFrom('enterprise_status as s')
    .innerJoin('enterprise as e', 'e.id', 's.enterprise_id')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .where('s.rung', '=', 'hnte')
    .where('s.valid_to', '>=', asOf)
    .where('s.valid_to', '<=', until)
    .where('e.region_code', 'like', subtreePattern(actor.regionCode));
  const [rows, total] = await Promise.all([
    base.select(['e.name', 'r.name as region_name', 's.valid_to']).orderBy('s.valid_to').orderBy('e.name').limit(listed).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) =>
    item({
      title: r.name,
      detail: r.region_name,
      link: `/enterprises?q=${encodeURIComponent(r.name)}`,
      date: r.valid_to,
      days: r.valid_to ? daysBetween(asOf, r.valid_to) : null,
    }),
  );
  return section('certificates', items, Number(total.n), '/enterprises?rung=hnte');
}

/** A bureau's day (admin, planner: manage = true; leaders and the province: read-only). */
export async function bureauSections(ctx: Ctx, actor: Actor, asOf: string, manage: boolean): Promise<TWorkbenchSection[]> {
  const plans = await activePlans(ctx, actor);
  const boards = await Promise.all(plans.map((p) => getPlanDashboard(ctx, p.id, { asOf })));
  const [due, certs] = await Promise.all([manage ? deadlines(ctx, asOf) : null, certificates(ctx, actor, asOf)]);
  return [...planSections(boards, manage), ...(due ? [due] : []), certs];
}
