import { type Kysely, sql } from 'kysely';
import { standardIndicators } from './0007_indicators.catalog.ts';

// Indicators and regional evaluation: the catalog, values with their correction history,
// evaluation schemes and their stored runs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,59}$'),
      name_zh text not null,
      name_en text not null default '',
      unit text not null,
      category text not null check (category in ('economy', 'input', 'enterprise', 'platform', 'output', 'talent', 'environment')),
      definition text not null default '',
      caliber text not null default '',
      polarity text not null check (polarity in ('positive', 'negative')),
      aggregation text not null check (aggregation in ('sum', 'ratio', 'none')),
      numerator_code text references indicator(code),
      denominator_code text references indicator(code),
      scale numeric,
      -- a ratio is derived from its numerator and denominator wherever both are known
      derived boolean generated always as (aggregation = 'ratio') stored,
      decimals integer not null default 2 check (decimals between 0 and 6),
      builtin boolean not null default false,
      owner_region_code text references region(code),
      position integer not null default 1000,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((aggregation = 'ratio') = (numerator_code is not null and denominator_code is not null and scale is not null))
    );

    -- Every version of a value is kept: a correction inserts a new row and marks the old one superseded
    -- (superseded_at, superseded_by), so nothing is overwritten silently. At most one current row per key.
    -- indicator_code and region_code carry no foreign keys on purpose: per-row RI triggers made bulk imports
    -- about three times slower on the embedded database (bench/indicators.ts). Every write goes through
    -- core's writeValues, which checks all codes of a batch set-based; neither table ever deletes a code
    -- (regions are retired, indicators are not deletable).
    create table indicator_value (
      id bigint generated always as identity primary key,
      indicator_code text not null,
      region_code text not null,
      period text not null check (period ~ '^(19|20|21)[0-9]{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
      kind text not null check (kind in ('target', 'actual', 'baseline')),
      value numeric not null,
      source text not null check (source in ('plan', 'report', 'registry', 'file', 'manual', 'derived')),
      source_ref text,
      note text,
      recorded_by integer, -- the user's id (no foreign key either: its RI trigger fires per row even for null)
      recorded_via text,
      recorded_at timestamptz not null default now(),
      superseded_at timestamptz,
      superseded_by bigint
    );
    create unique index indicator_value_current_uq on indicator_value(indicator_code, region_code, period, kind)
      where superseded_at is null;
    -- ranking: one indicator × period × kind over a region prefix. Not partial, so it also serves the history
    -- of one key (the superseded versions are few); one index less to maintain on bulk imports.
    create index indicator_value_rank_idx on indicator_value(indicator_code, period, kind, region_code text_pattern_ops);
    -- profile: a region (or a region prefix) over every indicator and period
    create index indicator_value_profile_idx on indicator_value(region_code text_pattern_ops, indicator_code, period)
      where superseded_at is null;

    create table evaluation_scheme (
      id integer generated always as identity primary key,
      name text not null,
      description text not null default '',
      level integer not null check (level in (2, 3)),
      parent_region_code text not null references region(code),
      definition jsonb not null,
      created_by integer references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index evaluation_scheme_region_idx on evaluation_scheme(parent_region_code text_pattern_ops);

    create table evaluation_run (
      id integer generated always as identity primary key,
      scheme_id integer not null references evaluation_scheme(id) on delete cascade,
      scheme_version integer not null,
      year integer not null,
      definition jsonb not null,
      result jsonb not null,
      sensitivity jsonb not null,
      origins jsonb not null,
      region_count integer not null,
      previous_ranks_from text not null check (previous_ranks_from in ('run', 'computed', 'none')),
      computed_by integer references app_user(id),
      computed_via text,
      computed_at timestamptz not null default now()
    );
    create index evaluation_run_scheme_idx on evaluation_run(scheme_id, year, id);
  `.execute(db);

  // one insert with the standard catalog, operands first (the foreign keys of ratios need them)
  const rows = standardIndicators.map((r, i) => ({
    code: r.code,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    unit: r.unit,
    category: r.category,
    definition: r.definition,
    caliber: r.caliber,
    polarity: r.polarity,
    aggregation: r.aggregation,
    numerator_code: r.ratio?.[0] ?? null,
    denominator_code: r.ratio?.[1] ?? null,
    scale: r.ratio ? String(r.ratio[2]) : null,
    decimals: r.decimals,
    builtin: true,
    position: (i + 1) * 10,
  }));
  // biome-ignore lint/suspicious/noExplicitAny: the migration runs on an untyped Kysely
  await (db as Kysely<any>).insertInto('indicator').values(rows).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
