import { AppError, authPolicy, type TOrgKind, type TRole } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { burnVerify, verifyPassword } from './password.ts';
import { insertSession, type NewSession } from './session.ts';

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
}

/**
 * Signs a user in. Throttling lives in the database so it holds across server processes:
 * an address with too many recent failures is refused outright, and an account is locked for
 * `lockMinutes` after `lockAfterFailures` consecutive wrong passwords.
 */
export async function login(ctx: Omit<Ctx, 'actor'>, input: LoginInput): Promise<NewSession & { actor: Actor }> {
  const now = ctx.now();
  const username = input.username.trim().toLowerCase();
  if (ctx.ip) {
    const since = new Date(now.getTime() - authPolicy.ipWindowMinutes * 60_000);
    const { n } = await ctx.db
      .selectFrom('login_attempt')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('ip', '=', ctx.ip)
      .where('success', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(n) >= authPolicy.ipMaxFailures) throw new AppError('auth/too_many_attempts');
  }
  const user = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.org_id',
      'u.roles',
      'o.kind as org_kind',
      'u.password_hash',
      'u.failed_logins',
      'u.locked_until',
      'u.disabled_at',
      'o.disabled_at as org_disabled_at',
      'o.region_code',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst();

  const fail = async (lock: boolean) => {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('login_attempt').values({ username, ip: ctx.ip, success: false, at: now }).execute();
      if (!user) return;
      if (lock) {
        const lockedUntil = new Date(now.getTime() + authPolicy.lockMinutes * 60_000);
        await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
        await tx
          .insertInto('audit_log')
          .values({
            at: now,
            actor_user_id: null,
            actor_username: username,
            ip: ctx.ip,
            action: 'auth.lockout',
            entity_type: 'user',
            entity_id: String(user.id),
            region_code: user.region_code,
            before: null,
            after: JSON.stringify({ lockedUntil: lockedUntil.toISOString() }),
          })
          .execute();
      } else {
        await tx
          .updateTable('app_user')
          .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
          .where('id', '=', user.id)
          .execute();
      }
    });
    ctx.cache.invalidate();
  };

  if (!user) {
    await burnVerify(input.password);
    await fail(false);
    throw new AppError('auth/invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    await fail(false);
    throw new AppError('auth/account_locked', { lockedUntil: user.locked_until.toISOString() });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lock = user.failed_logins + 1 >= authPolicy.lockAfterFailures;
    await fail(lock);
    throw new AppError(lock ? 'auth/account_locked' : 'auth/invalid_credentials');
  }
  if (user.disabled_at || user.org_disabled_at) throw new AppError('auth/account_disabled');

  const actor: Actor = {
    userId: user.id,
    username: user.username,
    orgId: user.org_id,
    orgKind: user.org_kind as TOrgKind,
    regionCode: user.region_code,
    roles: user.roles as TRole[],
  };
  const actorCtx = { ...ctx, actor };
  return withAudit(actorCtx, async (tx, record) => {
    await tx.insertInto('login_attempt').values({ username, ip: ctx.ip, success: true, at: now }).execute();
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const s = await insertSession(tx, user.id, { ip: ctx.ip, userAgent: input.userAgent, now });
    record({ action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.region_code, after: { session: s.publicId } });
    return { ...s, actor };
  });
}
