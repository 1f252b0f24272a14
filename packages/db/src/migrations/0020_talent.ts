import { type Kysely, sql } from 'kysely';

// 科技人才与科技特派员: the talent registry on the one person record (employer, field, level, introduction), awards,
// programmes with selection rounds, and 科技特派员 — selected each year, dispatched to 服务对象 with region codes,
// in 专家服务团 teams — with their service logs, photos, the 服务对象's confirmation and the yearly assessment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table talent (
      id integer generated always as identity primary key,
      person_id integer not null unique references person(id),
      region_code text not null references region(code),
      employer_org_id integer references organization(id),
      field text not null,
      level text not null check (level in ('top', 'leading', 'high', 'young', 'other')),
      introduced_on date,
      introduced_from text,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index talent_region_idx on talent(region_code);
    create index talent_introduced_idx on talent(introduced_on) where introduced_on is not null;

    create table talent_award (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      name text not null,
      level text not null,
      year integer not null
    );
    create index talent_award_person_idx on talent_award(person_id);

    create table talent_programme (
      id integer generated always as identity primary key,
      region_code text not null references region(code),
      name text not null,
      description text not null default '',
      created_at timestamptz not null default now()
    );
    create table talent_round (
      id integer generated always as identity primary key,
      programme_id integer not null references talent_programme(id),
      year integer not null,
      title text not null,
      quota integer not null check (quota > 0),
      status text not null check (status in ('open', 'decided')),
      version integer not null default 1
    );
    create table talent_nomination (
      round_id integer not null references talent_round(id),
      talent_id integer not null references talent(id),
      selected boolean,
      primary key (round_id, talent_id)
    );

    create table commissioner_team (
      id integer generated always as identity primary key,
      name text not null,
      year integer not null,
      region_code text not null references region(code)
    );
    create table commissioner (
      id integer generated always as identity primary key,
      talent_id integer not null references talent(id),
      year integer not null,
      region_code text not null references region(code),
      user_id integer references app_user(id),
      team_id integer references commissioner_team(id),
      grade text check (grade in ('excellent', 'pass', 'basic', 'fail')),
      assessment_note text,
      -- services logged (kept with each log, so the counts read 2,000 rows rather than 200,000)
      log_count integer not null default 0,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      unique (talent_id, year)
    );
    create index commissioner_region_idx on commissioner(year, region_code);
    create index commissioner_user_idx on commissioner(user_id);

    create table service_target (
      id integer generated always as identity primary key,
      commissioner_id integer not null references commissioner(id),
      kind text not null check (kind in ('village', 'coop', 'enterprise')),
      name text not null,
      region_code text not null references region(code),
      village_code text,
      served_logs integer not null default 0
    );
    create index service_target_commissioner_idx on service_target(commissioner_id);

    create table service_log (
      id integer generated always as identity primary key,
      commissioner_id integer not null references commissioner(id),
      target_id integer not null references service_target(id),
      served_on date not null,
      kind text not null,
      content text not null,
      confirm_code text not null unique,
      confirmed_at timestamptz,
      confirmed_by text,
      created_at timestamptz not null default now()
    );
    create index service_log_commissioner_idx on service_log(commissioner_id, served_on);

    create table service_log_photo (
      id integer generated always as identity primary key,
      log_id integer not null references service_log(id),
      filename text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_at timestamptz not null default now()
    );
    create index service_log_photo_log_idx on service_log_photo(log_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
