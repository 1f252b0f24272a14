import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../../policy.ts';

/*
 * Who may do what with achievements, list entries, events and brokers:
 * - a unit's own users (an enterprise account, or a reporter of an enterprise or an institute) keep their unit's
 *   achievements and list entries as drafts, submit them, and see them whatever their status;
 * - the bureau (admin, planner) of the entry's region keeps entries for a unit of the region (and its own, e.g.
 *   共性技术需求), registers achievements, publishes or returns entries, runs 对接会 and the broker registry;
 *   viewers of the region read what was submitted; drafts stay with their owner;
 * - everybody, signed in or not, reads published entries through the public search.
 */

/** Kinds of unit whose entries the lists take: enterprises, universities and institutes, and the bureau. */
export const ownerKinds = ['enterprise', 'institute', 'bureau'] as const;

export function isUnitUser(actor: Actor): boolean {
  return hasRole(actor, 'enterprise', 'reporter') && (actor.orgKind === 'enterprise' || actor.orgKind === 'institute');
}

export function isBureauOf(actor: Actor, regionCode: string): boolean {
  return hasRole(actor, 'admin', 'planner') && inRegionScope(actor, regionCode);
}

export function requireBureauOf(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function requireRegionReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export interface Owned {
  ownerOrgId: number;
  regionCode: string;
  status: string;
  /** the organisation of the user who entered it (the bureau entering for a unit keeps that draft) */
  creatorOrgId: number | null;
}

/** An owner's record is edited by its unit's users, or by the bureau that entered it for the unit. */
export function canEditOwned(actor: Actor, r: Owned): boolean {
  if (actor.orgId === r.ownerOrgId && (isUnitUser(actor) || hasRole(actor, 'admin', 'planner'))) return true;
  return r.creatorOrgId === actor.orgId && isBureauOf(actor, r.regionCode);
}

/** Reading: whoever may edit it; the region's bureau and viewers once it has left the draft stage. */
export function canReadOwned(actor: Actor, r: Owned): boolean {
  if (canEditOwned(actor, r) || actor.orgId === r.ownerOrgId) return true;
  if (r.status === 'draft') return false;
  return isRegionWide(actor) && inRegionScope(actor, r.regionCode);
}
