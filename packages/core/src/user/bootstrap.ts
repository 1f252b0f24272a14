import { AppError, type TOrgKind, type TRole } from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import type { Ctx } from '../context.ts';
import { findRegion } from '../region/region.repository.ts';
import { assertRolesFit } from './user.policy.ts';

export interface AddUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: TRole[];
  /** organisation name; created in `regionCode` with `orgKind` when it does not exist */
  orgName: string;
  orgKind: TOrgKind;
  regionCode: string;
  mustChangePassword: boolean;
}

/**
 * `kechuang user add`: the way in for the first admin, run by whoever operates the server.
 * There is no signed-in actor; the audit row names the operator (`ctx.via`).
 */
export async function addUserFromConsole(ctx: Ctx, input: AddUserInput): Promise<number> {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return withAudit(ctx, async (tx, record) => {
    const region = await findRegion(tx, input.regionCode);
    if (!region) throw new AppError('region/not_found', { code: input.regionCode });
    let org = await tx
      .selectFrom('organization')
      .select(['id', 'kind'])
      .where('region_code', '=', input.regionCode)
      .where('name', '=', input.orgName)
      .executeTakeFirst();
    if (!org) {
      org = await tx
        .insertInto('organization')
        .values({ name: input.orgName, kind: input.orgKind, region_code: input.regionCode })
        .returning(['id', 'kind'])
        .executeTakeFirstOrThrow();
      record({
        action: 'org.create',
        entityType: 'org',
        entityId: org.id,
        regionCode: input.regionCode,
        after: { name: input.orgName, kind: input.orgKind },
      });
    }
    assertRolesFit(input.roles, org.kind as TOrgKind);
    const taken = await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError('user/duplicate_username', { username: input.username });
    const { id } = await tx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        org_id: org.id,
        roles: input.roles,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    record({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      regionCode: input.regionCode,
      after: { username: input.username, roles: input.roles },
    });
    return id;
  });
}

/** `kechuang user reset-password`: sets a password given on the console (must be changed at sign-in unless told otherwise). */
export async function setPasswordFromConsole(ctx: Ctx, username: string, password: string, mustChange: boolean): Promise<void> {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await withAudit(ctx, async (tx, record) => {
    const u = await tx
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.org_id')
      .select(['u.id', 'o.region_code'])
      .where('u.username', '=', username.toLowerCase())
      .executeTakeFirst();
    if (!u) throw new AppError('user/not_found', { username });
    const now = ctx.now();
    await tx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: mustChange,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', u.id)
      .execute();
    await tx.updateTable('session').set({ revoked_at: now }).where('user_id', '=', u.id).where('revoked_at', 'is', null).execute();
    record({ action: 'user.reset_password', entityType: 'user', entityId: u.id, regionCode: u.region_code });
  });
}
