import { type DB, sql, type Transaction } from '@kechuang/db';
import { cacheChannel, encodeBroadcast, newBroadcast } from '../cache-bus.ts';
import { WriteTracker } from '../cache-tracker.ts';
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
 *
 * The transaction handed to `fn` notes which tables and columns it writes (cache-tracker.ts). After the commit
 * exactly those cache entries are dropped in this process, and the same tags are announced to every other
 * process with NOTIFY sent inside the transaction (delivered by PostgreSQL when, and only if, it commits).
 */
export async function withAudit<T>(ctx: Ctx, fn: (tx: Transaction<DB>, record: Recorder) => Promise<T>): Promise<T> {
  const tracker = new WriteTracker();
  let broadcast: ReturnType<typeof newBroadcast> | null = null;
  const result = await ctx.db.transaction().execute(async (plain) => {
    const tx = plain.withPlugin(tracker);
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
    broadcast = newBroadcast(tracker.tags());
    await sql`select pg_notify(${cacheChannel}, ${encodeBroadcast(broadcast)})`.execute(plain);
    return out;
  });
  const sent = broadcast as ReturnType<typeof newBroadcast> | null;
  ctx.cache.invalidate(sent?.t);
  return result;
}
