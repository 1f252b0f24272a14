import type { TOrgKind, TRole } from '@kechuang/contracts';
import type { DB, Kysely } from '@kechuang/db';
import { CompiledQuery } from 'kysely';
import type { Actor } from '../context.ts';

export interface SessionInfo {
  tokenHash: string;
  publicId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  mustChangePassword: boolean;
  actor: Actor;
}

function sessionQuery(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 'u.org_id')
    .select([
      's.token_hash',
      's.public_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.revoked_at',
      'u.id as user_id',
      'u.username',
      'u.roles',
      'u.disabled_at',
      'u.must_change_password',
      'o.id as org_id',
      'o.kind as org_kind',
      'o.region_code',
      'o.disabled_at as org_disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash);
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirst']>>;

// Built and compiled once per database handle: every uncached request runs it, and building a query costs more
// CPU than the database spends on this primary-key lookup.
const compiled = new WeakMap<Kysely<DB>, string>();

/** One query (by the session's primary key): the live session, its user and the user's organisation. */
export async function loadSession(db: Kysely<DB>, tokenHash: string): Promise<SessionInfo | null> {
  let text = compiled.get(db);
  if (text === undefined) {
    text = sessionQuery(db, '').compile().sql;
    compiled.set(db, text);
  }
  const row = (await db.executeQuery(CompiledQuery.raw(text, [tokenHash]))).rows[0] as SessionRow;
  if (!row || row.revoked_at || row.disabled_at || row.org_disabled_at) return null;
  return {
    tokenHash: row.token_hash,
    publicId: row.public_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    mustChangePassword: row.must_change_password,
    actor: {
      userId: row.user_id,
      username: row.username,
      orgId: row.org_id,
      orgKind: row.org_kind as TOrgKind,
      regionCode: row.region_code,
      roles: row.roles as TRole[],
    },
  };
}
