import { randomBytes } from 'node:crypto';
import { AppError, type TOrgKind, type TRole } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { checkLoginBackoff } from './login-throttle.ts';
import { burnVerify, verifyPassword } from './password.ts';
import { hashToken, insertSession, type NewSession } from './session.ts';

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
  /** the device cookie this browser holds, if any */
  deviceToken?: string | null;
}

/** Whether the browser's device cookie was handed out at an earlier sign-in to this very account. */
async function knownDevice(ctx: Omit<Ctx, 'actor'>, userId: number, token: string | null | undefined): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const row = await ctx.db.selectFrom('known_device').select('user_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row?.user_id === userId;
}

/**
 * Signs a user in. Wrong passwords never lock an account: attempts beyond a free number are slowed down
 * per username and per source address (login-throttle.ts), the same whether the username exists or not,
 * and a browser that signed in to the account before skips the slow-down, so an attacker can neither
 * learn which usernames exist nor lock their owners out. The counts live in the database, so they hold
 * across server processes.
 */
export async function login(ctx: Omit<Ctx, 'actor'>, input: LoginInput): Promise<NewSession & { actor: Actor; deviceToken: string }> {
  const now = ctx.now();
  const username = input.username.trim().toLowerCase();
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
      'u.disabled_at',
      'o.disabled_at as org_disabled_at',
      'o.region_code',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst();

  const trusted = user ? await knownDevice(ctx, user.id, input.deviceToken) : false;
  if (!trusted) await checkLoginBackoff(ctx.db, { username, ip: ctx.ip, now });

  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.password_hash, input.password);
  else await burnVerify(input.password); // an unknown username costs as much time as a wrong password
  if (!user || !passwordOk) {
    await ctx.db.insertInto('login_attempt').values({ username, ip: ctx.ip, success: false, at: now }).execute();
    throw new AppError('auth/invalid_credentials');
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
    let deviceToken = input.deviceToken ?? '';
    if (trusted) {
      await tx.updateTable('known_device').set({ last_used_at: now }).where('token_hash', '=', hashToken(deviceToken)).execute();
    } else {
      deviceToken = randomBytes(32).toString('base64url');
      await tx
        .insertInto('known_device')
        .values({ token_hash: hashToken(deviceToken), user_id: user.id, created_at: now, last_used_at: now })
        .execute();
    }
    record({ action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.region_code, after: { session: s.publicId } });
    return { ...s, actor, deviceToken };
  });
}
