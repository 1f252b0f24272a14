import type { TOrgKind, TRole } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';

/** A demo account as the actor its use cases run for (the demo walks them through as users would). */
export async function demoActor(ctx: Pick<Ctx, 'db'>, username: string): Promise<Actor> {
  const row = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.org_id', 'o.kind', 'o.region_code', 'u.roles'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    username: row.username,
    orgId: row.org_id,
    orgKind: row.kind as TOrgKind,
    regionCode: row.region_code,
    roles: row.roles as TRole[],
  };
}
