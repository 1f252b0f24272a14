import { AppError, type TUser } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { revokeAllSessions } from '../auth/session.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { loadUserForChange } from './save-user.ts';
import { findUserView } from './user.repository.ts';

async function reload(ctx: Ctx, tx: Transaction<DB>, id: number) {
  return (await findUserView(tx, id, ctx.now())) as TUser;
}

/** Disabling ends the user's sessions at once; the account and its history stay. */
export async function setUserDisabled(ctx: Ctx, id: number, input: { disabled: boolean; version: number }): Promise<TUser> {
  const actor = requireActor(ctx);
  if (input.disabled && id === actor.userId) throw new AppError('user/cannot_disable_self');
  return withAudit(ctx, async (tx, record) => {
    const before = await loadUserForChange(ctx, tx, id);
    const now = ctx.now();
    const res = await tx
      .updateTable('app_user')
      .set((eb) => ({ disabled_at: input.disabled ? now : null, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
    if (input.disabled) await revokeAllSessions(tx, id, now);
    const after = await reload(ctx, tx, id);
    record({
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}

/** Issues a new temporary password, to be changed at next sign-in; existing sessions end. */
export async function resetPassword(ctx: Ctx, id: number): Promise<{ user: TUser; temporaryPassword: string }> {
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return withAudit(ctx, async (tx, record) => {
    await loadUserForChange(ctx, tx, id);
    const now = ctx.now();
    await tx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    const ended = await revokeAllSessions(tx, id, now);
    const user = await reload(ctx, tx, id);
    record({
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      regionCode: user.regionCode,
      after: { sessionsEnded: ended },
    });
    return { user, temporaryPassword };
  });
}

export async function unlockUser(ctx: Ctx, id: number): Promise<TUser> {
  return withAudit(ctx, async (tx, record) => {
    const before = await loadUserForChange(ctx, tx, id);
    // failures before now no longer slow the account's sign-in down
    await tx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, login_reset_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    const after = await reload(ctx, tx, id);
    record({
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      regionCode: after.regionCode,
      before: { locked: before.locked },
      after: { locked: false },
    });
    return after;
  });
}

export async function revokeUserSessions(ctx: Ctx, id: number): Promise<number> {
  return withAudit(ctx, async (tx, record) => {
    const user = await loadUserForChange(ctx, tx, id);
    const n = await revokeAllSessions(tx, id, ctx.now());
    record({ action: 'user.revoke_sessions', entityType: 'user', entityId: id, regionCode: user.regionCode, after: { revoked: n } });
    return n;
  });
}
