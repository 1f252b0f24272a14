import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../policy.ts';

/*
 * Who may do what with calls and applications:
 * - the bureau (admin, planner) manages the calls of its region subtree and decides on their applications;
 * - a region's admin or planner sees the applications of its subtree and runs 推荐 and 形式审查; viewers read;
 * - an applicant user (an enterprise account, or a reporter of an enterprise or institute) sees and edits
 *   only its own unit's applications, and reads the calls published for its region.
 */

export function isApplicant(actor: Actor): boolean {
  return hasRole(actor, 'enterprise', 'reporter') && (actor.orgKind === 'enterprise' || actor.orgKind === 'institute');
}

export function requireApplicant(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isApplicant(actor)) throw new AppError('auth/forbidden', { reason: 'applicant units only' });
  return actor;
}

/** admin or planner whose subtree holds the region (managing calls, formal check, decisions). */
export function requireManagerOf(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function canReadCall(actor: Actor, call: { regionCode: string; status: string }): boolean {
  if (isRegionWide(actor) && inRegionScope(actor, call.regionCode)) return true;
  // a published call is read by everyone its region covers
  return call.status !== 'draft' && inRegionScope({ ...actor, regionCode: call.regionCode }, actor.regionCode);
}

type AppScope = { orgId: number; regionCode: string; status: string; recommender_org_id?: number | null };

/**
 * 主管部门: the users of a department that recommends applications (calls recommended by departments name it
 * on each application). They see, recommend and return the submitted applications that name them.
 */
export function isRecommender(actor: Actor): boolean {
  return hasRole(actor, 'reporter') && actor.orgKind === 'department';
}

/** A draft is the unit's own: region-wide roles see an application once it has been submitted. */
export function canReadApplication(actor: Actor, app: AppScope): boolean {
  if (isRegionWide(actor)) return app.status !== 'draft' && inRegionScope(actor, app.regionCode);
  if (isRecommender(actor)) return app.status !== 'draft' && app.recommender_org_id === actor.orgId;
  return isApplicant(actor) && actor.orgId === app.orgId;
}

export function assertApplicationReadable<T extends AppScope>(actor: Actor, app: T | null, id: number): T {
  if (!app) throw new AppError('project/application_not_found', { id });
  if (!canReadApplication(actor, app)) throw new AppError('auth/out_of_scope', { id });
  return app;
}

/** Only the applicant unit itself edits, submits and uploads. */
export function assertOwnApplication<T extends AppScope>(actor: Actor, app: T | null, id: number): T {
  const seen = assertApplicationReadable(actor, app, id);
  if (!isApplicant(actor) || actor.orgId !== seen.orgId) throw new AppError('auth/forbidden', { id });
  return seen;
}
