import { sql } from '@kechuang/db';
import type { Db } from './platform.repository.ts';

/*
 * The tally behind the statistics: per leaf region, year, type and level, the platforms held on 31 December
 * (from the spans) and the moves of the year (entered = the level an event led to, left = the level it left).
 * Recomputed for the regions and years a change touches, inside the change's transaction; rebuilt whole after
 * a bulk load (the demo, the bench).
 */
export async function retally(tx: Db, regions: string[] | null, fromYear: number, toYear: number): Promise<void> {
  const only = regions === null ? sql`true` : sql`region_code = any(${regions}::text[])`;
  const onlyP = regions === null ? sql`true` : sql`p.region_code = any(${regions}::text[])`;
  await sql`delete from platform_tally where year between ${fromYear}::int and ${toYear}::int and ${only}`.execute(tx);
  await sql`
    insert into platform_tally (region_code, year, type_code, level, stock)
    select s.region_code, y, s.type_code, s.level, count(*)::int
    from generate_series(${fromYear}::int, ${toYear}::int) as y
    join platform_span s on s.valid_from <= make_date(y, 12, 31) and (s.valid_to is null or s.valid_to > make_date(y, 12, 31))
    where ${only}
    group by s.region_code, y, s.type_code, s.level`.execute(tx);
  await sql`
    insert into platform_tally (region_code, year, type_code, level, added, removed)
    select p.region_code, extract(year from e.on_date)::int, p.type_code, x.level, sum(x.added)::int, sum(x.removed)::int
    from platform_event e join platform p on p.id = e.platform_id
    cross join lateral (values (e.to_level, 1, 0), (e.from_level, 0, 1)) as x(level, added, removed)
    where x.level is not null and e.on_date between make_date(${fromYear}::int, 1, 1) and make_date(${toYear}::int, 12, 31) and ${onlyP}
    group by p.region_code, extract(year from e.on_date), p.type_code, x.level
    on conflict (year, region_code, type_code, level) do update set added = excluded.added, removed = excluded.removed`.execute(tx);
}
