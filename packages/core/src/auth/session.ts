import { createHash, randomBytes } from 'node:crypto';
import { AppError, authPolicy, type TSession } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { loadSession, type SessionInfo } from './actor.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  publicId: string;
  expiresAt: Date;
}

export async function insertSession(
  tx: Transaction<DB> | Kysely<DB>,
  userId: number,
  meta: { ip: string | null; userAgent: string | null; now: Date },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const publicId = randomBytes(8).toString('hex');
  const expiresAt = new Date(meta.now.getTime() + authPolicy.sessionMaxDays * 86_400_000);
  await tx
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      public_id: publicId,
      user_id: userId,
      csrf_token: csrfToken,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      created_at: meta.now,
      last_seen_at: meta.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, publicId, expiresAt };
}

const touchEveryMs = 60_000;

/**
 * What a cached session depends on (cache.ts tags): only a change to these columns of existing rows ends or
 * alters it — a revocation, a disabled user or unit, new roles, a password change. Sign-ins elsewhere (new
 * session rows, last-login times) leave cached sessions alone.
 */
export const sessionCacheTags = [
  'session.revoked_at',
  'session.expires_at',
  'session.user_id',
  'session.token_hash',
  'session.csrf_token',
  'app_user.disabled_at',
  'app_user.roles',
  'app_user.must_change_password',
  'app_user.password_hash',
  'app_user.username',
  'app_user.org_id',
  'organization.disabled_at',
  'organization.kind',
  'organization.region_code',
] as const;

/**
 * Resolves a cookie token to a live session. A session ends at its absolute expiry or after
 * `sessionIdleHours` without use; last-seen is written at most once a minute.
 *
 * One indexed query (by the token's hash) when the session is not in the process cache; none when it is. The
 * cached entry is dropped, in every process, by any committed write to the columns in `sessionCacheTags`.
 */
export async function resolveSession(ctx: Omit<Ctx, 'actor'>, token: string): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  // Keyed by the token itself so a cache hit costs no hashing; the database only ever sees the hash.
  const key = `session:${token}`;
  let info = ctx.cache.get<SessionInfo>(key) ?? null;
  const now = ctx.now();
  const idleEnded = (s: SessionInfo) => now.getTime() > s.lastSeenAt.getTime() + authPolicy.sessionIdleHours * 3_600_000;
  // Another process may have seen the session used since this one cached it: an idle-looking entry is re-read.
  if (info && idleEnded(info)) info = null;
  if (!info) {
    info = await loadSession(ctx.db, hashToken(token));
    if (!info) return null;
    ctx.cache.set(key, info, sessionCacheTags);
  }
  const tokenHash = info.tokenHash;
  if (now >= info.expiresAt || idleEnded(info)) return null;
  if (now.getTime() - info.lastSeenAt.getTime() > touchEveryMs) {
    // mark first, so concurrent requests on the same session don't all send the same update
    info.lastSeenAt = now;
    await ctx.db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  return info;
}

export async function listMySessions(ctx: Ctx, currentPublicId: string | null): Promise<TSession[]> {
  const actor = requireActor(ctx);
  const now = ctx.now();
  const rows = await ctx.db
    .selectFrom('session')
    .select(['public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.public_id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.public_id === currentPublicId,
  }));
}

export async function revokeMySession(ctx: Ctx, publicId: string): Promise<void> {
  const actor = requireActor(ctx);
  await withAudit(ctx, async (tx, record) => {
    const res = await tx
      .updateTable('session')
      .set({ revoked_at: ctx.now() })
      .where('public_id', '=', publicId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('session/not_found');
    record({ action: 'auth.session_revoke', entityType: 'session', entityId: publicId, regionCode: actor.regionCode });
  });
}

/** Ends every session of a user ("log out everywhere"); returns how many were live. */
export async function revokeAllSessions(tx: Transaction<DB>, userId: number, now: Date): Promise<number> {
  const res = await tx
    .updateTable('session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function logoutEverywhere(ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  return withAudit(ctx, async (tx, record) => {
    const n = await revokeAllSessions(tx, actor.userId, ctx.now());
    record({ action: 'auth.logout_all', entityType: 'user', entityId: actor.userId, regionCode: actor.regionCode, after: { revoked: n } });
    return n;
  });
}

export async function logout(ctx: Ctx, tokenHash: string): Promise<void> {
  const actor = requireActor(ctx);
  await withAudit(ctx, async (tx, record) => {
    await tx.updateTable('session').set({ revoked_at: ctx.now() }).where('token_hash', '=', tokenHash).execute();
    record({ action: 'auth.logout', entityType: 'user', entityId: actor.userId, regionCode: actor.regionCode });
  });
}
