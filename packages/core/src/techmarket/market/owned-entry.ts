import { AppError } from '@kechuang/contracts';
import { type DB, sql, type Transaction } from '@kechuang/db';
import type { SelectQueryBuilder } from 'kysely';
import { withAudit } from '../../audit/with-audit.ts';
import { bureauDate } from '../../bureau-date.ts';
import type { Ctx } from '../../context.ts';
import { isRegionWide, requireActor } from '../../policy.ts';
import { subtreePattern } from '../../query.ts';
import { isUnitUser, requireRegionReader } from './market.policy.ts';
import type { Db } from './owners.ts';

/*
 * What 科技成果 and 清单条目 share: both belong to a unit, are entered as drafts, handed to the bureau of their
 * region and moved on by it, one version at a time. The domain steps themselves (登记号 and the indicator for an
 * achievement; publishing, withdrawing and the matching index for an entry) stay with each.
 */

/**
 * The signed-in lists: a unit's users see their unit's records in every status; the region's bureau and viewers
 * see the region's records that left the draft stage, plus the drafts the bureau entered itself. `alias` is the
 * record table's alias in the query, which joins the creator as `u`.
 */
export function scopeOwnedList<D, TB extends keyof D, O>(
  ctx: Ctx,
  query: SelectQueryBuilder<D, TB, O>,
  alias: string,
  region: string | undefined,
): SelectQueryBuilder<D, TB, O> {
  const actor = requireActor(ctx);
  const col = <T>(name: string) => sql.ref<T>(`${alias}.${name}`);
  if (isRegionWide(actor)) {
    const scope = region ?? actor.regionCode;
    requireRegionReader(ctx, scope);
    return query.where((eb) =>
      eb.and([
        eb(col<string>('region_code'), 'like', subtreePattern(scope)),
        eb.or([eb(col<string>('status'), '<>', 'draft'), eb(sql.ref<number>('u.org_id'), '=', eb.val(actor.orgId))]),
      ]),
    );
  }
  if (isUnitUser(actor)) return query.where((eb) => eb(col<number>('owner_org_id'), '=', eb.val(actor.orgId)));
  throw new AppError('auth/forbidden');
}

/** Writes the change if the record is still at the version the user saw; another change in between is a conflict. */
export async function setVersioned(
  ctx: Ctx,
  tx: Transaction<DB>,
  table: 'tm_achievement' | 'tm_listing',
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<void> {
  const done = await tx
    .updateTable(table)
    .set({ ...set, version: version + 1, updated_at: ctx.now() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('common/conflict');
}

export interface OwnedKind<E, O> {
  table: 'tm_achievement' | 'tm_listing';
  load: (db: Db, id: number) => Promise<{ item: E; owned: O }>;
  /** After the step is written and recorded, in the same transaction. */
  settle: (tx: Transaction<DB>, before: E, after: E) => Promise<void>;
}

/**
 * A status step: who may take it (`may`), from which statuses, and what it sets; written at the version the user
 * saw and recorded with the record before and after.
 */
export function statusStep<E extends { status: string; regionCode: string }, O>(
  ctx: Ctx,
  kind: OwnedKind<E, O>,
  step: {
    id: number;
    version: number;
    from: string[];
    action: string;
    may: (owned: O) => void;
    change: (before: E, today: string, tx: Transaction<DB>) => Promise<Record<string, unknown>> | Record<string, unknown>;
  },
): Promise<E> {
  return withAudit(ctx, async (tx, record) => {
    const before = await kind.load(tx, step.id);
    step.may(before.owned);
    if (!step.from.includes(before.item.status)) throw new AppError('market/wrong_status', { status: before.item.status });
    await setVersioned(ctx, tx, kind.table, step.id, step.version, await step.change(before.item, bureauDate(ctx.now()), tx));
    const { item } = await kind.load(tx, step.id);
    record({
      action: step.action,
      entityType: kind.table,
      entityId: step.id,
      regionCode: item.regionCode,
      before: before.item,
      after: item,
    });
    await kind.settle(tx, before.item, item);
    return item;
  });
}
