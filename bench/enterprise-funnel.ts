/**
 * npx tsx bench/enterprise-funnel.ts — latency of GET /api/enterprises/funnel over 500,000
 * enterprises with ladder statuses on the embedded database. Data is generated in SQL (generate_series),
 * the derived spans and tallies rebuilt in bulk,
 * across the counties of 湖南; the funnel is asked for a city (衡阳, about a tenth of the rows) and for the
 * province (every row) through app.inject with a signed-in session. Prints figures, never fails on them.
 * BENCH_ENTERPRISES and BENCH_REQUESTS override the defaults.
 */

import { buildApp } from '../apps/server/src/app.ts';
import { loadDemo, rebuildAllLadders } from '../packages/core/src/index.ts';
import { openDb, sql } from '../packages/db/src/index.ts';

const count = Number(process.env.BENCH_ENTERPRISES ?? 500_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const password = 'Bench2026pass';

const database = await openDb({ memory: true });
const db = database.db;
await loadDemo(
  {
    db,
    actor: null,
    ip: null,
    now: () => new Date(),
    cache: { get: () => undefined, set: () => {}, invalidate: () => {} } as never,
    via: 'bench',
  },
  { password },
);

let t0 = performance.now();
// Deterministic spread: enterprise g sits in county g mod n; rung membership follows g's residues.
await sql`
  insert into enterprise (uscc, name, region_code, industry_code, registered_on)
  select 'BENCH' || lpad(g::text, 13, '0'), '基准企业' || g,
    c.codes[1 + g % array_length(c.codes, 1)], 'C39', date '2005-01-01' + (g % 6000)
  from generate_series(1, ${count}::int) g,
    (select array_agg(code order by code) as codes from region where code like '43%' and level = 3) c
`.execute(db);
await sql`
  insert into enterprise_status (enterprise_id, rung, reference, valid_from, valid_to)
  select id, 'techSme', null, make_date(2020 + id % 6, 5, 1), make_date(2020 + id % 6, 12, 31) from enterprise where id % 10 < 6
  union all
  select id, 'techSme', null, make_date(2021 + id % 5, 4, 1), make_date(2021 + id % 5, 12, 31) from enterprise where id % 10 < 3
  union all
  select id, 'hnte', 'GR' || id, date '2019-01-01' + (id % 2500), date '2019-01-01' + (id % 2500) + interval '3 years' - interval '1 day'
    from enterprise where id % 5 = 0
  union all
  select id, 'hnte', 'GR2' || id, date '2019-01-01' + (id % 2500) + interval '3 years' - interval '20 days', null
    from enterprise where id % 15 = 0
  union all
  select id, 'hnteReserve', null, date '2020-01-01' + (id % 2000), null from enterprise where id % 7 = 0
  union all
  select id, 'specialized', null, date '2021-01-01' + (id % 1500), date '2021-01-01' + (id % 1500) + 1095 from enterprise where id % 50 = 0
  union all
  select id, 'littleGiant', null, date '2022-01-01' + (id % 1000), null from enterprise where id % 200 = 0
  union all
  select id, 'listed', null, date '2018-01-01' + (id % 2500), null from enterprise where id % 1000 = 0
`.execute(db);
await rebuildAllLadders(db);
await sql`analyze`.execute(db);
const statuses = await db
  .selectFrom('enterprise_status')
  .select((e) => e.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const generateMs = performance.now() - t0;

const app = await buildApp({ database, webDir: null });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'province', password } });
const cookie = login.headers['set-cookie'];
const headers = { cookie: (Array.isArray(cookie) ? cookie : [String(cookie)]).map((c) => c.split(';')[0]).join('; ') };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function measure(region: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const year = 2022 + (i % 4);
    t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/enterprises/funnel?region=${region}&year=${year}`, headers });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    if (i >= 5) times.push(ms); // the first few warm the plan cache
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const city = await measure('430400', requests);
const province = await measure('430000', Math.max(20, Math.round(requests / 10)));
console.log(`enterprises            ${count}`);
console.log(`ladder statuses        ${Number(statuses.n)}`);
console.log(`generation             ${(generateMs / 1000).toFixed(1)} s`);
console.log(`funnel 衡阳 430400     p50 ${city.p50.toFixed(1)} ms   p95 ${city.p95.toFixed(1)} ms`);
console.log(`funnel 湖南 430000     p50 ${province.p50.toFixed(1)} ms   p95 ${province.p95.toFixed(1)} ms`);
await app.close();
await database.close();
