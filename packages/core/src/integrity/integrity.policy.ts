import { AppError } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, requireActor } from '../policy.ts';

/*
 * Who may do what with 科研诚信 records: the bureau of a region (admin, planner) keeps the records of its region
 * subtree; viewers read them; everyone else (reporters, experts, enterprises) is refused — a unit learns of a
 * record from the decision served on it and from the public 红黑名单, not from the register.
 */

export function requireIntegrityReader(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner', 'viewer')) throw new AppError('auth/forbidden');
  return actor;
}

export function requireIntegrityManager(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  return actor;
}

/** The record's region must lie in the actor's subtree (reading and managing alike). */
export function assertIntegrityScope(actor: Actor, regionCode: string, id?: number): void {
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode, ...(id ? { id } : {}) });
}
