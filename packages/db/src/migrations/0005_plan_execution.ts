import { type Kysely, sql } from 'kysely';

// Running a plan through the year: assignments to units, reporting cycles, progress reports with
// versions and evidence, reviews, the task timeline, archived bulletins, in-app notifications and
// the scheduler's bookkeeping. Builds on plan / plan_node / plan_target (0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plan add column published_at timestamptz;

    -- every edit of a plan keeps the version it replaced (mid-year adjustments)
    create table plan_revision (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      version integer not null,
      snapshot jsonb not null,
      reason text not null default '',
      changed_by integer references app_user(id),
      changed_at timestamptz not null default now(),
      unique (plan_id, version)
    );

    alter table plan_node
      add column leader text,
      add column start_date date,
      add column due_date date,
      add column cycle text not null default 'none' check (cycle in ('none', 'monthly', 'quarterly', 'custom')),
      add column cycle_due_day integer not null default 5 check (cycle_due_day between 1 and 28),
      add column custom_due_dates date[] not null default '{}',
      add column weight numeric not null default 1 check (weight >= 0),
      add column milestones jsonb not null default '[]',
      add column version integer not null default 1;

    -- lead unit (牵头单位) and co-units (配合单位) of a task, as organisations
    create table plan_assignment (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      node_id integer not null references plan_node(id) on delete cascade,
      org_id integer not null references organization(id),
      role text not null check (role in ('lead', 'co')),
      created_at timestamptz not null default now(),
      unique (node_id, org_id)
    );
    create index plan_assignment_org_idx on plan_assignment(org_id, plan_id);
    create index plan_assignment_plan_idx on plan_assignment(plan_id);

    -- one row per (task, unit, period, version); a submitted version is immutable, a correction is version + 1
    create table progress_report (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      node_id integer not null references plan_node(id) on delete cascade,
      org_id integer not null references organization(id),
      period text not null,
      period_end date not null,
      due_date date not null,
      version integer not null default 1,
      status text not null check (status in ('draft', 'submitted', 'accepted', 'returned')),
      narrative text not null default '',
      percent integer check (percent between 0 and 100),
      self_status text check (self_status in ('on_track', 'at_risk', 'lagging', 'done')),
      submitted_at timestamptz,
      submitted_by integer references app_user(id),
      reviewed_at timestamptz,
      reviewed_by integer references app_user(id),
      review_comment text,
      row_version integer not null default 1,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (node_id, org_id, period, version)
    );
    create index progress_report_plan_idx on progress_report(plan_id, period);
    create index progress_report_org_idx on progress_report(org_id, status);
    create index progress_report_node_idx on progress_report(node_id, period_end desc);

    create table report_target_value (
      report_id integer not null references progress_report(id) on delete cascade,
      target_id integer not null references plan_target(id) on delete cascade,
      value numeric not null,
      primary key (report_id, target_id)
    );
    create index report_target_value_target_idx on report_target_value(target_id);

    create table report_attachment (
      id integer generated always as identity primary key,
      report_id integer not null references progress_report(id) on delete cascade,
      filename text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by integer references app_user(id),
      uploaded_at timestamptz not null default now()
    );
    create index report_attachment_report_idx on report_attachment(report_id);

    -- the task's timeline: assignment changes, submissions, reviews, corrections, edits
    create table task_event (
      id bigint generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      node_id integer not null references plan_node(id) on delete cascade,
      at timestamptz not null default now(),
      actor_user_id integer references app_user(id),
      actor_name text,
      kind text not null,
      report_id integer references progress_report(id) on delete set null,
      detail jsonb not null default '{}'
    );
    create index task_event_node_idx on task_event(node_id, at);

    -- generated 进度通报, archived with their files
    create table plan_bulletin (
      id integer generated always as identity primary key,
      plan_id integer not null references plan(id) on delete cascade,
      title text not null,
      period_label text not null,
      as_of date not null,
      summary jsonb not null default '{}',
      docx bytea not null,
      xlsx bytea not null,
      generated_by integer references app_user(id),
      generated_at timestamptz not null default now()
    );
    create index plan_bulletin_plan_idx on plan_bulletin(plan_id, generated_at desc);

    -- in-app notification centre; dedupe_key makes a reminder idempotent across processes and restarts
    create table notification (
      id bigint generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      kind text not null,
      title text not null,
      body text not null default '',
      link text,
      plan_id integer references plan(id) on delete cascade,
      node_id integer references plan_node(id) on delete cascade,
      dedupe_key text unique,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notification_user_idx on notification(user_id, id desc);

    -- scheduler bookkeeping: one row per job; a lease so only one process runs a job at a time
    create table scheduler_job (
      job text primary key,
      last_run_at timestamptz,
      last_result jsonb,
      locked_until timestamptz,
      locked_by text
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
