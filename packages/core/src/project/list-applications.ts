import { AppError, type TApplicationListQuery } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import type { Ctx } from '../context.ts';
import { isRegionWide, requireActor } from '../policy.ts';
import { containsPattern, pageTotal, pageWindow, subtreePattern } from '../query.ts';
import { summaryQuery, toSummary } from './get-application.ts';
import { isApplicant } from './project.policy.ts';

/** Applications the actor may see: its subtree for the bureau and regions, its own unit's for applicants. */
export async function listApplications(ctx: Ctx, input: TApplicationListQuery) {
  const actor = requireActor(ctx);
  let q = summaryQuery(ctx.db);
  if (isRegionWide(actor)) q = q.where('a.region_code', 'like', subtreePattern(actor.regionCode));
  else if (isApplicant(actor)) q = q.where('a.org_id', '=', actor.orgId);
  else throw new AppError('auth/forbidden');
  // the bureau does not read drafts: an application is the unit's own until it is submitted
  if (isRegionWide(actor)) q = q.where('a.status', '<>', 'draft');
  if (input.callId) q = q.where('a.call_id', '=', input.callId);
  if (input.status) q = q.where('a.status', '=', input.status);
  if (input.q) q = q.where('a.title', 'ilike', containsPattern(input.q));
  const { limit, offset } = pageWindow(input);
  const rows = await q.select(sql<string>`count(*) over ()`.as('total')).orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
  return {
    items: rows.map(toSummary),
    total: await pageTotal(rows, input, () => q.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()),
    page: input.page,
    pageSize: input.pageSize,
  };
}
