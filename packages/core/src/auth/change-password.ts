import { AppError } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireActor } from '../policy.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.ts';

/**
 * Changes the signed-in user's own password. Other sessions of the user end; the current one
 * stays, so the user is not thrown out of the page they are on.
 */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; keepTokenHash: string | null },
): Promise<void> {
  const actor = requireActor(ctx);
  assertStrongPassword(input.newPassword);
  const row = await ctx.db.selectFrom('app_user').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) throw new AppError('auth/wrong_password');
  if (input.currentPassword === input.newPassword) throw new AppError('auth/password_reused');
  const passwordHash = await hashPassword(input.newPassword);
  await withAudit(ctx, async (tx, record) => {
    const now = ctx.now();
    await tx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', actor.userId)
      .execute();
    let q = tx.updateTable('session').set({ revoked_at: now }).where('user_id', '=', actor.userId).where('revoked_at', 'is', null);
    if (input.keepTokenHash) q = q.where('token_hash', '!=', input.keepTokenHash);
    const res = await q.executeTakeFirst();
    // The hash never enters the audit trail; only the fact of the change.
    record({
      action: 'auth.password_change',
      entityType: 'user',
      entityId: actor.userId,
      regionCode: actor.regionCode,
      after: { otherSessionsEnded: Number(res.numUpdatedRows) },
    });
  });
}
