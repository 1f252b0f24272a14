import { AppError, type TEnterprise } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, requireActor } from '../policy.ts';

/**
 * Who may see and change an enterprise:
 * - admin, planner: read and write within their region subtree; viewer: read only;
 * - enterprise: read and write only the enterprise registered with their own organisation;
 * - reporter, expert: no access to the registry.
 */
export function requireRegistryReader(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner', 'viewer', 'enterprise')) throw new AppError('auth/forbidden');
  return actor;
}

export function requireBureau(ctx: Ctx, write: boolean): Actor {
  const actor = requireActor(ctx);
  const ok = write ? hasRole(actor, 'admin', 'planner') : hasRole(actor, 'admin', 'planner', 'viewer');
  if (!ok) throw new AppError('auth/forbidden');
  return actor;
}

export function canReadEnterprise(actor: Actor, e: Pick<TEnterprise, 'regionCode' | 'orgId'>): boolean {
  if (hasRole(actor, 'admin', 'planner', 'viewer') && inRegionScope(actor, e.regionCode)) return true;
  return hasRole(actor, 'enterprise') && e.orgId === actor.orgId;
}

export function canWriteEnterprise(actor: Actor, e: Pick<TEnterprise, 'regionCode' | 'orgId'>): boolean {
  if (hasRole(actor, 'admin', 'planner') && inRegionScope(actor, e.regionCode)) return true;
  return hasRole(actor, 'enterprise') && e.orgId === actor.orgId;
}

export function assertReadable(actor: Actor, e: TEnterprise | null, id: number): TEnterprise {
  if (!e) throw new AppError('enterprise/not_found', { id });
  if (!canReadEnterprise(actor, e)) throw new AppError('auth/out_of_scope', { id });
  return e;
}

export function assertWritable(actor: Actor, e: TEnterprise | null, id: number): TEnterprise {
  const seen = assertReadable(actor, e, id);
  if (!canWriteEnterprise(actor, seen)) throw new AppError('auth/forbidden', { id });
  return seen;
}
