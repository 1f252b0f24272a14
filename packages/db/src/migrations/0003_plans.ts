import { type Kysely, sql } from 'kysely';

// Plans imported from a 工作要点 (or entered by hand): the plan, its section/task tree, its targets.
// Plan execution (assignments, reports, reviews) builds on these tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan (
      id integer generated always as identity primary key,
      region_code text not null references region(code),
      title text not null,
      doc_number text,
      issuer text,
      issued_on date,
      year integer not null,
      period_to integer,
      kind text not null check (kind in ('plan', 'summary')),
      status text not null default 'draft' check (status in ('draft', 'published')),
      source_filename text,
      source_text text not null default '',
      created_by integer references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plan_region_year_idx on plan(region_code text_pattern_ops, year);

    create table plan_node (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      parent_id integer references plan_node(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('section', 'task')),
      number text not null default '',
      title text not null,
      start_offset integer not null default 0,
      end_offset integer not null default 0,
      lead_units text[] not null default '{}',
      co_units text[] not null default '{}',
      deadline text
    );
    create index plan_node_plan_idx on plan_node(plan_id, position);

    create table plan_target (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      node_id integer references plan_node(id) on delete set null,
      indicator_name text not null,
      indicator_code text,
      value numeric not null,
      value_max numeric,
      unit text not null,
      normalized_value numeric not null,
      normalized_unit text not null,
      comparator text,
      qualifier text,
      kind text not null,
      target_year integer,
      quote text not null default '',
      start_offset integer not null default 0,
      end_offset integer not null default 0,
      baseline boolean not null default false
    );
    create index plan_target_plan_idx on plan_target(plan_id);
    create index plan_target_indicator_idx on plan_target(indicator_code);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
