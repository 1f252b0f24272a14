import { type Kysely, sql } from 'kysely';

// The technology market, first part: sellers (卖方注册), registration points (技术合同登记机构) with the
// regions they serve, and contract registration (技术合同认定登记) under the rule pack in force, with a
// timeline, files and the registration number. Registered contracts feed 技术合同成交额 (输出/吸纳).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tm_seller (
      id integer generated always as identity primary key,
      org_id integer not null unique references organization(id),
      -- 统一社会信用代码 (checked in contracts); null for a natural person seller
      uscc text,
      kind text not null check (kind in ('enterprise', 'university', 'institute', 'individual', 'other')),
      contact text not null default '',
      created_by integer references app_user(id),
      created_at timestamptz not null default now()
    );

    create table tm_registration_point (
      id integer generated always as identity primary key,
      name text not null unique,
      -- the organisation whose planners act as the point's registrars
      org_id integer not null references organization(id),
      -- the regions whose sellers register here (a code covers its subtree)
      regions text[] not null,
      created_at timestamptz not null default now()
    );

    create table tm_registration_counter (
      point_id integer not null references tm_registration_point(id),
      year integer not null,
      last integer not null,
      primary key (point_id, year)
    );

    create table tech_contract (
      id integer generated always as identity primary key,
      seller_id integer not null references tm_seller(id),
      seller_org_id integer not null references organization(id),
      seller_region_code text not null references region(code),
      point_id integer references tm_registration_point(id),
      name text not null,
      subject text not null,
      pack_id text,
      contract_type text,
      subtype text,
      buyer_name text not null,
      buyer_region_code text not null references region(code),
      contract_amount_fen bigint not null check (contract_amount_fen > 0),
      technical_amount_fen bigint,
      cost_items jsonb not null default '[]',
      payments jsonb not null default '[]',
      tech_field text not null,
      ip_type text not null,
      socio_goal text not null,
      project_source text not null default '',
      signed_on date not null,
      status text not null check (status in ('draft', 'submitted', 'accepted', 'correction_requested', 'registered', 'not_accepted', 'refused')),
      submitted_at timestamptz,
      accepted_on date,
      corrected_on date,
      due_on date,
      registered_on date,
      registration_no text unique,
      refusal_codes text[] not null default '{}',
      note text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index tech_contract_seller_idx on tech_contract(seller_org_id, id desc);
    create index tech_contract_point_idx on tech_contract(point_id, status);
    create index tech_contract_registered_seller_idx on tech_contract(registered_on, seller_region_code) where status = 'registered';
    create index tech_contract_registered_buyer_idx on tech_contract(registered_on, buyer_region_code) where status = 'registered';

    create table tech_contract_event (
      id bigint generated always as identity primary key,
      contract_id integer not null references tech_contract(id) on delete cascade,
      at timestamptz not null default now(),
      actor_user_id integer references app_user(id),
      kind text not null,
      detail jsonb not null default '{}'
    );
    create index tech_contract_event_idx on tech_contract_event(contract_id, id);

    create table tech_contract_file (
      id integer generated always as identity primary key,
      contract_id integer not null references tech_contract(id) on delete cascade,
      filename text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by integer references app_user(id),
      uploaded_at timestamptz not null default now()
    );

    update indicator set caliber = '按地域一次登记、卖方登记；由技术合同登记模块的已登记合同统计（卖方所在地区）'
      where code = 'tech_contract_turnover';
    update indicator set caliber = '按《技术合同登记表》买方地区代码统计；由技术合同登记模块的已登记合同统计（买方所在地区）'
      where code = 'tech_contract_absorbed';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
