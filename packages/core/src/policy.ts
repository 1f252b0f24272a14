import { AppError, regionContains, type TRole } from '@kechuang/contracts';
import type { Actor, Ctx } from './context.ts';

/**
 * Data scope, enforced here rather than in routes.
 * - admin, planner, viewer: the region subtree of their organisation (a city bureau sees the city
 *   and its counties; a county bureau that county).
 * - reporter, expert, enterprise: their own organisation's records only.
 */
const regionWideRoles: TRole[] = ['admin', 'planner', 'viewer'];

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth/unauthenticated');
  return ctx.actor;
}

export function hasRole(actor: Actor, ...roles: TRole[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function requireRole(ctx: Ctx, ...roles: TRole[]): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, ...roles)) throw new AppError('auth/forbidden', { need: roles });
  return actor;
}

export function isRegionWide(actor: Actor): boolean {
  return hasRole(actor, ...regionWideRoles);
}

export function inRegionScope(actor: Actor, regionCode: string): boolean {
  return regionContains(actor.regionCode, regionCode);
}

/** May the actor see a record that belongs to this organisation in this region? */
export function canSeeOrgRecord(actor: Actor, orgId: number, regionCode: string): boolean {
  if (isRegionWide(actor)) return inRegionScope(actor, regionCode);
  return actor.orgId === orgId;
}

export function assertRegionScope(actor: Actor, regionCode: string): void {
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
}
