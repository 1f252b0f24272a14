import type { TWorkbenchSection } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';

/**
 * The expert's 工作台 section: seats on open panels still to declare or to score, the earliest review end first.
 * Before declaring, an item names the batch and the application's number only (the title is read after it).
 */
export async function expertReviewSection(ctx: Ctx, listed = 6): Promise<TWorkbenchSection> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .selectFrom('review_assignment as s')
    .innerJoin('expert as e', 'e.id', 's.expert_id')
    .innerJoin('review_panel as p', 'p.id', 's.panel_id')
    .innerJoin('project_application as a', 'a.id', 'p.subject_id')
    .innerJoin('project_call as c', 'c.id', 'p.batch_id')
    .select(['s.status', 'p.subject_id', 'p.review_to', 'a.title', 'c.title as batch_title'])
    .where('e.user_id', '=', actor.userId)
    .where('s.seat', '=', true)
    .where('s.status', 'in', ['invited', 'accepted'])
    .where('p.status', '=', 'open')
    .orderBy('p.review_to')
    .orderBy('s.id')
    .execute();
  const today = Date.parse(bureauDate(ctx.now()));
  const items = rows.map((r) => ({
    title: r.status === 'invited' ? `申报书 #${r.subject_id}（待声明）` : `${r.title}（待评分）`,
    detail: r.batch_title,
    link: '/review?view=mine',
    taskStatus: null,
    targetStatus: null,
    date: r.review_to,
    days: Math.round((Date.parse(r.review_to) - today) / 86_400_000),
    percent: null,
    count: null,
  }));
  return { key: 'reviews', total: items.length, items: items.slice(0, listed), link: items.length ? '/review?view=mine' : null };
}
