import { type Kysely, sql } from 'kysely';

// 科研诚信记录（红黑名单）: records on persons and organisations — the decision (文号, issuer, dates), the
// misconduct type (国科发监〔2022〕221号), severity, measures, the activities a ban covers and its period, the
// list (red, black, watch), appeal and status — read by every process through checkBarred. A failed acceptance
// or a 撤销 leaves a suggestion (project_event) the bureau turns into a draft or dismisses.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table integrity_record (
      id integer generated always as identity primary key,
      -- the bureau whose decision it is (scopes who manages it)
      region_code text not null references region(code),
      subject_kind text not null check (subject_kind in ('person', 'org')),
      person_id integer references person(id),
      org_id integer references organization(id),
      -- the name and unit as the decision states them (shown publicly; never an identity number)
      subject_name text not null,
      subject_unit text,
      list_kind text not null check (list_kind in ('red', 'black', 'watch')),
      -- the rule pack in force on the incident date (令第19号 / 令第24号)
      pack_id text,
      misconduct_type text,
      severity text check (severity in ('minor', 'serious', 'severe', 'extreme')),
      measures text[] not null default '{}',
      ban_scope text[] not null default '{}',
      -- the period of the ban (or of the listing), both days inclusive; no end and permanent = 永久
      period_start date,
      period_end date,
      permanent boolean not null default false,
      period_years integer check (period_years between 1 and 50),
      doc_no text,
      issuer text,
      decided_on date,
      occurred_on date,
      summary text not null default '',
      appeal_status text not null default 'none' check (appeal_status in ('none', 'pending', 'upheld', 'rejected')),
      appeal_note text not null default '',
      status text not null default 'draft' check (status in ('draft', 'confirmed', 'published', 'revoked')),
      revoke_reason text,
      source_event_id integer references project_event(id),
      source_project_id integer references project(id),
      created_by integer references app_user(id),
      confirmed_at timestamptz,
      published_at timestamptz,
      revoked_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((subject_kind = 'person' and person_id is not null and org_id is null)
          or (subject_kind = 'org' and org_id is not null and person_id is null)),
      check (not (permanent and period_end is not null)),
      check (period_end is null or period_start is null or period_end >= period_start)
    );
    create index integrity_record_region_idx on integrity_record(region_code, id desc);
    create index integrity_record_person_idx on integrity_record(person_id) where status in ('confirmed', 'published');
    create index integrity_record_org_idx on integrity_record(org_id) where status in ('confirmed', 'published');
    create unique index integrity_record_source_uq on integrity_record(source_event_id, subject_kind, coalesce(person_id, org_id))
      where source_event_id is not null and status <> 'revoked';

    -- a suggestion (failed acceptance, 撤销) the bureau decided not to pursue, with its reason
    create table integrity_suggestion_dismissal (
      event_id integer primary key references project_event(id),
      reason text not null,
      dismissed_by integer references app_user(id),
      dismissed_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
