import type { TWorkbenchSection } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { batchTitles, subjectTitles } from './panels.ts';

const noun: Record<string, string> = { project_application: '申报书', platform_application: '平台认定申请', acceptance: '验收项目' };

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
    .select(['s.status', 'p.subject_kind', 'p.subject_id', 'p.batch_id', 'p.review_to'])
    .where('e.user_id', '=', actor.userId)
    .where('s.seat', '=', true)
    .where('s.status', 'in', ['invited', 'accepted'])
    .where('p.status', '=', 'open')
    .orderBy('p.review_to')
    .orderBy('s.id')
    .execute();
  const today = Date.parse(bureauDate(ctx.now()));
  const [titles, batches] = await Promise.all([subjectTitles(ctx.db, rows), batchTitles(ctx.db, rows)]);
  const items = rows.map((r) => ({
    title:
      r.status === 'invited'
        ? `${noun[r.subject_kind] ?? '评审对象'} #${r.subject_id}（待声明）`
        : `${titles.get(`${r.subject_kind}:${r.subject_id}`) ?? ''}（待评分）`,
    detail: batches.get(`${r.subject_kind}:${r.batch_id}`) ?? '',
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
