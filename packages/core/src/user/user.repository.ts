import type { TOrgKind, TRole, TUser } from '@kechuang/contracts';
import { authPolicy } from '@kechuang/contracts';
import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';
import { backoffSeconds } from '../auth/login-throttle.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Users with their organisation and region, as every user view needs them. */
export function selectUsers(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.region_code',
      'r.name as region_name',
      'u.roles',
      'u.phone',
      'u.email',
      'u.disabled_at',
      // failures since the last success or an administrator's reset, within the back-off window, and the last one
      sql<string>`(select count(*) from login_attempt a where a.username = u.username and not a.success
        and a.at > greatest(now() - make_interval(mins => ${authPolicy.loginWindowMinutes}),
          coalesce((select max(s.at) from login_attempt s where s.username = u.username and s.success), '-infinity'),
          coalesce(u.login_reset_at, '-infinity')))`.as('recent_failures'),
      sql<Date | null>`(select max(a.at) from login_attempt a where a.username = u.username and not a.success)`.as('last_failure'),
      'u.must_change_password',
      'u.last_login_at',
      'u.version',
      'u.created_at',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

/** Whether the account's next sign-in would have to wait (the back-off of login-throttle.ts, seen from now). */
function slowedDown(r: UserRow, now: Date): boolean {
  const wait = backoffSeconds(Number(r.recent_failures), authPolicy.accountFreeFailures, authPolicy.accountBackoffSeconds);
  return wait > 0 && r.last_failure !== null && new Date(r.last_failure).getTime() + wait * 1000 > now.getTime();
}

export function toUser(r: UserRow, now: Date): TUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgId: r.org_id,
    orgName: r.org_name,
    orgKind: r.org_kind as TOrgKind,
    regionCode: r.region_code,
    regionName: r.region_name,
    roles: r.roles as TRole[],
    phone: r.phone,
    email: r.email,
    disabled: r.disabled_at !== null,
    // sign-in is being slowed down by repeated failures (never a lock-out; an administrator may reset it)
    locked: slowedDown(r, now),
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findUserView(db: Db, id: number, now: Date): Promise<TUser | null> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toUser(row, now) : null;
}
