import { type Kysely, sql } from 'kysely';

// 科技成果、四张清单与供需对接: achievements registered with the bureau (科技成果登记), the four lists of entries
// (成果清单, 共性技术需求清单, 技术需求清单, 融资需求清单) reviewed and published, 对接会 events with the pairs they
// introduced followed to registered contracts, technology-transfer agencies and brokers (技术经理人, a role of a
// person) credited with the contracts they brokered (技术中介), and the per-region switch of rule packs that are
// off by default (the 2024 draft).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tm_achievement (
      id integer generated always as identity primary key,
      owner_org_id integer not null references organization(id),
      region_code text not null references region(code),
      title text not null,
      summary text not null,
      kind text not null check (kind in ('applied_technology', 'basic_theory', 'soft_science')),
      field_code text not null,
      keywords text[] not null default '{}',
      trl integer check (trl between 1 and 9),
      maturity text not null check (maturity in ('lab', 'pilot_small', 'pilot', 'small_batch', 'industrialised')),
      ip_kind text not null,
      ip_numbers text[] not null default '{}',
      project_id integer references project(id),
      completed_on date,
      status text not null check (status in ('draft', 'submitted', 'returned', 'registered')),
      registration_no text unique,
      registered_on date,
      note text not null default '',
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index tm_achievement_owner_idx on tm_achievement(owner_org_id, id desc);
    create index tm_achievement_registered_idx on tm_achievement(registered_on, region_code) where status = 'registered';

    create table tm_achievement_counter (
      region_code text not null,
      year integer not null,
      last integer not null,
      primary key (region_code, year)
    );

    -- one table for the four lists; terms: the jieba tokens of title, keywords and description (with
    -- repeats, for term frequencies); initials: pinyin initials of the title
    create table tm_listing (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('achievement', 'common_demand', 'demand', 'financing')),
      owner_org_id integer not null references organization(id),
      region_code text not null references region(code),
      title text not null,
      description text not null,
      field_code text not null,
      keywords text[] not null default '{}',
      achievement_id integer references tm_achievement(id),
      amount_fen bigint check (amount_fen >= 0),
      trl integer check (trl between 1 and 9),
      contact text not null default '',
      valid_until date,
      status text not null check (status in ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
      published_at timestamptz,
      published_on date,
      note text not null default '',
      terms text[] not null default '{}',
      initials text not null default '',
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index tm_listing_owner_idx on tm_listing(owner_org_id, id desc);
    create index tm_listing_published_idx on tm_listing(kind, region_code, id desc) where status = 'published';
    create index tm_listing_terms_idx on tm_listing using gin (terms);

    -- bumped whenever the set of published entries changes: the in-process matching index reloads on a change
    create table tm_listing_generation (
      id integer primary key check (id = 1),
      gen bigint not null
    );
    insert into tm_listing_generation values (1, 0);

    create table tm_event (
      id integer generated always as identity primary key,
      name text not null,
      held_on date not null,
      region_code text not null references region(code),
      venue text not null default '',
      theme text not null default '',
      organiser_org_id integer not null references organization(id),
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index tm_event_region_idx on tm_event(region_code, held_on);

    create table tm_event_participant (
      id integer generated always as identity primary key,
      event_id integer not null references tm_event(id) on delete cascade,
      org_id integer references organization(id),
      name text not null,
      role text not null check (role in ('demand', 'supply', 'expert', 'agency', 'investor', 'other'))
    );
    create index tm_event_participant_idx on tm_event_participant(event_id);

    create table tm_event_pair (
      id integer generated always as identity primary key,
      event_id integer not null references tm_event(id),
      demand_listing_id integer not null references tm_listing(id),
      supply_listing_id integer references tm_listing(id),
      supplier_org_id integer references organization(id),
      supplier_name text not null,
      status text not null check (status in ('introduced', 'intention', 'contracted', 'dropped')),
      introduced_on date not null,
      intention_on date,
      intention_amount_fen bigint,
      -- the registered contract the pair led to (one contract is credited to one pair)
      contract_id integer unique references tech_contract(id),
      note text not null default '',
      created_by integer references app_user(id),
      version integer not null default 1
    );
    create unique index tm_event_pair_unique on tm_event_pair(event_id, demand_listing_id, coalesce(supply_listing_id, 0), coalesce(supplier_org_id, 0), supplier_name);
    create index tm_event_pair_event_idx on tm_event_pair(event_id);

    create table tm_agency (
      id integer generated always as identity primary key,
      org_id integer not null unique references organization(id),
      level text not null check (level in ('national', 'provincial', 'municipal', 'none')),
      recognised_on date,
      services text not null default '',
      created_at timestamptz not null default now()
    );

    -- 技术经理人: a role of the one person record
    create table tm_broker (
      id integer generated always as identity primary key,
      person_id integer not null unique references person(id),
      agency_id integer references tm_agency(id),
      region_code text not null references region(code),
      created_at timestamptz not null default now()
    );
    create table tm_broker_training (
      id integer generated always as identity primary key,
      broker_id integer not null references tm_broker(id) on delete cascade,
      course text not null,
      provider text not null,
      hours integer not null check (hours > 0),
      completed_on date not null
    );
    create index tm_broker_training_idx on tm_broker_training(broker_id);
    create table tm_broker_certificate (
      id integer generated always as identity primary key,
      broker_id integer not null references tm_broker(id) on delete cascade,
      certificate_no text not null unique,
      level text not null check (level in ('junior', 'intermediate', 'senior')),
      issued_by text not null,
      issued_on date not null,
      valid_until date
    );
    create index tm_broker_certificate_idx on tm_broker_certificate(broker_id);

    -- 技术中介: the agency and/or broker credited with a contract
    create table tech_contract_broker (
      contract_id integer primary key references tech_contract(id),
      agency_id integer references tm_agency(id),
      broker_id integer references tm_broker(id),
      fee_fen bigint check (fee_fen >= 0),
      set_by integer references app_user(id),
      set_at timestamptz not null default now(),
      check (agency_id is not null or broker_id is not null)
    );
    create index tech_contract_broker_agency_idx on tech_contract_broker(agency_id);

    -- a rule pack that is off by default (the 2024 draft) switched on for a region's subtree by its bureau
    create table tm_pack_switch (
      region_code text not null references region(code),
      pack_id text not null,
      enabled boolean not null,
      updated_by integer references app_user(id),
      updated_at timestamptz not null default now(),
      primary key (region_code, pack_id)
    );

    -- registered contracts summed by (输出 seller's / 吸纳 buyer's) region × contract type × month, kept in the
    -- registration's transaction, each at two levels: a county's row under its city, a city's row under its
    -- province (a contract registered at a city's or province's own code also under itself, as 本级). The
    -- statistics cross table of a region then reads exactly the rows it shows, by parent_code.
    create table tech_contract_month (
      direction text not null check (direction in ('output', 'absorption')),
      parent_code text not null,
      region_code text not null,
      contract_type text not null,
      month text not null,
      n integer not null,
      contract_amount_fen bigint not null,
      technical_amount_fen bigint not null,
      primary key (direction, parent_code, month, region_code, contract_type)
    );
    insert into tech_contract_month
      with c as (
        select 'output' as direction, seller_region_code as r, coalesce(contract_type, '') as t, to_char(registered_on, 'YYYY-MM') as m,
          contract_amount_fen as a, coalesce(technical_amount_fen, 0) as ta
        from tech_contract where status = 'registered'
        union all
        select 'absorption', buyer_region_code, coalesce(contract_type, ''), to_char(registered_on, 'YYYY-MM'),
          contract_amount_fen, coalesce(technical_amount_fen, 0)
        from tech_contract where status = 'registered'
      ), levels as (
        select direction, case when r like '%00' then r else substr(r, 1, 4) || '00' end as parent_code, r as region_code, t, m, a, ta from c
        union all
        select direction, substr(r, 1, 2) || '0000', substr(r, 1, 4) || '00', t, m, a, ta from c where r not like '%0000'
      )
      select direction, parent_code, region_code, t, m, count(*), sum(a), sum(ta) from levels group by 1, 2, 3, 4, 5;

    insert into indicator (code, name_zh, name_en, unit, category, definition, caliber, polarity, aggregation, decimals, builtin, position)
    values ('achievement_registered_count', '登记科技成果数', 'Registered achievements', '项', 'output',
      '当年在科技行政部门完成登记的科技成果项数',
      '由科技成果登记模块统计（成果完成单位所在地区，登记日期所在年度）', 'positive', 'sum', 0, true, 4010)
    on conflict (code) do nothing;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
