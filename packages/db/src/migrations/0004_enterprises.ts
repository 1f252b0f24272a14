import { type Kysely, sql } from 'kysely';

// The enterprise registry: enterprises, their yearly figures, and the cultivation ladder
// (科技型中小企业 → 高企后备库 → 高新技术企业 → 专精特新 → 小巨人 → 上市). Ladder statuses are history:
// rows are only ever added, so the count on any date and the net additions of any year stay exact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise (
      id integer generated always as identity primary key,
      uscc text not null unique,
      name text not null,
      region_code text not null references region(code),
      industry_code text,
      registered_on date,
      contact text,
      phone text,
      org_id integer references organization(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index enterprise_region_idx on enterprise(region_code text_pattern_ops, id);
    create index enterprise_org_idx on enterprise(org_id);

    create table enterprise_year (
      enterprise_id integer not null references enterprise(id) on delete cascade,
      year integer not null,
      data jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (enterprise_id, year)
    );

    create table enterprise_status (
      id integer generated always as identity primary key,
      enterprise_id integer not null references enterprise(id) on delete cascade,
      rung text not null check (rung in ('techSme', 'hnteReserve', 'hnte', 'specialized', 'littleGiant', 'listed')),
      reference text,
      valid_from date not null,
      valid_to date,
      note text,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index enterprise_status_enterprise_idx on enterprise_status(enterprise_id, rung, valid_from);

    -- Derived from enterprise_status, rebuilt per enterprise whenever its statuses or region change, so
    -- the funnel reads a few hundred rows instead of every status. A span is the union of overlapping or
    -- adjacent statuses of one rung (a renewal does not count twice); valid_to null = open-ended.
    create table enterprise_ladder_span (
      enterprise_id integer not null references enterprise(id) on delete cascade,
      rung text not null,
      region_code text not null,
      valid_from date not null,
      valid_to date
    );
    create index enterprise_ladder_span_enterprise_idx on enterprise_ladder_span(enterprise_id);
    create index enterprise_ladder_span_to_idx on enterprise_ladder_span(valid_to, region_code);

    -- Per county, rung and year: spans starting that year (+1) minus spans whose first uncovered day falls
    -- in it (−1). The count holding a rung on 31 December of Y is the sum over years <= Y.
    create table enterprise_ladder_tally (
      region_code text not null,
      rung text not null,
      year integer not null,
      delta integer not null,
      primary key (region_code, rung, year)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
