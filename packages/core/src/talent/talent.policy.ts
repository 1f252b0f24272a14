import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../policy.ts';

/*
 * Who may do what with talent and 科技特派员:
 * - the bureau (admin, planner) of a region keeps the talent registry, programmes and rounds, selects and
 *   dispatches 特派员, and assesses them; viewers read the registry without identity details and the counts;
 * - a 特派员 (the account linked to the year's record) logs their own services and adds their 服务对象;
 * - a 服务对象 confirms a logged service with the code it was given (no account needed).
 * Identity data is minimised: the person record keeps a keyed hash of the identity number and its last four
 * (core/src/person); those four and the phone are shown to the bureau's writers only.
 */

export function requireTalentReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function requireTalentWriter(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

/** Identity details (last four of the id number, phone) are for the writers only. */
export function seesIdentity(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner');
}
