import { type Kysely, sql } from 'kysely';

// Enterprise records the pre-assessment needs beyond the yearly figures: intellectual
// property items (知识产权), safety / quality / environment incidents, the enterprise's declaration
// that those lists are complete, and the region's 高企后备库 admission rules (versioned, effective-dated).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise_ip (
      id integer generated always as identity primary key,
      enterprise_id integer not null references enterprise(id) on delete cascade,
      -- 专利号 / 登记号 / 品种权号: the item's identity within the enterprise (import upserts by it)
      number text not null,
      kind text not null,
      -- one ZIpItem (grant date, prior use, transfer, core-technology flags …)
      data jsonb not null,
      created_at timestamptz not null default now(),
      unique (enterprise_id, number)
    );

    create table enterprise_incident (
      id integer generated always as identity primary key,
      enterprise_id integer not null references enterprise(id) on delete cascade,
      occurred_on date not null,
      kind text not null check (kind in ('safety', 'quality', 'environment', 'fraud', 'research_misconduct')),
      -- 一般 / 较大 / 重大 / 特别重大: only 重大 and 特别重大 bar the 高企 and 科技型中小企业 conditions
      severity text not null check (severity in ('general', 'larger', 'major', 'especially_major')),
      note text,
      created_at timestamptz not null default now(),
      unique (enterprise_id, occurred_on, kind)
    );
    create index enterprise_incident_enterprise_idx on enterprise_incident(enterprise_id, occurred_on);

    -- "the list is complete": without it an empty list means "not declared" (unknown), never "none"
    create table enterprise_disclosure (
      enterprise_id integer primary key references enterprise(id) on delete cascade,
      ip_complete boolean not null default false,
      incidents_complete boolean not null default false,
      updated_at timestamptz not null default now()
    );

    -- 高企后备库 admission rules per region: versions are only added; the one in force on a date is the
    -- latest effective_from on or before it, of the region itself or its nearest ancestor with rules.
    create table enterprise_reserve_rules (
      id integer generated always as identity primary key,
      region_code text not null references region(code),
      version integer not null,
      effective_from date not null,
      rules jsonb not null,
      note text,
      created_at timestamptz not null default now(),
      unique (region_code, version)
    );
    create index enterprise_reserve_rules_region_idx on enterprise_reserve_rules(region_code, effective_from);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
