import type { TOrgKind, TRole } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';

/**
 * The job's creator as the actor its work runs for, read afresh when the job starts: an account disabled
 * (or an organisation closed) since the request runs nothing; roles changed since then are the ones checked.
 */
export async function jobActor(ctx: Pick<Ctx, 'db'>, userId: number): Promise<Actor | null> {
  const row = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.org_id', 'o.kind', 'o.region_code', 'u.roles', 'u.disabled_at', 'o.disabled_at as org_disabled_at'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.org_disabled_at !== null) return null;
  return {
    userId: row.id,
    username: row.username,
    orgId: row.org_id,
    orgKind: row.kind as TOrgKind,
    regionCode: row.region_code,
    roles: row.roles as TRole[],
  };
}
