import { type Kysely, sql } from 'kysely';

// 评审专家库: the expert is a role of a person (one `person` record per natural person). The region's bureau
// keeps the entry and approves it; an expert keeps their own profile through their account (user_id).
// Employment history, declared relations (近亲属, 师生, 合作申报, 持股) and unavailable dates feed the
// conflict rules of the random draw (domain-rules §6.1–6.2). Quota usage is not stored: the review module
// counts an expert's accepted assignments in the calendar year.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table expert (
      id integer generated always as identity primary key,
      person_id integer not null unique references person(id),
      -- the region whose bureau keeps this entry
      region_code text not null references region(code),
      -- 职称
      title text,
      -- GB/T 13745 学科 codes
      discipline_codes text[] not null default '{}',
      -- GB/T 4754 行业 codes
      industry_codes text[] not null default '{}',
      -- 研究方向/擅长领域
      specialty text not null default '',
      status text not null check (status in ('pending', 'active', 'paused', 'retired', 'removed', 'rejected')),
      yearly_quota integer not null default 20 check (yearly_quota >= 0),
      user_id integer unique references app_user(id),
      approved_by integer references app_user(id),
      approved_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index expert_region_status_idx on expert(region_code, status);
    create index expert_discipline_idx on expert using gin (discipline_codes);
    create index expert_industry_idx on expert using gin (industry_codes);

    -- employers, current (to_date null) and past, with dates: the same-employer rule looks back N years
    create table expert_employment (
      id integer generated always as identity primary key,
      expert_id integer not null references expert(id) on delete cascade,
      org_id integer references organization(id),
      org_name text not null,
      from_date date,
      to_date date,
      check (to_date is null or from_date is null or from_date <= to_date)
    );
    create index expert_employment_expert_idx on expert_employment(expert_id);
    create index expert_employment_org_idx on expert_employment(org_id);

    -- declared relations: to a person (by record or by name) or to an organisation
    create table expert_relation (
      id integer generated always as identity primary key,
      expert_id integer not null references expert(id) on delete cascade,
      kind text not null check (kind in ('kin', 'mentor', 'co_applicant', 'shareholding', 'other')),
      person_id integer references person(id),
      person_name text,
      org_id integer references organization(id),
      org_name text,
      note text not null default '',
      from_date date,
      to_date date,
      check (person_id is not null or person_name is not null or org_id is not null or org_name is not null)
    );
    create index expert_relation_expert_idx on expert_relation(expert_id);
    create index expert_relation_person_idx on expert_relation(person_id);

    create table expert_unavailable (
      id integer generated always as identity primary key,
      expert_id integer not null references expert(id) on delete cascade,
      from_date date not null,
      to_date date not null,
      note text not null default '',
      check (from_date <= to_date)
    );
    create index expert_unavailable_expert_idx on expert_unavailable(expert_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
