import { type Kysely, sql } from 'kysely';

// Sign-in throttling by back-off instead of lock-out (docs/security.md): failures are counted per
// username and per source address from login_attempt, whether or not the username exists, and a
// browser that has signed in to an account before (a known device) is never slowed down for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index login_attempt_username_idx on login_attempt(username, at);
    -- the device cookie an attempt came with (its hash): failures from one device end its trust
    alter table login_attempt add column device_hash text;
    create index login_attempt_device_idx on login_attempt(device_hash, at) where device_hash is not null;

    -- a device cookie handed out at a successful sign-in; only its hash is kept
    create table known_device (
      token_hash text primary key,
      user_id integer not null references app_user(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now()
    );
    create index known_device_user_idx on known_device(user_id, last_used_at);

    -- an administrator's "unlock": failures before this moment no longer slow the account down
    alter table app_user add column login_reset_at timestamptz;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
