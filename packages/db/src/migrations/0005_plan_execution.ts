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
      unique (node_id, org_id, period, version),
      -- a counted report has a submission time (the status reads as of a day rely on it)
      check (status not in ('submitted', 'accepted') or submitted_at is not null)
    );
    create index progress_report_plan_idx on progress_report(plan_id, period);
    create index progress_report_org_idx on progress_report(org_id, status);
    create index progress_report_node_idx on progress_report(node_id, period_end desc);

    -- per (task, unit): what its reports add up to now, kept current by the triggers below, so that the
    -- dashboard, inbox and bulletin read one row per assignment instead of every report of the plan
    create table report_tally (
      node_id integer not null references plan_node(id) on delete cascade,
      org_id integer not null references organization(id),
      plan_id integer not null references plan(id) on delete cascade,
      reported text not null default '',   -- periods with a submitted or accepted report, comma-separated
      on_time text not null default '',    -- periods with a report submitted by its due date (Beijing time)
      awaiting text not null default '',   -- periods with a report awaiting review
      returned text not null default '',   -- period|id|version of returned reports no later version supersedes
      drafts text not null default '',     -- period|id|version of drafts
      pending integer not null default 0,  -- submitted reports no later version supersedes
      latest_id integer,                   -- the latest submitted or accepted report (by period end, version)
      latest_period text,
      latest_period_end date,
      latest_version integer,
      latest_status text,
      latest_percent integer,
      latest_submitted_at timestamptz,
      last_submitted_at timestamptz,       -- the newest submission: reads as of an earlier day scan the reports
      primary key (node_id, org_id)
    );
    create index report_tally_plan_idx on report_tally(plan_id, last_submitted_at);

    -- recomputes the tallies of (task, unit) pairs from their reports (a few dozen rows each). Locks first
    -- (each pair, or the whole table for a bulk write), then a fresh snapshot per statement, so that
    -- concurrent writers never leave a stale tally
    create function report_tally_refresh(node_ids integer[], org_ids integer[]) returns void
    language plpgsql volatile as $fn$
    begin
      if coalesce(cardinality(node_ids), 0) = 0 then
        return;
      elsif cardinality(node_ids) > 32 then
        lock table report_tally in exclusive mode;
      else
        lock table report_tally in row exclusive mode;
        perform pg_advisory_xact_lock(hashtextextended('report_tally:' || c.node_id || ':' || c.org_id, 0))
        from (select distinct u.node_id, u.org_id from unnest(node_ids, org_ids) u(node_id, org_id) order by 1, 2) c;
      end if;
      delete from report_tally t
      using unnest(node_ids, org_ids) c(node_id, org_id)
      where t.node_id = c.node_id and t.org_id = c.org_id
        and not exists (select 1 from progress_report r where r.node_id = c.node_id and r.org_id = c.org_id);
      insert into report_tally as t (node_id, org_id, plan_id, reported, on_time, awaiting, returned, drafts, pending, latest_id,
        latest_period, latest_period_end, latest_version, latest_status, latest_percent, latest_submitted_at, last_submitted_at)
      select c.node_id, c.org_id, a.plan_id, a.reported, a.on_time, a.awaiting, a.returned, a.drafts, a.pending, l.id,
        l.period, l.period_end, l.version, l.status, l.percent, l.submitted_at, a.last_submitted_at
      from (select distinct u.node_id, u.org_id from unnest(node_ids, org_ids) u(node_id, org_id)) c
      cross join lateral (
        select min(r.plan_id) as plan_id,
          coalesce(string_agg(r.period, ',' order by r.period) filter (where r.status in ('submitted', 'accepted')), '') as reported,
          coalesce(string_agg(r.period, ',' order by r.period) filter (
            where r.submitted_at is not null and (r.submitted_at at time zone 'Asia/Shanghai')::date <= r.due_date), '') as on_time,
          coalesce(string_agg(r.period, ',' order by r.period) filter (where r.status = 'submitted'), '') as awaiting,
          coalesce(string_agg(r.period || '|' || r.id || '|' || r.version, ',' order by r.period, r.version)
            filter (where r.status = 'returned' and not r.superseded), '') as returned,
          coalesce(string_agg(r.period || '|' || r.id || '|' || r.version, ',' order by r.period, r.version)
            filter (where r.status = 'draft'), '') as drafts,
          (count(*) filter (where r.status = 'submitted' and not r.superseded))::integer as pending,
          max(r.submitted_at) as last_submitted_at
        from (
          select r.plan_id, r.period, r.id, r.version, r.status, r.submitted_at, r.due_date,
            coalesce(max(r.version) filter (where r.status <> 'draft') over (partition by r.period), 0) > r.version as superseded
          from progress_report r where r.node_id = c.node_id and r.org_id = c.org_id
        ) r
      ) a
      left join lateral (
        select r.id, r.period, r.period_end, r.version, r.status, r.percent, r.submitted_at
        from progress_report r
        where r.node_id = c.node_id and r.org_id = c.org_id and r.status in ('submitted', 'accepted')
        order by r.period_end desc, r.version desc
        limit 1
      ) l on true
      where a.plan_id is not null
      on conflict (node_id, org_id) do update set
        plan_id = excluded.plan_id, reported = excluded.reported, on_time = excluded.on_time, awaiting = excluded.awaiting,
        returned = excluded.returned, drafts = excluded.drafts, pending = excluded.pending, latest_id = excluded.latest_id,
        latest_period = excluded.latest_period, latest_period_end = excluded.latest_period_end,
        latest_version = excluded.latest_version, latest_status = excluded.latest_status,
        latest_percent = excluded.latest_percent, latest_submitted_at = excluded.latest_submitted_at,
        last_submitted_at = excluded.last_submitted_at;
    end $fn$;

    -- per (plan, unit, month of the period reported on): the dashboard's trend, kept by adding what a
    -- statement inserts and subtracting what it deletes (an update does both)
    create table report_month_tally (
      plan_id integer not null references plan(id) on delete cascade,
      org_id integer not null references organization(id),
      month text not null,
      submitted integer not null default 0,   -- reports submitted (any status since)
      on_time integer not null default 0,     -- of which by their due date (Beijing time)
      percent_sum bigint not null default 0,  -- percent of submitted or accepted reports
      percent_n integer not null default 0,
      on_track integer not null default 0,    -- self-assessments of submitted reports
      at_risk integer not null default 0,
      lagging integer not null default 0,
      done integer not null default 0,
      primary key (plan_id, org_id, month)
    );

    create function report_month_tally_add(sign integer, rows jsonb) returns void language plpgsql volatile as $fn$
    begin
      insert into report_month_tally as t (plan_id, org_id, month, submitted, on_time, percent_sum, percent_n, on_track, at_risk, lagging, done)
      select r.plan_id, r.org_id, to_char(r.period_end, 'YYYY-MM'),
        sign * count(*) filter (where r.submitted_at is not null),
        sign * count(*) filter (where r.submitted_at is not null and (r.submitted_at at time zone 'Asia/Shanghai')::date <= r.due_date),
        sign * coalesce(sum(r.percent) filter (where r.status in ('submitted', 'accepted')), 0),
        sign * count(r.percent) filter (where r.status in ('submitted', 'accepted')),
        sign * count(*) filter (where r.self_status = 'on_track' and r.submitted_at is not null),
        sign * count(*) filter (where r.self_status = 'at_risk' and r.submitted_at is not null),
        sign * count(*) filter (where r.self_status = 'lagging' and r.submitted_at is not null),
        sign * count(*) filter (where r.self_status = 'done' and r.submitted_at is not null)
      from jsonb_to_recordset(rows) as r(plan_id integer, org_id integer, period_end date, due_date date, status text,
        percent integer, self_status text, submitted_at timestamptz)
      where exists (select 1 from plan p where p.id = r.plan_id)
      group by 1, 2, 3
      on conflict (plan_id, org_id, month) do update set
        submitted = t.submitted + excluded.submitted, on_time = t.on_time + excluded.on_time,
        percent_sum = t.percent_sum + excluded.percent_sum, percent_n = t.percent_n + excluded.percent_n,
        on_track = t.on_track + excluded.on_track, at_risk = t.at_risk + excluded.at_risk,
        lagging = t.lagging + excluded.lagging, done = t.done + excluded.done;
    end $fn$;

    -- statement-level: one set-based recompute per statement, however many reports it writes
    create function report_tally_trigger() returns trigger language plpgsql as $fn$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform report_month_tally_add(-1, coalesce(jsonb_agg(o), '[]')) from (
          select plan_id, org_id, period_end, due_date, status, percent, self_status, submitted_at from old_rows) o;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        perform report_month_tally_add(1, coalesce(jsonb_agg(n), '[]')) from (
          select plan_id, org_id, period_end, due_date, status, percent, self_status, submitted_at from new_rows) n;
      end if;
      if tg_op = 'INSERT' then
        perform report_tally_refresh(array_agg(x.node_id), array_agg(x.org_id)) from (select distinct node_id, org_id from new_rows) x;
      elsif tg_op = 'DELETE' then
        perform report_tally_refresh(array_agg(x.node_id), array_agg(x.org_id)) from (select distinct node_id, org_id from old_rows) x;
      else
        perform report_tally_refresh(array_agg(x.node_id), array_agg(x.org_id))
        from (select node_id, org_id from old_rows union select node_id, org_id from new_rows) x;
      end if;
      return null;
    end $fn$;
    create trigger report_tally_insert after insert on progress_report
      referencing new table as new_rows for each statement execute function report_tally_trigger();
    create trigger report_tally_update after update on progress_report
      referencing old table as old_rows new table as new_rows for each statement execute function report_tally_trigger();
    create trigger report_tally_delete after delete on progress_report
      referencing old table as old_rows for each statement execute function report_tally_trigger();

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
