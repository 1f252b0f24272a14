import { type Kysely, sql } from 'kysely';

// 科技创新券 (domain-rules §7): the provider registry (服务机构名录), yearly quotas of enterprises and teams, the
// vouchers used on contracts with their redemption evidence, and the quarterly redemption batches. The money
// invariant is also a table constraint: a quota's used amount never exceeds what was granted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table voucher_provider (
      id integer generated always as identity primary key,
      org_id integer not null unique references organization(id),
      region_code text not null references region(code),
      services text[] not null,
      related_usccs text[] not null default '{}',
      registered_on date not null,
      removed_on date,
      status text not null check (status in ('listed', 'removed')),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index voucher_provider_region_idx on voucher_provider(region_code);

    create table voucher_quota (
      id integer generated always as identity primary key,
      pack_id text not null,
      region_code text not null references region(code),
      year integer not null,
      holder_kind text not null check (holder_kind in ('enterprise', 'team')),
      enterprise_id integer references enterprise(id),
      team_name text,
      team_incubator text,
      team_members integer,
      requested_fen bigint not null check (requested_fen > 0),
      granted_fen bigint check (granted_fen > 0),
      used_fen bigint not null default 0,
      status text not null check (status in ('applied', 'granted', 'refused')),
      expires_on date not null,
      refusal_reason text,
      applied_by integer references app_user(id),
      decided_by integer references app_user(id),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      check ((holder_kind = 'enterprise') = (enterprise_id is not null)),
      check (used_fen >= 0 and used_fen <= coalesce(granted_fen, 0))
    );
    create index voucher_quota_enterprise_idx on voucher_quota(enterprise_id, year);
    create index voucher_quota_region_idx on voucher_quota(region_code, year);

    create table voucher_batch (
      id integer generated always as identity primary key,
      region_code text not null references region(code),
      year integer not null,
      quarter integer not null check (quarter between 1 and 4),
      status text not null check (status in ('open', 'paid')),
      paid_on date,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (region_code, year, quarter)
    );

    create table voucher_use (
      id integer generated always as identity primary key,
      quota_id integer not null references voucher_quota(id),
      provider_id integer not null references voucher_provider(id),
      service text not null,
      contract_no text not null,
      contract_amount_fen bigint not null check (contract_amount_fen > 0),
      signed_on date not null,
      amount_fen bigint not null check (amount_fen > 0 and amount_fen <= contract_amount_fen),
      status text not null check (status in ('reserved', 'redemption_requested', 'approved', 'refused', 'redeemed', 'cancelled')),
      requested_on date,
      batch_id integer references voucher_batch(id),
      refusal_reason text,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index voucher_use_quota_idx on voucher_use(quota_id);
    create index voucher_use_provider_idx on voucher_use(provider_id);

    create table voucher_use_file (
      id integer generated always as identity primary key,
      use_id integer not null references voucher_use(id),
      kind text not null check (kind in ('contract', 'invoice', 'payment')),
      filename text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by integer references app_user(id),
      uploaded_at timestamptz not null default now()
    );
    create index voucher_use_file_use_idx on voucher_use_file(use_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
