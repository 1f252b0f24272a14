import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, isRegionWide, requireActor } from '../policy.ts';

/*
 * Who may do what in the technology market (docs/glossary.md: 卖方 seller, 登记机构 registration point):
 * - a seller's own users (an enterprise account, or a reporter of a university or institute) register their
 *   unit as a seller, keep contract drafts, upload the written contract and submit; they see their own contracts;
 * - the registrars of a point — admins and planners of the organisation that runs it — accept, ask for 补正,
 *   recognise or refuse the contracts submitted to it, and see only those;
 * - the bureau (admin, planner, viewer) reads the region's statistics; admins and planners set up points
 *   and may register a seller of their region on its behalf.
 */

/** A user who acts for a selling unit: an enterprise account, or a reporter of an enterprise or an institute. */
export function isSellerUser(actor: Actor): boolean {
  return hasRole(actor, 'enterprise', 'reporter') && (actor.orgKind === 'enterprise' || actor.orgKind === 'institute');
}

export function requireBureau(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function requireStatsReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!isRegionWide(actor)) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

export function isRegistrarOf(actor: Actor, point: { orgId: number } | null): boolean {
  return point !== null && hasRole(actor, 'admin', 'planner') && actor.orgId === point.orgId;
}

export function canReadContract(actor: Actor, c: { sellerOrgId: number; status: string }, point: { orgId: number } | null): boolean {
  if (isSellerUser(actor) && actor.orgId === c.sellerOrgId) return true;
  return c.status !== 'draft' && isRegistrarOf(actor, point);
}
