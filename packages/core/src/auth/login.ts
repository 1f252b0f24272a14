import { randomBytes } from 'node:crypto';
import { AppError, authPolicy, type TOrgKind, type TRole } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
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

/**
 * Whether the browser's device cookie was handed out at an earlier sign-in to this very account, and has
 * not itself been used for repeated wrong passwords (then it is trusted no more: a shared computer's
 * cookie must not become a way around the back-off).
 */
async function trustedDevice(ctx: Omit<Ctx, 'actor'>, userId: number, deviceHash: string | null, now: Date): Promise<boolean> {
  if (!deviceHash) return false;
  const row = await ctx.db.selectFrom('known_device').select('user_id').where('token_hash', '=', deviceHash).executeTakeFirst();
  if (row?.user_id !== userId) return false;
  const since = new Date(now.getTime() - authPolicy.loginWindowMinutes * 60_000);
  const { n } = await ctx.db
    .selectFrom('login_attempt')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('device_hash', '=', deviceHash)
    .where('success', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n) < authPolicy.accountFreeFailures;
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

  const deviceHash = input.deviceToken && input.deviceToken.length <= 100 ? hashToken(input.deviceToken) : null;
  const trusted = user ? await trustedDevice(ctx, user.id, deviceHash, now) : false;
  // The attempt is recorded as a failure before the (slow) password check, under a lock per username and
  // source, so parallel guesses see each other and cannot all slip through one back-off window; a
  // success turns the row into one.
  const attemptId = await ctx.db.transaction().execute(async (tx) => {
    for (const key of [`login:u:${username}`, `login:s:${ctx.ip ?? ''}`].sort()) {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
    }
    if (!trusted) await checkLoginBackoff(tx, { username, ip: ctx.ip, now });
    const row = await tx
      .insertInto('login_attempt')
      .values({ username, ip: ctx.ip, success: false, at: now, device_hash: deviceHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });

  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.password_hash, input.password);
  else await burnVerify(input.password); // an unknown username costs as much time as a wrong password
  if (!user || !passwordOk) throw new AppError('auth/invalid_credentials');
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
    await tx.updateTable('login_attempt').set({ success: true }).where('id', '=', attemptId).execute();
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const s = await insertSession(tx, user.id, { ip: ctx.ip, userAgent: input.userAgent, now });
    let deviceToken = input.deviceToken ?? '';
    if (trusted && deviceHash) {
      await tx.updateTable('known_device').set({ last_used_at: now }).where('token_hash', '=', deviceHash).execute();
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
