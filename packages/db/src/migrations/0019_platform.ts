import { platformTypeCatalogue } from '@kechuang/contracts';
import { type Kysely, sql } from 'kysely';

/*
 * 创新平台: a versioned type catalogue (each type's fields, 认定 conditions and 绩效评价 indicators as data), one
 * registry of platforms of every type and level with their 依托单位, 文号 and date, the status history (认定,
 * 升级, 降级, 摘牌) and, derived from it, the spans in which a platform stood at a level (what the counts by
 * type × level × region on a day read); the city 认定 round (call, applications with their condition results
 * and review outcome, 公示, 认定); yearly reports; 绩效评价 runs with a grade per platform; and which indicator
 * each count feeds (data, not code).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table platform_type (
      code text not null,
      version integer not null,
      name text not null,
      family text not null,
      definition jsonb not null,
      valid_from date not null,
      primary key (code, version)
    );

    create table platform (
      id integer generated always as identity primary key,
      name text not null,
      type_code text not null,
      type_version integer not null,
      level text not null check (level in ('national', 'provincial', 'city', 'county')),
      org_id integer not null references organization(id),
      region_code text not null references region(code),
      doc_no text not null,
      approved_on date not null,
      status text not null default 'active' check (status in ('active', 'delisted')),
      fields jsonb not null default '{}',
      application_id integer,
      created_at timestamptz not null default now(),
      foreign key (type_code, type_version) references platform_type(code, version)
    );
    create index platform_region_idx on platform(region_code text_pattern_ops);
    create index platform_type_idx on platform(type_code, level, status);
    create index platform_org_idx on platform(org_id);

    create table platform_event (
      id integer generated always as identity primary key,
      platform_id integer not null references platform(id),
      kind text not null check (kind in ('recognise', 'upgrade', 'downgrade', 'delist')),
      from_level text,
      to_level text,
      doc_no text,
      on_date date not null,
      note text not null default '',
      user_id integer references app_user(id),
      at timestamptz not null default now()
    );
    create index platform_event_platform_idx on platform_event(platform_id, on_date);
    create index platform_event_date_idx on platform_event(on_date);

    -- a platform at one level from valid_from until valid_to (exclusive; null = still): one row per level held
    create table platform_span (
      platform_id integer not null references platform(id),
      type_code text not null,
      level text not null,
      region_code text not null,
      valid_from date not null,
      valid_to date,
      primary key (platform_id, valid_from)
    );
    create index platform_span_from_idx on platform_span(valid_from, valid_to);

    -- the counts by type × level × region (the leaf region of the platform) at each year end and the year's moves,
    -- kept in step with the spans by every change (core/platform/tally.ts), so the statistics read a few rows
    create table platform_tally (
      region_code text not null,
      year integer not null,
      type_code text not null,
      level text not null,
      stock integer not null default 0,
      added integer not null default 0,
      removed integer not null default 0,
      primary key (year, region_code, type_code, level)
    );

    create table platform_call (
      id integer generated always as identity primary key,
      title text not null,
      region_code text not null references region(code),
      year integer not null,
      type_codes text[] not null,
      closes_on date not null,
      status text not null default 'draft' check (status in ('draft', 'open', 'review', 'publicity', 'done')),
      publicity_from date,
      publicity_to date,
      doc_no text,
      recognised_on date,
      created_by integer references app_user(id),
      created_at timestamptz not null default now()
    );

    create table platform_application (
      id integer generated always as identity primary key,
      call_id integer not null references platform_call(id),
      org_id integer not null references organization(id),
      region_code text not null references region(code),
      name text not null,
      type_code text not null,
      type_version integer not null,
      fields jsonb not null,
      conditions jsonb not null default '[]',
      status text not null default 'draft' check (status in ('draft', 'submitted', 'passed', 'failed', 'publicity', 'recognised')),
      review_score numeric,
      review_opinion text,
      platform_id integer references platform(id),
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      unique (call_id, org_id, name)
    );
    create index platform_application_call_idx on platform_application(call_id);

    create table platform_report (
      platform_id integer not null references platform(id),
      year integer not null,
      data jsonb not null,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      submitted_at timestamptz,
      updated_at timestamptz not null default now(),
      primary key (platform_id, year)
    );

    create table platform_evaluation (
      id integer generated always as identity primary key,
      type_code text not null,
      year integer not null,
      region_code text not null references region(code),
      status text not null default 'draft' check (status in ('draft', 'confirmed')),
      scheme jsonb not null,
      doc_no text,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      confirmed_at timestamptz
    );
    create index platform_evaluation_key_idx on platform_evaluation(type_code, year, region_code);

    create table platform_grade (
      evaluation_id integer not null references platform_evaluation(id) on delete cascade,
      platform_id integer not null references platform(id),
      score numeric not null,
      grade text not null,
      reported boolean not null,
      consequence text,
      primary key (evaluation_id, platform_id)
    );
    create index platform_grade_platform_idx on platform_grade(platform_id);

    -- which indicator each count feeds: stock = platforms held on 31 December, net = entered minus left in the year
    create table platform_indicator_rule (
      indicator_code text primary key,
      measure text not null check (measure in ('stock', 'net')),
      type_codes text[],
      levels text[] not null
    );

    insert into indicator (code, name_zh, name_en, unit, category, definition, caliber, polarity, aggregation, decimals, builtin, position)
    values
      ('platform_net_added_count', '新增市级以上创新平台数', 'Net new platforms at city level or above', '个', 'platform',
       '当年新认定（含升级进入）市级以上创新平台数减去摘牌（含降级退出）数', '创新平台库：当年认定、升级、降级、摘牌记录', 'positive', 'sum', 0, true, 2100),
      ('city_eng_center_count', '市级工程技术研究中心数', 'City-level engineering research centres', '个', 'platform',
       '年末在册的市级工程技术研究中心数', '创新平台库：12月31日运行中的市级工程技术研究中心', 'positive', 'sum', 0, true, 2110)
    on conflict (code) do nothing;

    insert into platform_indicator_rule (indicator_code, measure, type_codes, levels) values
      ('municipal_platform_count', 'stock', null, '{city}'),
      ('provincial_platform_count', 'stock', null, '{national,provincial}'),
      ('new_rd_institution_count', 'stock', '{new_rd_institution}', '{national,provincial,city,county}'),
      ('incubator_count', 'stock', '{incubator,maker_space,star_space}', '{national,provincial,city,county}'),
      ('platform_net_added_count', 'net', null, '{national,provincial,city}'),
      ('city_eng_center_count', 'stock', '{eng_center}', '{city}');
  `.execute(db);
  for (const t of platformTypeCatalogue) {
    await sql`insert into platform_type (code, version, name, family, definition, valid_from)
      values (${t.code}, 1, ${t.name}, ${t.family}, ${JSON.stringify(t)}::jsonb, '2020-01-01')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
