import { type Kysely, sql } from 'kysely';

// A report's running tallies (report_tally, report_month_tally: 0005, 0009) and its targets' latest values
// (target_latest_value: 0009) depend on a few of its columns only: where it belongs (plan, task, unit, period,
// its end and due day), its version, its status and submission, and — once it counts, i.e. it is no longer a
// draft or has been submitted — its percent and self-assessment. Saving a draft's text changes none of them,
// yet every save recomputed the pair's tally and added zeros to the month's, rewriting both rows (and so making
// every process's tally cache read the pair again). The update triggers now return at once when no row of the
// statement changed a column they depend on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function report_tally_trigger() returns trigger language plpgsql as $fn$
    begin
      -- (nested: the insert and delete triggers have no old_rows or new_rows to name)
      if tg_op = 'UPDATE' then
        if not exists (
          select 1 from old_rows o full join new_rows n on n.id = o.id
          where o.id is null or n.id is null
            or (o.plan_id, o.node_id, o.org_id, o.period, o.period_end, o.due_date, o.version, o.status, o.submitted_at)
               is distinct from (n.plan_id, n.node_id, n.org_id, n.period, n.period_end, n.due_date, n.version, n.status, n.submitted_at)
            or ((o.status <> 'draft' or o.submitted_at is not null) and (o.percent, o.self_status) is distinct from (n.percent, n.self_status))
        ) then
          return null;
        end if;
      end if;
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

    -- the latest values read a report's status, submission, period, its end and unit
    drop trigger target_latest_report_update on progress_report;
    create or replace function target_latest_report_trigger() returns trigger language plpgsql as $fn$
    begin
      if not exists (
        select 1 from old_rows o full join new_rows n on n.id = o.id
        where o.id is null or n.id is null
          or (o.status, o.submitted_at, o.period, o.period_end, o.org_id, o.plan_id)
             is distinct from (n.status, n.submitted_at, n.period, n.period_end, n.org_id, n.plan_id)
      ) then
        return null;
      end if;
      perform target_latest_refresh(array_agg(distinct v.target_id))
      from report_target_value v where v.report_id in (select id from new_rows);
      return null;
    end $fn$;
    create trigger target_latest_report_update after update on progress_report
      referencing old table as old_rows new table as new_rows for each statement execute function target_latest_report_trigger();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
