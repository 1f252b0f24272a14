import { AppError } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import type { Ctx } from '../../context.ts';
import { hasRole, requireActor } from '../../policy.ts';
import { isUnitUser, ownerKinds, requireBureauOf } from './market.policy.ts';

export type Db = Kysely<DB> | Transaction<DB>;

export interface Owner {
  orgId: number;
  regionCode: string;
  kind: string;
}

/**
 * The unit an achievement or entry belongs to: the actor's own (an enterprise or institute user, or the
 * bureau for itself), or — entered by the bureau — a unit of its region. Units of other kinds (government
 * offices, parks) bring no entries.
 */
export async function resolveOwner(ctx: Ctx, db: Db, ownerOrgId: number | undefined): Promise<Owner> {
  const actor = requireActor(ctx);
  const own = ownerOrgId === undefined || ownerOrgId === actor.orgId;
  if (own && !isUnitUser(actor) && !hasRole(actor, 'admin', 'planner')) throw new AppError('auth/forbidden');
  const org = await db
    .selectFrom('organization')
    .select(['id', 'region_code', 'kind'])
    .where('id', '=', own ? actor.orgId : (ownerOrgId as number))
    .executeTakeFirst();
  if (!org) throw new AppError('org/not_found', { id: ownerOrgId });
  if (!own) requireBureauOf(ctx, org.region_code);
  if (!(ownerKinds as readonly string[]).includes(org.kind)) throw new AppError('market/owner_not_allowed', { kind: org.kind });
  return { orgId: org.id, regionCode: org.region_code, kind: org.kind };
}

/** The organisation of the user who entered a record. */
export async function creatorOrg(db: Db, userId: number | null): Promise<number | null> {
  if (userId === null) return null;
  const u = await db.selectFrom('app_user').select('org_id').where('id', '=', userId).executeTakeFirst();
  return u?.org_id ?? null;
}
