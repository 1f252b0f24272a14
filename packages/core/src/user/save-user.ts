import { AppError, type TOrgKind, type TUser, type TUserCreate, type TUserUpdate } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { assertRegionScope, requireRole } from '../policy.ts';
import { assertRolesFit } from './user.policy.ts';
import { findUserView } from './user.repository.ts';

async function usableOrg(ctx: Ctx, tx: Transaction<DB>, orgId: number) {
  const actor = requireRole(ctx, 'admin');
  const org = await tx
    .selectFrom('organization')
    .select(['id', 'kind', 'region_code', 'disabled_at'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org || org.disabled_at) throw new AppError('org/not_found', { id: orgId });
  assertRegionScope(actor, org.region_code);
  return org;
}

export async function loadUserForChange(ctx: Ctx, tx: Transaction<DB>, id: number): Promise<TUser> {
  const actor = requireRole(ctx, 'admin');
  const user = await findUserView(tx, id, ctx.now());
  if (!user) throw new AppError('user/not_found', { id });
  assertRegionScope(actor, user.regionCode);
  return user;
}

/** Creates an account with a one-time temporary password that must be changed at first sign-in. */
export async function createUser(ctx: Ctx, input: TUserCreate): Promise<{ user: TUser; temporaryPassword: string }> {
  requireRole(ctx, 'admin');
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return withAudit(ctx, async (tx, record) => {
    const org = await usableOrg(ctx, tx, input.orgId);
    assertRolesFit(input.roles, org.kind as TOrgKind);
    const taken = await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError('user/duplicate_username', { username: input.username });
    const { id } = await tx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        org_id: input.orgId,
        roles: [...new Set(input.roles)],
        phone: input.phone,
        email: input.email,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = (await findUserView(tx, id, ctx.now())) as TUser;
    record({ action: 'user.create', entityType: 'user', entityId: id, regionCode: user.regionCode, after: user });
    return { user, temporaryPassword };
  });
}

export async function updateUser(ctx: Ctx, id: number, input: TUserUpdate): Promise<TUser> {
  return withAudit(ctx, async (tx, record) => {
    const before = await loadUserForChange(ctx, tx, id);
    const org = await usableOrg(ctx, tx, input.orgId);
    assertRolesFit(input.roles, org.kind as TOrgKind);
    const res = await tx
      .updateTable('app_user')
      .set((eb) => ({
        display_name: input.displayName,
        org_id: input.orgId,
        roles: [...new Set(input.roles)],
        phone: input.phone,
        email: input.email,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('common/conflict', { id, version: input.version });
    const after = (await findUserView(tx, id, ctx.now())) as TUser;
    record({ action: 'user.update', entityType: 'user', entityId: id, regionCode: after.regionCode, before, after });
    return after;
  });
}
