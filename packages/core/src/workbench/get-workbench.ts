import type { TInboxItem, TSlotState, TWorkbench, TWorkbenchSection } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import { listEnterprises } from '../enterprise-registry/index.ts';
import { getInbox } from '../plan-execution/index.ts';
import { hasRole, requireActor } from '../policy.ts';
import { expertReviewSection } from '../review/index.ts';
import { bureauSections, item } from './bureau-sections.ts';

const listed = 6;

/** A reporter's day: returned reports first, then overdue, due within a week, drafts not submitted. */
async function reporterSections(ctx: Ctx): Promise<TWorkbenchSection[]> {
  const inbox = await getInbox(ctx, { dueSoonDays: 7, page: 1, pageSize: 200 });
  const of = (state: TSlotState) =>
    inbox.items
      .map((i: TInboxItem) => ({ i, slot: i.slots.find((s) => s.state === state) }))
      .filter((x) => x.slot !== undefined)
      .map(({ i, slot }) =>
        item({
          title: `${i.number} ${i.title}`.trim(),
          detail: i.planTitle,
          link: `/my-tasks?plan=${i.planId}&node=${i.nodeId}`,
          date: slot?.dueDate ?? null,
          days: slot?.daysLeft ?? null,
          percent: i.percent,
        }),
      );
  const groups: Array<[TWorkbenchSection['key'], TSlotState, number]> = [
    ['returned', 'returned', inbox.counts.returned],
    ['overdue', 'overdue', inbox.counts.overdue],
    ['dueSoon', 'due_soon', inbox.counts.dueSoon],
    ['drafts', 'draft', inbox.counts.drafts],
  ];
  return groups.map(([key, state, total]) => {
    const items = of(state);
    return { key, total: Math.max(total, items.length), items: items.slice(0, listed), link: '/my-tasks' };
  });
}

/** An enterprise's day: its own record, the rungs it holds and where to run the pre-assessment. */
async function enterpriseSections(ctx: Ctx): Promise<TWorkbenchSection[]> {
  const page = await listEnterprises(ctx, { page: 1, pageSize: listed, sort: 'name' });
  const items = page.items.map((e) => item({ title: e.name, detail: e.regionName, link: '/enterprises', count: e.rungs.length }));
  return [{ key: 'myEnterprise', total: page.total, items, link: '/enterprises/assess' }];
}

function viewOf(actor: Actor): TWorkbench['view'] {
  if (hasRole(actor, 'admin', 'planner')) return 'bureau';
  if (hasRole(actor, 'viewer')) return 'viewer';
  if (hasRole(actor, 'reporter')) return 'reporter';
  if (hasRole(actor, 'enterprise')) return 'enterprise';
  if (hasRole(actor, 'expert')) return 'expert';
  return 'none';
}

/**
 * 工作台: what needs doing today for the signed-in person, by role, from the modules' own read models
 * (the plan dashboards of the followed plans, the inbox, the registry), each item linking to where the
 * work is done. The landing page: a handful of cached reads, no scans.
 */
export async function getWorkbench(ctx: Ctx): Promise<TWorkbench> {
  const actor = requireActor(ctx);
  const asOf = bureauDate(ctx.now());
  const view = viewOf(actor);
  let sections: TWorkbenchSection[] = [];
  if (view === 'bureau' || view === 'viewer') sections = await bureauSections(ctx, actor, asOf, view === 'bureau');
  else if (view === 'reporter') sections = await reporterSections(ctx);
  else if (view === 'enterprise') sections = await enterpriseSections(ctx);
  // an expert's seats on open panels, still to declare or to score (review module)
  else if (view === 'expert') sections = [await expertReviewSection(ctx)];
  return { asOf, view, sections };
}
