import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { assertRegionScope, hasRole, requireActor, requireRole } from '../policy.ts';
import type { Db, PlanRow } from './exec.repository.ts';

/**
 * Who may do what with a plan's execution:
 * - admin, planner of the plan's region subtree: manage (edit, assign, review) and read everything;
 * - viewer of the subtree: read;
 * - reporter: only the tasks assigned to their own organisation, only of published plans;
 * - enterprise, expert: nothing.
 */
export function requirePlanManager(ctx: Ctx, plan: PlanRow): Actor {
  const actor = requireRole(ctx, 'admin', 'planner');
  assertRegionScope(actor, plan.region_code);
  return actor;
}

export function requirePlanReader(ctx: Ctx, plan: PlanRow): Actor {
  const actor = requireRole(ctx, 'admin', 'planner', 'viewer');
  assertRegionScope(actor, plan.region_code);
  return actor;
}

export function isManager(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner');
}

/** Region-wide readers see every task of a plan in scope; reporters see the tasks assigned to their org. */
export async function requireTaskReader(ctx: Ctx, db: Db, plan: PlanRow, nodeId: number): Promise<Actor> {
  const actor = requireRole(ctx, 'admin', 'planner', 'viewer', 'reporter');
  if (hasRole(actor, 'admin', 'planner', 'viewer')) {
    assertRegionScope(actor, plan.region_code);
    return actor;
  }
  await requireAssignedOrg(db, plan, nodeId, actor.orgId);
  return actor;
}

/** The reporter's org must be assigned the task of a published plan; otherwise 403 auth/out_of_scope. */
export async function requireAssignedOrg(db: Db, plan: PlanRow, nodeId: number, orgId: number): Promise<'lead' | 'co'> {
  const row = await db
    .selectFrom('plan_assignment')
    .select('role')
    .where('node_id', '=', nodeId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row || plan.status !== 'published') throw new AppError('auth/out_of_scope', { nodeId });
  return row.role as 'lead' | 'co';
}

/** Who may write a report for (task, org): the org's own reporter, or a manager on the unit's behalf. */
export async function requireReportWriter(ctx: Ctx, db: Db, plan: PlanRow, nodeId: number, orgId: number): Promise<Actor> {
  const actor = requireActor(ctx);
  if (isManager(actor)) {
    assertRegionScope(actor, plan.region_code);
    if (plan.status !== 'published') throw new AppError('plan/not_published', { planId: plan.id });
    const assigned = await db
      .selectFrom('plan_assignment')
      .select('id')
      .where('node_id', '=', nodeId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!assigned) throw new AppError('report/not_assigned', { nodeId, orgId });
    return actor;
  }
  if (!hasRole(actor, 'reporter')) throw new AppError('auth/forbidden', { need: ['reporter'] });
  if (orgId !== actor.orgId) throw new AppError('auth/out_of_scope', { orgId });
  await requireAssignedOrg(db, plan, nodeId, orgId);
  return actor;
}
