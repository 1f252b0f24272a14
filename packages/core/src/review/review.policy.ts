import { AppError } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, inRegionScope, requireActor } from '../policy.ts';

/*
 * Who may do what in review (the Roles of the expert-review rules):
 * - the bureau (admin, planner) whose subtree holds the batch draws panels, opens the review, reads the draw
 *   record with every exclusion and its reason, enters a meeting's declarations and scores (会评秘书) and ranks;
 * - viewers of that subtree read the draw records (names sealed until the review opens), verify and rank;
 * - an expert sees only the assignments they were drawn for, once the review is open, and the application only
 *   after declaring no conflict;
 * - an applicant never sees who reviews; it may ask for avoidance (回避申请) for its own application.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** admin or planner whose region subtree holds the batch. */
export function requireReviewManager(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

/** admin, planner or viewer whose region subtree holds the batch: draw records, verification, ranking. */
export function requireReviewReader(ctx: Ctx, regionCode: string): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'admin', 'planner', 'viewer')) throw new AppError('auth/forbidden');
  if (!inRegionScope(actor, regionCode)) throw new AppError('auth/out_of_scope', { regionCode });
  return actor;
}

/** Names stay sealed for readers who do not run the draw until the review opens. */
export function seesSealedNames(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'planner');
}

/** The expert record behind the signed-in account. */
export async function requireExpertSelf(ctx: Ctx, db: Db): Promise<{ actor: Actor; expertId: number }> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'expert')) throw new AppError('auth/forbidden', { need: ['expert'] });
  const row = await db.selectFrom('expert').select('id').where('user_id', '=', actor.userId).executeTakeFirst();
  if (!row) throw new AppError('review/not_expert');
  return { actor, expertId: row.id };
}
