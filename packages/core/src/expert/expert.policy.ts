import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, requireActor } from '../policy.ts';

/*
 * Who may do what with the expert pool:
 * - the bureau (admin, planner) keeps the entries of its region subtree: adds, edits, imports, approves,
 *   rejects, pauses, retires and removes them;
 * - viewers read the entries of their subtree (list, detail, export);
 * - an expert account sees and keeps only its own entry (the one linked to it), never the list;
 * - everyone else (reporters, enterprises) is refused.
 */

export function isExpertManager(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner');
}

export function isExpertReader(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner', 'viewer');
}

/** A bureau user reading the pool (list, export): admin, planner or viewer. */
export function requirePoolReader(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isExpertReader(actor)) throw new AppError('auth/forbidden');
  return actor;
}

/** admin or planner; with a region, one in whose subtree the entry is kept. */
export function requirePoolManager(ctx: Ctx, regionCode?: string): Actor {
  const actor = requireActor(ctx);
  if (!isExpertManager(actor)) throw new AppError('auth/forbidden');
  if (regionCode !== undefined && !inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

/** The signed-in expert (self-service). */
export function requireExpertAccount(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'expert')) throw new AppError('auth/forbidden');
  return actor;
}

/** Reading one entry: the bureau within its subtree, or the expert whose entry it is. */
export function assertExpertReadable(actor: Actor, entry: { regionCode: string; userId: number | null }): void {
  if (isExpertReader(actor)) {
    if (!inRegionScope(actor, entry.regionCode)) throw new AppError('auth/out_of_scope', { regionCode: entry.regionCode });
    return;
  }
  if (hasRole(actor, 'expert') && entry.userId === actor.userId) return;
  throw new AppError('auth/forbidden');
}
