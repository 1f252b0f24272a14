import { type Kysely, sql } from 'kysely';

// S&T projects: people (项目负责人, members; later experts and talent), programmes (计划类别) and
// their calls (申报指南) with eligibility rules as data, applications (申报) with their timeline, and the
// projects that a decision starts (立项) and that run to acceptance (结题验收).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- one record per natural person; the identity number is kept only as a keyed hash (for matching) and
    -- its last four characters (for display), never in full
    create table person (
      id integer generated always as identity primary key,
      name text not null,
      gender text check (gender in ('male', 'female')),
      title text,
      employer_org_id integer references organization(id),
      employer_name text,
      discipline_codes text[] not null default '{}',
      phone text,
      email text,
      id_hash text unique,
      id_last4 text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index person_employer_idx on person(employer_org_id);

    -- 计划类别 of a bureau: 自然科学基金, 重点研发, 揭榜挂帅, 后补助, 软科学 …
    create table project_programme (
      id integer generated always as identity primary key,
      region_code text not null references region(code),
      kind text not null check (kind in ('natural_science', 'key_rnd', 'open_competition', 'post_subsidy', 'soft_science', 'other')),
      name text not null,
      created_at timestamptz not null default now(),
      unique (region_code, name)
    );

    -- 申报指南: a call of a programme in a year; money in 分, times as instants (shown in Asia/Shanghai)
    create table project_call (
      id integer generated always as identity primary key,
      programme_id integer not null references project_programme(id),
      region_code text not null references region(code),
      year integer not null,
      title text not null,
      directions text[] not null default '{}',
      max_grant_fen bigint not null check (max_grant_fen >= 0),
      budget_fen bigint not null check (budget_fen >= 0),
      opens_at timestamptz not null,
      closes_at timestamptz not null check (closes_at > opens_at),
      required_attachments text[] not null default '{}',
      limit_per_unit integer check (limit_per_unit > 0),
      limit_per_leader integer check (limit_per_leader > 0),
      recommendation text not null check (recommendation in ('region', 'department', 'direct')),
      -- one ZEligibilityRules object: applicant kinds, regions, ladder rungs
      eligibility jsonb not null,
      status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
      published_at timestamptz,
      closed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index project_call_region_idx on project_call(region_code, year);
    create index project_call_open_idx on project_call(status, closes_at);

    create table project_application (
      id integer generated always as identity primary key,
      call_id integer not null references project_call(id),
      org_id integer not null references organization(id),
      -- the applicant unit's region, copied at creation: the scope a region planner sees
      region_code text not null references region(code),
      title text not null,
      field_code text,
      direction text,
      leader_person_id integer not null references person(id),
      -- [{personId, role, workload}]
      members jsonb not null default '[]',
      -- [{category, fiscalFen, selfFen}]
      budget jsonb not null default '[]',
      fiscal_fen bigint not null default 0,
      self_fen bigint not null default 0,
      -- [{name, unit, value, note}]
      targets jsonb not null default '[]',
      summary text,
      status text not null default 'draft'
        check (status in ('draft', 'submitted', 'recommended', 'returned', 'under_review', 'selected', 'rejected', 'withdrawn')),
      -- reasons of the latest return, the latest formal-check checklist
      return_reasons jsonb,
      checklist jsonb,
      submitted_at timestamptz,
      granted_fen bigint,
      version integer not null default 1,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index project_application_call_idx on project_application(call_id, status);
    create index project_application_org_idx on project_application(org_id);
    create index project_application_leader_idx on project_application(leader_person_id);
    create index project_application_region_idx on project_application(region_code);

    create table project_application_file (
      id integer generated always as identity primary key,
      application_id integer not null references project_application(id) on delete cascade,
      kind text not null,
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by integer references app_user(id),
      created_at timestamptz not null default now()
    );
    create index project_application_file_idx on project_application_file(application_id);

    -- the application's timeline: every step, who and when
    create table project_event (
      id integer generated always as identity primary key,
      application_id integer not null references project_application(id) on delete cascade,
      at timestamptz not null,
      actor_user_id integer references app_user(id),
      actor_username text,
      kind text not null,
      detail jsonb
    );
    create index project_event_application_idx on project_event(application_id, at);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
