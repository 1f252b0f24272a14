import { type Kysely, sql } from 'kysely';

// Two more read models for plan progress, kept by triggers like report_tally (0005):
// - target_latest_value: each target's latest reported value (from submitted or accepted reports),
//   so that the dashboard reads one row per target instead of searching every target's reports;
// - plan.assignment_version: moves on with every write to a plan's assignments, so that readers may
//   keep the assignments of a plan until it changes;
// - report_tally.xid: the transaction that last wrote the row, so that a reader keeping a plan's tallies
//   reads only the rows written since (see packages/core/src/plan-execution/tally-cache.ts). A (task,
//   unit) pair whose reports are all gone keeps an empty row instead of losing it, so that the change
//   is seen the same way.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table target_latest_value (
      target_id integer primary key references plan_target(id) on delete cascade,
      plan_id integer not null references plan(id) on delete cascade,
      report_id integer not null references progress_report(id) on delete cascade,
      org_id integer not null references organization(id),
      value numeric not null,
      period text not null,
      period_end date not null,
      submitted_at timestamptz not null
    );
    create index target_latest_value_plan_idx on target_latest_value(plan_id);

    -- recomputes the latest value of targets from their reports (a few dozen rows each); locks first
    -- (each target, or the whole table for a bulk write), then a fresh snapshot per statement
    create function target_latest_refresh(target_ids integer[]) returns void
    language plpgsql volatile as $fn$
    begin
      if coalesce(cardinality(target_ids), 0) = 0 then
        return;
      elsif cardinality(target_ids) > 32 then
        lock table target_latest_value in exclusive mode;
      else
        lock table target_latest_value in row exclusive mode;
        perform pg_advisory_xact_lock(hashtextextended('target_latest:' || c.id, 0))
        from (select distinct u.id from unnest(target_ids) u(id) order by 1) c;
      end if;
      delete from target_latest_value where target_id = any(target_ids);
      insert into target_latest_value (target_id, plan_id, report_id, org_id, value, period, period_end, submitted_at)
      select distinct on (v.target_id) v.target_id, t.plan_id, r.id, r.org_id, v.value, r.period, r.period_end, r.submitted_at
      from report_target_value v
      join plan_target t on t.id = v.target_id
      join progress_report r on r.id = v.report_id
      where v.target_id = any(target_ids) and r.status in ('submitted', 'accepted') and r.submitted_at is not null
      order by v.target_id, r.period_end desc, r.submitted_at desc;
    end $fn$;

    create function target_latest_value_trigger() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'INSERT' then
        perform target_latest_refresh(array_agg(distinct target_id)) from new_rows;
      elsif tg_op = 'DELETE' then
        perform target_latest_refresh(array_agg(distinct target_id)) from old_rows;
      else
        perform target_latest_refresh(array_agg(distinct x.target_id))
        from (select target_id from old_rows union select target_id from new_rows) x;
      end if;
      return null;
    end $fn$;
    create trigger target_latest_insert after insert on report_target_value
      referencing new table as new_rows for each statement execute function target_latest_value_trigger();
    create trigger target_latest_update after update on report_target_value
      referencing old table as old_rows new table as new_rows for each statement execute function target_latest_value_trigger();
    create trigger target_latest_delete after delete on report_target_value
      referencing old table as old_rows for each statement execute function target_latest_value_trigger();

    -- a report's status or submission moves the latest value of its targets (its deletion removes its
    -- values, which the triggers above see)
    create function target_latest_report_trigger() returns trigger language plpgsql as $fn$
    begin
      perform target_latest_refresh(array_agg(distinct v.target_id))
      from report_target_value v where v.report_id in (select id from new_rows);
      return null;
    end $fn$;
    create trigger target_latest_report_update after update on progress_report
      referencing new table as new_rows for each statement execute function target_latest_report_trigger();

    select target_latest_refresh(array_agg(id)) from plan_target;

    alter table report_tally add column xid xid8 not null default pg_current_xact_id();
    create index report_tally_plan_xid_idx on report_tally(plan_id, xid);

    create or replace function report_tally_refresh(node_ids integer[], org_ids integer[]) returns void
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
      -- pairs without reports (any more): an empty row, so that readers of changes see it
      update report_tally t set reported = '', on_time = '', awaiting = '', returned = '', drafts = '', pending = 0,
        latest_id = null, latest_period = null, latest_period_end = null, latest_version = null, latest_status = null,
        latest_percent = null, latest_submitted_at = null, last_submitted_at = null, xid = pg_current_xact_id()
      from (select distinct u.node_id, u.org_id from unnest(node_ids, org_ids) u(node_id, org_id)) c
      where t.node_id = c.node_id and t.org_id = c.org_id
        and not exists (select 1 from progress_report r where r.node_id = c.node_id and r.org_id = c.org_id);
      insert into report_tally as t (node_id, org_id, plan_id, reported, on_time, awaiting, returned, drafts, pending, latest_id,
        latest_period, latest_period_end, latest_version, latest_status, latest_percent, latest_submitted_at, last_submitted_at, xid)
      select c.node_id, c.org_id, a.plan_id, a.reported, a.on_time, a.awaiting, a.returned, a.drafts, a.pending, l.id,
        l.period, l.period_end, l.version, l.status, l.percent, l.submitted_at, a.last_submitted_at, pg_current_xact_id()
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
        last_submitted_at = excluded.last_submitted_at, xid = excluded.xid;
    end $fn$;

    alter table plan add column assignment_version integer not null default 0;
    create function plan_assignment_version_trigger() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'INSERT' then
        update plan set assignment_version = assignment_version + 1 where id in (select plan_id from new_rows);
      elsif tg_op = 'DELETE' then
        update plan set assignment_version = assignment_version + 1 where id in (select plan_id from old_rows);
      else
        update plan set assignment_version = assignment_version + 1
        where id in (select plan_id from old_rows union select plan_id from new_rows);
      end if;
      return null;
    end $fn$;
    create trigger plan_assignment_version_insert after insert on plan_assignment
      referencing new table as new_rows for each statement execute function plan_assignment_version_trigger();
    create trigger plan_assignment_version_update after update on plan_assignment
      referencing old table as old_rows new table as new_rows for each statement execute function plan_assignment_version_trigger();
    create trigger plan_assignment_version_delete after delete on plan_assignment
      referencing old table as old_rows for each statement execute function plan_assignment_version_trigger();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
