import { AppError, type TAuditEntry } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { inRegionScope, requireRole } from '../policy.ts';
import { pageWindow, subtreePattern } from '../query.ts';

export interface ListAuditInput {
  page: number;
  pageSize: number;
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The audit trail is read-only to everyone; admins browse the part in their region. */
export async function listAudit(ctx: Ctx, input: ListAuditInput) {
  const actor = requireRole(ctx, 'admin');
  if (input.region && !inRegionScope(actor, input.region)) throw new AppError('auth/out_of_scope', { region: input.region });
  let q = ctx.db.selectFrom('audit_log').where('region_code', 'like', subtreePattern(actor.regionCode));
  if (input.region) q = q.where('region_code', 'like', subtreePattern(input.region));
  if (input.actor) q = q.where('actor_username', '=', input.actor.toLowerCase());
  if (input.action) q = input.action.endsWith('.') ? q.where('action', 'like', `${input.action}%`) : q.where('action', '=', input.action);
  if (input.entityType) q = q.where('entity_type', '=', input.entityType);
  if (input.entityId) q = q.where('entity_id', '=', input.entityId);
  if (input.from) q = q.where('at', '>=', new Date(input.from));
  if (input.to) q = q.where('at', '<', new Date(input.to));
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(pageWindow(input).limit).offset(pageWindow(input).offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: TAuditEntry[] = rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    regionCode: r.region_code,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  return { items, total: Number(count.n), page: input.page, pageSize: input.pageSize };
}
