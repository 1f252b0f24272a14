/**
 * Talent bench (run: `npx tsx bench/talent.ts`) — 科技特派员 at scale: BENCH_COMMISSIONERS (2,000) 特派员 of one
 * year spread over the counties of 衡阳, five 服务对象 each (three villages), and BENCH_LOGS (200,000) service logs.
 * Times the counts by region (人数, 服务次数, 覆盖村数 for the city and each county, one grouped query) BENCH_RUNS
 * (30) times and prints p50/p95; the target is p95 under 50 ms. Prints figures, never fails on them.
 */
import { performance } from 'node:perf_hooks';
import { countsByRegion } from '../packages/core/src/talent/index.ts';
import { sql } from '../packages/db/src/index.ts';
import { createTestDb } from '../packages/db/src/testing.ts';

const commissioners = Number(process.env.BENCH_COMMISSIONERS ?? 2000);
const logs = Number(process.env.BENCH_LOGS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const year = 2026;
const counties = ['430405', '430406', '430407', '430408', '430412', '430421', '430422', '430423', '430424', '430426', '430481', '430482'];

const database = await createTestDb();
const db = database.db;
const t0 = performance.now();
for (const code of ['430000', '430400', ...counties]) {
  await sql`insert into region (code, name, level, parent_code, initials) values (${code}, ${code}, ${code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3}::int,
    ${code.endsWith('0000') ? null : code.endsWith('00') ? '430000' : '430400'}, '') on conflict do nothing`.execute(db);
}
await sql`insert into person (name) select '特派员' || g from generate_series(1, ${commissioners}::int) g`.execute(db);
await sql`insert into talent (person_id, region_code, field, level)
  select p.id, (${sql.raw(`array['${counties.join("','")}']`)})[1 + (p.id % ${counties.length}::int)], '农业', 'high' from person p`.execute(
  db,
);
await sql`insert into commissioner (talent_id, year, region_code) select id, ${year}::int, region_code from talent`.execute(db);
await sql`insert into service_target (commissioner_id, kind, name, region_code, village_code)
  select c.id, case when k <= 3 then 'village' else 'coop' end, '对象' || c.id || '-' || k, c.region_code,
         case when k <= 3 then c.region_code || lpad(((c.id * 7 + k) % 400)::text, 6, '0') else null end
  from commissioner c cross join generate_series(1, 5) k`.execute(db);
await sql`insert into service_log (commissioner_id, target_id, served_on, kind, content, confirm_code)
  select t.commissioner_id, t.id, (date '2026-01-01' + (g % 330)), 'guidance', '服务内容', 'B' || lpad(g::text, 9, '0')
  from generate_series(1, ${logs}::int) g
  join service_target t on t.id = 1 + (g % (select count(*) from service_target)::int)`.execute(db);
await sql`update commissioner c set log_count = s.n from (select commissioner_id, count(*) as n from service_log group by 1) s where s.commissioner_id = c.id`.execute(
  db,
);
await sql`update service_target t set served_logs = s.n from (select target_id, count(*) as n from service_log group by 1) s where s.target_id = t.id`.execute(
  db,
);
await sql`analyze`.execute(db);
const seeded = performance.now() - t0;

const times: number[] = [];
let rows: Awaited<ReturnType<typeof countsByRegion>> = [];
for (let i = 0; i < runs + 3; i++) {
  const s = performance.now();
  rows = await countsByRegion(db, '430400', year);
  if (i >= 3) times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]?.toFixed(1);
const total = rows[0];
console.log(`talent bench: ${commissioners} 特派员, ${logs} service logs (seeded in ${(seeded / 1000).toFixed(1)} s, ${database.kind})`);
console.log(
  `counts by region (city + ${rows.length - 1} counties): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms over ${runs} runs (target p95 < 50 ms)`,
);
console.log(`city totals: 人数 ${total?.people}, 服务次数 ${total?.services}, 覆盖村数 ${total?.villages}`);
await database.close();
