import type { DB, Kysely } from '@kechuang/db';
import type { Ctx } from './context.ts';

/**
 * The handle for a read-only use case: the replica when the server has one (DATABASE_READ_URL), else the primary.
 * A replica read waits until the replica has replayed everything the primary had committed when it was asked
 * (packages/db/src/read-replica.ts), so the caller's own writes and every write whose cache invalidation has been
 * applied are visible. Never for writes; when `ctx.db` is a transaction, that transaction.
 */
export function reader(ctx: Pick<Ctx, 'db' | 'readDb'>): Kysely<DB> {
  // inside a transaction (a use case handed `{ ...ctx, db: tx }`) the transaction's own view is the one to read
  if (ctx.db.isTransaction) return ctx.db;
  return ctx.readDb ?? ctx.db;
}
