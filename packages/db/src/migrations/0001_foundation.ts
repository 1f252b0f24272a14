import { type Kysely, sql } from 'kysely';

// Plain SQL, identical on PGlite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      code text primary key check (code ~ '^[1-9][0-9]{5}$'),
      name text not null,
      level smallint not null check (level between 1 and 3),
      parent_code text references region(code),
      initials text not null default '',
      valid_from date,
      valid_to date,
      successor_code text references region(code)
    );
    create index region_parent_idx on region(parent_code);

    create table region_change (
      id integer generated always as identity primary key,
      kind text not null,
      effective_date date not null,
      from_codes text[] not null default '{}',
      to_code text references region(code),
      note text not null default '',
      created_at timestamptz not null default now()
    );

    create table organization (
      id integer generated always as identity primary key,
      name text not null,
      short_name text,
      kind text not null,
      region_code text not null references region(code),
      uscc text unique,
      contact text,
      phone text,
      disabled_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index organization_region_name_uq on organization(region_code, name);
    create index organization_region_idx on organization(region_code text_pattern_ops);

    create table app_user (
      id integer generated always as identity primary key,
      username text not null unique,
      display_name text not null,
      org_id integer not null references organization(id),
      roles text[] not null,
      phone text,
      email text,
      password_hash text not null,
      must_change_password boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index app_user_org_idx on app_user(org_id);

    create table session (
      token_hash text primary key,
      public_id text not null unique,
      user_id integer not null references app_user(id),
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index session_user_idx on session(user_id);

    create table login_attempt (
      id bigint generated always as identity primary key,
      username text not null,
      ip text,
      success boolean not null,
      at timestamptz not null default now()
    );
    create index login_attempt_ip_idx on login_attempt(ip, at);

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id integer,
      actor_username text,
      ip text,
      action text not null,
      entity_type text not null,
      entity_id text,
      region_code text,
      before jsonb,
      after jsonb
    );
    create index audit_log_at_idx on audit_log(at desc);
    create index audit_log_entity_idx on audit_log(entity_type, entity_id);

    -- The audit trail is append-only: no update, delete or truncate, whoever asks.
    create function audit_log_append_only() returns trigger language plpgsql as $fn$
    begin
      raise exception 'audit_log is append-only';
    end
    $fn$;
    create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table setting (
      key text primary key,
      value jsonb,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup to go back');
}
