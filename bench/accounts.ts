/**
 * Sign-in accounts for the benches, written in one statement: one account per entry of `orgIds` (an id given
 * several times gives that unit several accounts), named `<prefix><n>` with n counted from 1 and padded to
 * `width` digits, all with the same role and password hash.
 */
import { type DB, type Kysely, sql, type Transaction } from '../packages/db/src/index.ts';

export const accountName = (prefix: string, width: number, i: number) => `${prefix}${String(i + 1).padStart(width, '0')}`;

export async function insertAccounts(
  db: Kysely<DB> | Transaction<DB>,
  a: { prefix: string; displayPrefix: string; width: number; orgIds: number[]; role: 'reporter' | 'planner'; passwordHash: string },
): Promise<void> {
  if (a.orgIds.length === 0) return;
  await sql`
    insert into app_user (username, display_name, org_id, roles, password_hash, must_change_password)
    select ${a.prefix} || lpad(i::text, ${a.width}, '0'), ${a.displayPrefix} || lpad(i::text, ${a.width}, '0'),
           (${sql.val(a.orgIds)}::int[])[i], array[${a.role}::text], ${a.passwordHash}, false
    from generate_series(1, ${a.orgIds.length}) i`.execute(db);
}
