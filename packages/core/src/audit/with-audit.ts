import type { DB, Transaction } from '@kechuang/db';
import type { Ctx } from '../context.ts';

export interface AuditInput {
  /** module.verb, e.g. org.create */
  action: string;
  entityType: string;
  entityId: string | number | null;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

export type Recorder = (entry: AuditInput) => void;

/**
 * Runs a mutation in one transaction and writes its audit rows in that same transaction:
 * either the change and its audit record are both committed, or neither is.
 */
export async function withAudit<T>(ctx: Ctx, fn: (tx: Transaction<DB>, record: Recorder) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction().execute(async (tx) => {
    const entries: AuditInput[] = [];
    const out = await fn(tx, (e) => entries.push(e));
    if (entries.length === 0) throw new Error('a mutation must record what it changed');
    await tx
      .insertInto('audit_log')
      .values(
        entries.map((e) => ({
          at: ctx.now(),
          actor_user_id: ctx.actor?.userId ?? null,
          actor_username: ctx.actor?.username ?? ctx.via ?? null,
          ip: ctx.ip,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId === null ? null : String(e.entityId),
          region_code: e.regionCode,
          before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
          after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
        })),
      )
      .execute();
    return out;
  });
  ctx.cache.invalidate();
  return result;
}
