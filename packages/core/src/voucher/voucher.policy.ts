import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../policy.ts';

/*
 * Who may do what with 科技创新券:
 * - the bureau (admin, planner) of a region keeps the provider registry, grants or refuses quotas, approves or
 *   refuses redemptions and makes the quarterly batches in its region; viewers read them;
 * - an enterprise account applies for its own enterprise's quota and uses it on contracts (a team without a
 *   company has no account: the bureau applies and uses on its behalf);
 * - a provider's own users (an enterprise account, or a reporter of an enterprise or an institute that is on the
 *   registry) upload the evidence and apply for redemption of the vouchers used with it;
 * - the public reads the published provider registry.
 */

export function requireVoucherReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function requireVoucherWriter(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function isBureauWriter(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner');
}

/** An enterprise account: it holds its own enterprise's quota. */
export function isHolderUser(actor: Actor): boolean {
  return hasRole(actor, 'enterprise');
}

/** A user who may act for a provider organisation (checked against the registry by the caller). */
export function isProviderUser(actor: Actor): boolean {
  return hasRole(actor, 'enterprise', 'reporter') && (actor.orgKind === 'enterprise' || actor.orgKind === 'institute');
}
