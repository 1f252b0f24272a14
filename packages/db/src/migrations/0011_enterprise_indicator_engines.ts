import { type Kysely, sql } from 'kysely';

// The engines' missing concepts:
// - 科技型中小企业 入库登记编号 and their revocation. 纳入信息库后取得入库登记编号，登记编号当年有效 and
//   被撤销登记编号的企业当年不得再次参与评价 (国科火字〔2019〕87号); 撤销 situations: 国科发政〔2017〕115号 第十四条.
//   Registering a number also adds the 科技型中小企业 rung to the ladder history (status_id); a revocation ends that
//   status the day before it (the registration row keeps the original year and the reason).
// - 资本存量, the capital input of the 科技进步贡献率 (Solow residual, domain-rules §4).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tech_sme_registration (
      id integer generated always as identity primary key,
      enterprise_id integer not null references enterprise(id) on delete cascade,
      -- the evaluation year the number is valid for (登记编号当年有效)
      year integer not null,
      number text not null unique,
      registered_on date not null,
      status_id integer references enterprise_status(id),
      revoked_on date,
      revocation_reason text check (revocation_reason in
        ('no_longer_eligible', 'fraud', 'research_misconduct', 'major_incident', 'credit_listing', 'info_not_updated')),
      revocation_note text,
      created_at timestamptz not null default now(),
      unique (enterprise_id, year),
      check ((revoked_on is null) = (revocation_reason is null)),
      check (revoked_on is null or revoked_on >= registered_on)
    );
    create index tech_sme_registration_enterprise_idx on tech_sme_registration(enterprise_id, year);
  `.execute(db);
  const { rows } = await sql<{ p: number | null }>`select max(position) as p from indicator`.execute(db);
  await sql`
    insert into indicator (code, name_zh, name_en, unit, category, definition, caliber, polarity, aggregation, decimals, builtin, position)
    values ('capital_stock', '资本存量', 'Capital stock', '万元', 'economy',
      '固定资本存量（可比价），科技进步贡献率索洛余值法的资本投入',
      '永续盘存法等测算方法与折旧率由各省设定（UNVERIFIED）；与地区生产总值同一价格基期',
      'positive', 'sum', 2, true, ${(rows[0]?.p ?? 0) + 10})
    on conflict (code) do nothing`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
