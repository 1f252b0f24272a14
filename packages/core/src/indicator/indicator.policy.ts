import { AppError, regionContains } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, requireActor } from '../policy.ts';

/**
 * Who may do what with indicators:
 * - admin, planner, viewer read within their region subtree (a province viewer sees its province);
 * - admin, planner write values, imports, schemes and runs within their subtree;
 * - admin adds and edits local indicators of the catalog;
 * - reporter, expert, enterprise: no access.
 */
export function requireIndicatorReader(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner', 'viewer')) throw new AppError('auth/forbidden');
  return actor;
}

export function requireIndicatorWriter(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  return actor;
}

export function requireCatalogAdmin(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin')) throw new AppError('auth/forbidden');
  return actor;
}

/**
 * The region subtree a write may touch: the actor's subtree (narrowed to `requested` when given), or —
 * for the console (`kechuang indicators import`, no signed-in user) — `requested` or the whole country (null).
 */
export function writeScope(ctx: Ctx, requested?: string | null): string | null {
  if (ctx.actor) {
    const actor = requireIndicatorWriter(ctx);
    if (requested && !regionContains(actor.regionCode, requested)) throw new AppError('auth/out_of_scope', { region: requested });
    return requested ?? actor.regionCode;
  }
  if (!ctx.via) throw new AppError('auth/unauthenticated');
  return requested ?? null;
}

export function inScope(scope: string | null, regionCode: string): boolean {
  return scope === null || regionContains(scope, regionCode);
}

export function assertReadScope(actor: Actor, regionCode: string): void {
  if (!regionContains(actor.regionCode, regionCode)) throw new AppError('auth/out_of_scope', { region: regionCode });
}
