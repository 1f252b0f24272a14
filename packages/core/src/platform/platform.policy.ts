import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../policy.ts';

/*
 * Who may do what with innovation platforms:
 * - the bureau (admin, planner) manages the platforms, 认定 rounds and 绩效评价 of its region subtree;
 *   a viewer reads them;
 * - the users of a platform's 依托单位 (an enterprise account, or a reporter of an enterprise or institute)
 *   apply in a round, and read and report their own unit's platforms;
 * - the published list (运行中 platforms) is public.
 */

export function isUnitUser(actor: Actor): boolean {
  return hasRole(actor, 'enterprise', 'reporter') && (actor.orgKind === 'enterprise' || actor.orgKind === 'institute');
}

export function requireUnitUser(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isUnitUser(actor)) throw new AppError('auth/forbidden', { reason: '仅依托单位用户' });
  return actor;
}

/** admin or planner whose subtree holds the region */
export function requirePlatformManager(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

/** region-wide roles read their subtree */
export function requirePlatformReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function canManagePlatform(actor: Actor, p: { regionCode: string }): boolean {
  return hasRole(actor, 'admin', 'planner') && inRegionScope(actor, p.regionCode);
}

export function canReadPlatform(actor: Actor, p: { orgId: number; regionCode: string }): boolean {
  if (isRegionWide(actor)) return inRegionScope(actor, p.regionCode);
  return isUnitUser(actor) && actor.orgId === p.orgId;
}

/** only the platform's own unit reports its year */
export function canReportPlatform(actor: Actor, p: { orgId: number }): boolean {
  return isUnitUser(actor) && actor.orgId === p.orgId;
}
