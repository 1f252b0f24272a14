import { AppError, regionContains, type TCommissioner, type TCommissionerUpdate } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireTalentWriter } from './talent.policy.ts';
import { type Db, loadCommissioner, toCommissioners } from './talent.repository.ts';
import { refreshTalentIndicators } from './talent-indicators.ts';

/*
 * 调整选派 and 撤销选派: the bureau moves a 特派员 into (or out of) a 专家服务团 and links the account they log
 * services from; a selection made in error is withdrawn while nothing was logged under it (a logged service is
 * part of the year's record and its counts, so such a 特派员 is assessed rather than withdrawn).
 */

/** The account a 特派员 signs in with, by username: an account of an organisation in the actor's region. */
export async function accountByUsername(db: Db, actor: Actor, username: string): Promise<number> {
  const u = await db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select(['u.id', 'o.region_code'])
    .where('u.username', '=', username)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!u || !regionContains(actor.regionCode, u.region_code)) throw new AppError('talent/account_not_found', { username });
  return u.id;
}

export async function teamInScope(db: Db, actor: Actor, teamId: number): Promise<void> {
  const team = await db.selectFrom('commissioner_team').select('region_code').where('id', '=', teamId).executeTakeFirst();
  if (!team || !regionContains(actor.regionCode, team.region_code)) throw new AppError('talent/team_not_found', { id: teamId });
}

export async function updateCommissioner(ctx: Ctx, id: number, input: TCommissionerUpdate): Promise<TCommissioner> {
  const c = await loadCommissioner(ctx.db, id);
  const actor = requireTalentWriter(ctx, c.region_code);
  if (input.teamId !== null) await teamInScope(ctx.db, actor, input.teamId);
  const userId = input.username === null ? null : await accountByUsername(ctx.db, actor, input.username);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .selectFrom('commissioner')
      .select(['version', 'team_id', 'user_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.version !== input.version) throw new AppError('talent/stale');
    await tx
      .updateTable('commissioner')
      .set({ team_id: input.teamId, user_id: userId, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    record({
      action: 'talent.commissioner.update',
      entityType: 'commissioner',
      entityId: id,
      regionCode: c.region_code,
      before: { teamId: row.team_id, userId: row.user_id },
      after: { teamId: input.teamId, userId },
    });
    return (await toCommissioners(tx, [await loadCommissioner(tx, id)]))[0] as TCommissioner;
  });
}

export async function withdrawCommissioner(ctx: Ctx, id: number, input: { version: number }): Promise<{ id: number }> {
  const c = await loadCommissioner(ctx.db, id);
  const actor = requireTalentWriter(ctx, c.region_code);
  return withAudit(ctx, async (tx, record) => {
    const row = await tx
      .selectFrom('commissioner')
      .select(['version', 'log_count'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.version !== input.version) throw new AppError('talent/stale');
    const logged = await tx.selectFrom('service_log').select('id').where('commissioner_id', '=', id).limit(1).executeTakeFirst();
    if (logged || row.log_count > 0) throw new AppError('talent/commissioner_has_logs', { id });
    const targets = await tx.deleteFrom('service_target').where('commissioner_id', '=', id).returning(['id', 'name']).execute();
    await tx.deleteFrom('commissioner').where('id', '=', id).execute();
    record({
      action: 'talent.commissioner.withdraw',
      entityType: 'commissioner',
      entityId: id,
      regionCode: c.region_code,
      before: { talentId: c.talent_id, name: c.name, year: c.year, teamId: c.team_id, targets: targets.map((x) => x.name) },
    });
    await refreshTalentIndicators(tx, c.region_code, c.year, { userId: actor.userId, via: actor.username, now: ctx.now() });
    return { id };
  });
}
