import { AppError, type TApplicationListQuery, type TApplicationSummary } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern } from '../query.ts';
import { summaryQuery, toSummary } from './get-application.ts';
import { isApplicant, isRecommender } from './project.policy.ts';

/** Applications the actor may see: its subtree for the bureau and regions, its own unit's for applicants. */
type Page = { items: TApplicationSummary[]; total: number; page: number; pageSize: number };

export async function listApplications(ctx: Ctx, input: TApplicationListQuery): Promise<Page> {
  const actor = requireActor(ctx);
  const key = `applications:${isRegionWide(actor) ? actor.regionCode : `org${actor.orgId}`}:${JSON.stringify(input)}`;
  const cached = ctx.cache.get<Page>(key);
  if (cached) return cached;
  let q = summaryQuery(ctx.db);
  if (isRegionWide(actor)) q = q.where('a.region_code', 'like', subtreePattern(actor.regionCode));
  else if (isApplicant(actor)) q = q.where('a.org_id', '=', actor.orgId);
  else if (isRecommender(actor)) q = q.where('a.recommender_org_id', '=', actor.orgId).where('a.status', '<>', 'draft');
  else throw new AppError('auth/forbidden');
  // the bureau does not read drafts: an application is the unit's own until it is submitted
  if (isRegionWide(actor)) q = q.where('a.status', '<>', 'draft');
  if (input.callId) q = q.where('a.call_id', '=', input.callId);
  if (input.status) q = q.where('a.status', '=', input.status);
  if (input.q) q = q.where('a.title', 'ilike', containsPattern(input.q));
  const { limit, offset } = pageWindow(input);
  // the page first (the database stops at it), the count separately
  const rows = await q.orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
  const { n } = await q.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const result = { items: rows.map(toSummary), total: Number(n), page: input.page, pageSize: input.pageSize };
  ctx.cache.set(key, result, ['project_application', 'project_call', 'organization', 'person']);
  return result;
}
