import { type DB, type Kysely, sql, type Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

interface Span {
  region_code: string;
  rung: string;
  valid_from: string;
  valid_to: string | null;
}

/**
 * Merged coverage (gaps and islands): statuses of one enterprise and rung that overlap or touch
 * (next valid_from ≤ previous valid_to + 1 day) form one span. `where` narrows to one enterprise.
 */
function spansSql(enterpriseId: number | null) {
  const filter = enterpriseId === null ? sql`` : sql`where s.enterprise_id = ${enterpriseId}`;
  return sql`
    with s as (
      select s.enterprise_id, s.rung, e.region_code, s.valid_from, coalesce(s.valid_to, 'infinity'::date) as vt
      from enterprise_status s join enterprise e on e.id = s.enterprise_id ${filter}
    ), o as (
      select *, max(vt) over (partition by enterprise_id, rung order by valid_from, vt
        rows between unbounded preceding and 1 preceding) as prev_max
      from s
    ), g as (
      select *, sum(case when prev_max is null or prev_max + 1 < valid_from then 1 else 0 end)
        over (partition by enterprise_id, rung order by valid_from, vt) as grp
      from o
    )
    select enterprise_id, rung, min(region_code) as region_code, min(valid_from) as valid_from,
      case when max(vt) = 'infinity'::date then null else max(vt) end as valid_to
    from g group by enterprise_id, rung, grp`;
}

/** Year of the first day a span no longer covers (valid_to is inclusive). */
function endYear(validTo: string): number {
  const d = new Date(`${validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCFullYear();
}

function contribute(into: Map<string, number>, span: Span, sign: 1 | -1) {
  const add = (year: number, delta: number) => {
    const key = `${span.region_code}|${span.rung}|${year}`;
    into.set(key, (into.get(key) ?? 0) + delta * sign);
  };
  add(Number(span.valid_from.slice(0, 4)), 1);
  if (span.valid_to !== null) add(endYear(span.valid_to), -1);
}

/** Rebuilds one enterprise's spans and moves its tallies: call after its statuses or its region change. */
export async function refreshLadder(tx: Transaction<DB>, enterpriseId: number): Promise<void> {
  // two concurrent changes to one enterprise would each add their spans: take turns on its row
  await tx.selectFrom('enterprise').select('id').where('id', '=', enterpriseId).forUpdate().execute();
  const deltas = new Map<string, number>();
  const old = await tx
    .deleteFrom('enterprise_ladder_span')
    .where('enterprise_id', '=', enterpriseId)
    .returning(['region_code', 'rung', 'valid_from', 'valid_to'])
    .execute();
  for (const s of old) contribute(deltas, s, -1);
  const { rows } = await sql<Span>`
    insert into enterprise_ladder_span (enterprise_id, rung, region_code, valid_from, valid_to)
    ${spansSql(enterpriseId)}
    returning region_code, rung, valid_from, valid_to`.execute(tx);
  for (const s of rows) contribute(deltas, s, 1);
  const values = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([key, delta]) => {
      const [region_code, rung, year] = key.split('|') as [string, string, string];
      return { region_code, rung, year: Number(year), delta };
    });
  if (values.length === 0) return;
  await tx
    .insertInto('enterprise_ladder_tally')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['region_code', 'rung', 'year'])
        .doUpdateSet((eb) => ({ delta: sql`${eb.ref('enterprise_ladder_tally.delta')} + excluded.delta` })),
    )
    .execute();
}

/** Rebuilds every span and tally from the statuses (bulk loads, repairs). */
export async function rebuildAllLadders(db: Db): Promise<void> {
  await sql`delete from enterprise_ladder_span`.execute(db);
  await sql`delete from enterprise_ladder_tally`.execute(db);
  await sql`insert into enterprise_ladder_span (enterprise_id, rung, region_code, valid_from, valid_to) ${spansSql(null)}`.execute(db);
  await sql`
    insert into enterprise_ladder_tally (region_code, rung, year, delta)
    select region_code, rung, year, sum(delta)::int from (
      select region_code, rung, extract(year from valid_from)::int as year, 1 as delta from enterprise_ladder_span
      union all
      select region_code, rung, extract(year from valid_to + 1)::int, -1 from enterprise_ladder_span where valid_to is not null
    ) x group by region_code, rung, year having sum(delta) <> 0`.execute(db);
}
