import { AppError, type TPlanDetail } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { assertRegionScope, inRegionScope, requireRole } from '../policy.ts';
import { containsPattern, pageWindow, subtreePattern } from '../query.ts';
import { loadPlanDetail, selectPlans, toPlanSummary } from './plan.repository.ts';

export interface ListPlansInput {
  page: number;
  pageSize: number;
  q?: string | undefined;
  year?: number | undefined;
  region?: string | undefined;
}

/** Plans are read by the bureau (admin, planner) and by leaders (viewer), within their region subtree. */
export async function listPlans(ctx: Ctx, input: ListPlansInput) {
  const actor = requireRole(ctx, 'admin', 'planner', 'viewer');
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  let q = selectPlans(ctx.db).where('p.region_code', 'like', subtreePattern(input.region ?? actor.regionCode));
  if (input.year) q = q.where('p.year', '=', input.year);
  if (input.q?.trim()) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('p.title', 'like', like), eb('p.doc_number', 'like', like)]));
  }
  const { limit, offset } = pageWindow(input);
  const [rows, count] = await Promise.all([
    q.orderBy('p.year', 'desc').orderBy('p.id', 'desc').limit(limit).offset(offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPlanSummary), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

export async function getPlan(ctx: Ctx, id: number): Promise<TPlanDetail> {
  const actor = requireRole(ctx, 'admin', 'planner', 'viewer');
  const plan = await loadPlanDetail(ctx.db, id);
  if (!plan) throw new AppError('plan/not_found', { id });
  assertRegionScope(actor, plan.regionCode);
  return plan;
}
