import { type Kysely, sql } from 'kysely';

// S&T projects, second part: the project a decision starts (立项) or an import brings from the
// bureau's history, its 任务书 confirmed by both sides, requested changes with their approval, 拨款 batches,
// execution reports and 中期检查, acceptance (结题验收, shared/docs/domain-rules.md §6.4), and the projects
// recommended upward to provincial / national programmes with the amount won (争资).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table project (
      id integer generated always as identity primary key,
      -- 项目编号: given at 立项 (or taken from the imported list)
      project_no text not null unique,
      application_id integer unique references project_application(id),
      call_id integer references project_call(id),
      programme_kind text not null,
      programme_name text not null,
      -- where the undertaking unit is (counted by region) and the bureau that runs the project
      region_code text not null references region(code),
      bureau_region_code text not null references region(code),
      org_id integer references organization(id),
      org_name text not null,
      year integer not null,
      title text not null,
      field_code text,
      leader_person_id integer references person(id),
      leader_name text not null,
      granted_fen bigint not null check (granted_fen >= 0),
      start_on date,
      end_on date,
      status text not null default 'contracting' check (status in (
        'contracting', 'executing', 'acceptance_requested', 'rectifying',
        'passed', 'passed_after_rectification', 'concluded', 'failed', 'terminated', 'revoked')),
      -- 任务书: {targets, budget, milestones, startOn, endOn}; confirmed by the bureau and the unit
      contract jsonb,
      contract_bureau_at timestamptz,
      contract_unit_at timestamptz,
      -- one rectification, due three months after the notice (整改)
      rectification_due date,
      source text not null check (source in ('application', 'import')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index project_region_year_idx on project(region_code, year);
    create index project_status_idx on project(status);
    create index project_org_idx on project(org_id);
    create index project_title_idx on project(title);

    create table project_payment (
      id integer generated always as identity primary key,
      project_id integer not null references project(id),
      batch integer not null,
      amount_fen bigint not null check (amount_fen > 0),
      paid_on date not null,
      milestone text,
      note text,
      created_at timestamptz not null default now(),
      unique (project_id, batch)
    );

    create table project_change (
      id integer generated always as identity primary key,
      project_id integer not null references project(id),
      kind text not null check (kind in ('extension', 'leader_change', 'budget_adjustment')),
      request jsonb not null,
      reason text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      requested_by integer references app_user(id),
      requested_at timestamptz not null,
      decided_by integer references app_user(id),
      decided_at timestamptz,
      decision_note text
    );
    create index project_change_project_idx on project_change(project_id);

    -- execution reports, 中期检查 and the 科技报告, one table: kind tells them apart
    create table project_report (
      id integer generated always as identity primary key,
      project_id integer not null references project(id),
      kind text not null check (kind in ('periodic', 'midterm', 'tech_report')),
      period text,
      content jsonb not null,
      outcome text,
      submitted_at timestamptz not null,
      submitted_by integer references app_user(id)
    );
    create index project_report_project_idx on project_report(project_id, kind);

    -- each acceptance round (the first, and at most one after rectification)
    create table project_acceptance (
      id integer generated always as identity primary key,
      project_id integer not null references project(id),
      round integer not null check (round in (1, 2)),
      task_result text not null check (task_result in ('pass', 'fail')),
      finance_result text not null check (finance_result in ('pass', 'fail')),
      conclusion text not null,
      target_results jsonb not null,
      note text,
      decided_at timestamptz not null,
      decided_by integer references app_user(id),
      unique (project_id, round)
    );

    -- 争资: recommended upward to a provincial or national programme, and the amount won
    create table project_upward (
      id integer generated always as identity primary key,
      project_id integer references project(id),
      region_code text not null references region(code),
      org_name text not null,
      title text not null,
      level text not null check (level in ('province', 'national')),
      programme_name text not null,
      year integer not null,
      recommended_on date not null,
      status text not null default 'recommended' check (status in ('recommended', 'won', 'lost')),
      won_fen bigint check (won_fen >= 0),
      version integer not null default 1,
      created_at timestamptz not null default now()
    );
    create index project_upward_region_year_idx on project_upward(region_code, year);

    -- the project timeline shares the application's event table
    alter table project_event alter column application_id drop not null;
    alter table project_event add column project_id integer references project(id);
    create index project_event_project_idx on project_event(project_id, at);

    -- the project numbers plan targets are measured by (written from the project records, source 'registry')
    insert into indicator (code, name_zh, name_en, unit, category, definition, caliber, polarity, aggregation, decimals, builtin, position)
    values
      ('project_started_count', '立项科技项目数', 'S&T projects started', '项', 'input',
       '当年立项的本级科技计划项目数', '科技项目库：当年立项（含导入的历史项目），不含撤销的项目', 'positive', 'sum', 0, true, 2000),
      ('project_granted_funds', '立项资助资金', 'Funds granted to S&T projects', '万元', 'input',
       '当年立项的本级科技计划项目财政资助金额', '科技项目库：当年立项项目的资助金额合计，不含撤销的项目', 'positive', 'sum', 2, true, 2010),
      ('open_competition_count', '揭榜挂帅项目数', 'Open-competition (揭榜挂帅) projects', '项', 'input',
       '当年立项实施的揭榜挂帅项目数', '科技项目库：计划类别为揭榜挂帅的当年立项项目，不含撤销的项目', 'positive', 'sum', 0, true, 2020)
    on conflict (code) do nothing;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
