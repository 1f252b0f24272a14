/**
 * npm run bench:techmarket — the technology market at scale, in process, on the embedded database (and, when
 * DATABASE_URL is set, on that PostgreSQL server too, in a schema of its own):
 *  1. 200,000 registered-or-pending technology contracts over five years and 1,500 sellers of 湖南: the
 *     statistics cross table region × contract type × month (contractStatsCube, which reads the monthly sums
 *     kept at registration) for a city and for the province, 输出 and 吸纳, timed BENCH_RUNS (60) times each
 *     after a warm-up; p50/p95 beside a baseline run of `select 1` on the same connection (goal: p95 <
 *     100 ms), and beside the same cross table aggregated from the contracts themselves;
 *  2. 50,000 published achievement entries (written from the labelled set's texts, segmented with jieba):
 *     matching one demand against all of them (matchListing: freshness check, ranking, reading the ten
 *     best), timed over the labelled set's demands after the index is built, beside the plain keyword-overlap
 *     ranking of the same index as the baseline (goal: p95 < 50 ms); the index build is timed too;
 *  3. the matching quality on the labelled set (bench/data/techmarket-matching.json): precision@5,
 *     recall@10 and MRR of the method against the plain keyword baseline.
 * Prints figures, never fails on them. BENCH_CONTRACTS, BENCH_ACHIEVEMENTS and BENCH_RUNS override the sizes;
 * BENCH_SKIP_PGLITE=1 measures PostgreSQL only (e.g. scripts/with-postgres.sh npm run bench:techmarket).
 */
import os from 'node:os';
import {
  type Ctx,
  contractStatsCube,
  entryTerms,
  initialsOf,
  matchListing,
  noCache,
  rebuildContractMonth,
} from '../packages/core/src/index.ts';
import { sideIndex } from '../packages/core/src/techmarket/market/matches.ts';
import { chosenOptions } from '../packages/core/src/techmarket/market/rank.ts';
import { type Database, sql } from '../packages/db/src/index.ts';
import { createTestDb } from '../packages/db/src/testing.ts';
import { labelledSet, measure } from './techmarket-quality.ts';

const contracts = Number(process.env.BENCH_CONTRACTS ?? 200_000);
const achievements = Number(process.env.BENCH_ACHIEVEMENTS ?? 50_000);
const runs = Number(process.env.BENCH_RUNS ?? 60);
const set = labelledSet();

const pct = (s: number[], p: number) => {
  const x = [...s].sort((a, b) => a - b);
  return x[Math.min(x.length - 1, Math.max(0, Math.ceil((p / 100) * x.length) - 1))] as number;
};
async function time(n: number, f: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(5, n); i++) await f(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}
const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
const line = (label: string, r: { p50: number; p95: number }, base: { p95: number }, goal?: number) =>
  console.log(
    `${label.padEnd(44)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  与基线之比 p95 ${(r.p95 / base.p95).toFixed(1).padStart(6)}×${
      goal ? `（目标 p95 < ${goal} ms ${r.p95 < goal ? '达成' : '未达成'}）` : ''
    }`,
  );

async function seed(database: Database) {
  const db = database.db;
  const t0 = performance.now();
  const counties = (
    await db.selectFrom('region').select('code').where('code', 'like', '43%').where('code', 'not like', '%00').orderBy('code').execute()
  ).map((r) => r.code);
  // 1,500 sellers spread over 湖南's counties, as organisations with a seller registration
  await sql`insert into organization (name, kind, region_code)
    select '卖方' || g, case when g % 10 = 0 then 'institute' else 'enterprise' end, (${counties}::text[])[1 + g % ${counties.length}]
    from generate_series(1, 1500) g`.execute(db);
  await sql`insert into tm_seller (org_id, kind)
    select id, case when kind = 'institute' then 'university' else 'enterprise' end from organization where name like '卖方%'`.execute(db);
  const bureau = (
    await db
      .insertInto('organization')
      .values({ name: '登记机构', kind: 'bureau', region_code: '430000' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const point = (
    await db
      .insertInto('tm_registration_point')
      .values({ name: '登记点', org_id: bureau, regions: ['430000'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const types = ['development', 'transfer', 'license', 'consulting', 'service'];
  // contracts over 2022–2026; 90 % registered; buyers anywhere in 湖南, one in five in another province
  await sql`insert into tech_contract (seller_id, seller_org_id, seller_region_code, point_id, name, subject, contract_type, subtype,
      buyer_name, buyer_region_code, contract_amount_fen, technical_amount_fen, tech_field, ip_type, socio_goal, signed_on, status,
      accepted_on, registered_on, registration_no, pack_id)
    select s.id, o.id, o.region_code, ${point}, '合同' || g, 'technical_service', (${types}::text[])[1 + g % 5], '技术服务',
      '买方' || g, case when g % 5 = 0 then '420106' else (${counties}::text[])[1 + (g * 7) % ${counties.length}] end,
      (100000 + (g * 7919) % 50000000)::bigint, (90000 + (g * 7919) % 45000000)::bigint, '先进制造', '技术秘密', '工业发展',
      d - 20, case when g % 10 = 0 then 'accepted' else 'registered' end, d - 5,
      case when g % 10 = 0 then null else d end, case when g % 10 = 0 then null else 'B' || g end, 'techcontract-2021'
    from generate_series(1, ${contracts}) g
      join tm_seller s on s.id = (select min(id) from tm_seller) + g % 1500
      join organization o on o.id = s.org_id
      cross join lateral (select date '2022-01-01' + (g % 1825) as d) dd`.execute(db);
  await sql`analyze tech_contract`.execute(db);
  // the monthly sums that registration keeps, computed once for the bulk-loaded registry
  await rebuildContractMonth(db);
  const t1 = performance.now();

  // achievement entries: each joins the text of one labelled achievement with the title of another
  const owner = (await db.selectFrom('organization').select('id').where('name', '=', '卖方1').executeTakeFirstOrThrow()).id;
  const base = set.achievements;
  for (let start = 0; start < achievements; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(achievements, start + 1000); i++) {
      const a = base[i % base.length] as (typeof base)[number];
      const b = base[(i * 31 + 7) % base.length] as (typeof base)[number];
      const title = i < base.length ? a.title : `${a.title}（${b.title.slice(0, 8)}）`;
      const description = i < base.length ? a.description : `${a.description}${b.title}。`;
      rows.push({
        kind: 'achievement',
        owner_org_id: owner,
        region_code: i < base.length ? a.regionCode : (counties[i % counties.length] as string),
        title,
        description,
        field_code: i < base.length ? a.fieldCode : b.fieldCode,
        status: 'published',
        published_at: new Date(),
        published_on: '2026-01-01',
        terms: entryTerms({ title, keywords: [], body: description }),
        initials: initialsOf(title),
      });
    }
    await db.insertInto('tm_listing').values(rows).execute();
  }
  const demandIds: number[] = [];
  for (const d of set.demands) {
    const row = await db
      .insertInto('tm_listing')
      .values({
        kind: 'demand',
        owner_org_id: owner,
        region_code: d.regionCode,
        title: d.title,
        description: d.description,
        field_code: d.fieldCode,
        status: 'published',
        published_at: new Date(),
        published_on: '2026-01-01',
        terms: entryTerms({ title: d.title, keywords: [], body: d.description }),
        initials: initialsOf(d.title),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    demandIds.push(row.id);
  }
  await sql`update tm_listing_generation set gen = gen + 1`.execute(db);
  await sql`analyze tm_listing`.execute(db);
  console.log(
    `生成 ${contracts.toLocaleString()} 份技术合同 ${((t1 - t0) / 1000).toFixed(1)} s；${achievements.toLocaleString()} 条成果清单与 ${demandIds.length} 条需求 ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );
  return demandIds;
}

async function run(kind: string, database: Database) {
  console.log(`\n── ${kind} ──`);
  const demandIds = await seed(database);
  const actor = (regionCode: string) => ({
    userId: 1,
    username: 'bench',
    orgId: 1,
    orgKind: 'bureau' as const,
    regionCode,
    roles: ['viewer' as const],
  });
  const ctx = (regionCode: string): Ctx => ({
    db: database.db,
    actor: actor(regionCode),
    ip: null,
    now: () => new Date(),
    cache: noCache,
    via: 'bench',
  });
  const base = await time(runs, () => sql`select 1`.execute(database.db));
  line('基线：select 1', base, base);
  const years = [2022, 2023, 2024, 2025, 2026];
  const city = await contractStatsCube(ctx('430400'), { year: 2025, direction: 'output' });
  const province = await contractStatsCube(ctx('430000'), { year: 2025, direction: 'output' });
  line(
    `统计 地区×类别×月份 市（衡阳，输出）${city.rows.length} 格`,
    await time(runs, (i) => contractStatsCube(ctx('430400'), { year: years[i % 5] as number, direction: 'output' })),
    base,
    100,
  );
  line(
    `统计 地区×类别×月份 省（湖南，输出）${province.rows.length} 格`,
    await time(runs, (i) => contractStatsCube(ctx('430000'), { year: years[i % 5] as number, direction: 'output' })),
    base,
    100,
  );
  line(
    '统计 地区×类别×月份 省（湖南，吸纳）',
    await time(runs, (i) => contractStatsCube(ctx('430000'), { year: years[i % 5] as number, direction: 'absorption' })),
    base,
    100,
  );

  const from = (year: number) => sql`select seller_region_code, coalesce(contract_type, ''), to_char(registered_on, 'YYYY-MM'), count(*),
      sum(contract_amount_fen), sum(coalesce(technical_amount_fen, 0)) from tech_contract
    where status = 'registered' and registered_on between ${`${year}-01-01`} and ${`${year}-12-31`} and seller_region_code like '43%'
    group by 1, 2, 3`;
  line(
    '对照：同一交叉表直接由合同汇总（省，输出）',
    await time(Math.min(runs, 20), (i) => from(years[i % 5] as number).execute(database.db)),
    base,
  );

  const t = performance.now();
  const side = await sideIndex(database.db, 'supply');
  console.log(
    `匹配索引构建（${side.index.size.toLocaleString()} 条已发布成果）${((performance.now() - t) / 1000).toFixed(2)} s（发布集合变化后的首次匹配）`,
  );
  const bench = ctx('430000');
  const ends = await time(Math.max(runs, demandIds.length), (i) => matchListing(bench, demandIds[i % demandIds.length] as number, 10));
  const queries = set.demands.map((d) => ({
    terms: entryTerms({ title: d.title, keywords: [], body: d.description }),
    fieldCode: d.fieldCode,
    regionCode: d.regionCode,
  }));
  const overlap = await time(Math.max(runs, queries.length), async (i) =>
    side.index.overlap(queries[i % queries.length] as (typeof queries)[number], 10),
  );
  const bm25 = await time(Math.max(runs, queries.length), async (i) =>
    side.index.bm25(queries[i % queries.length] as (typeof queries)[number], 10, chosenOptions),
  );
  line('排序基线：关键词重合（同一索引）', overlap, overlap);
  line('排序：BM25 × 领域 × 地域（同一索引）', bm25, overlap, 50);
  line(`匹配一条需求（端到端，${side.index.size.toLocaleString()} 条成果）`, ends, overlap, 50);
}

const m = measure(set);
const show = (q: { method: string; p5: number; r10: number; mrr: number; misses: number }) =>
  console.log(
    `${q.method.padEnd(26)} P@5 ${(q.p5 * 100).toFixed(1).padStart(5)}%  R@10 ${(q.r10 * 100).toFixed(1).padStart(5)}%  MRR ${q.mrr.toFixed(3)}  前十无命中 ${q.misses}  与基线之比 P@5 ${(q.p5 / m.baseline.p5).toFixed(3)} R@10 ${(q.r10 / m.baseline.r10).toFixed(3)}`,
  );
console.log(
  `bench:techmarket — ${os.cpus().length} 核，负载 ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )}\n\n匹配质量（标注集 ${m.demands} 条需求 × ${m.achievements} 项成果；每条需求的真实配对见 bench/data/techmarket-matching.json；P@5 上限 ${((set.demands.reduce((n, d) => n + Math.min(5, d.relevant.length), 0) / set.demands.length / 5) * 100).toFixed(1)}%）`,
);
show(m.baseline);
for (const v of m.variants) show(v);

const url = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
if (process.env.BENCH_SKIP_PGLITE !== '1') {
  const lite = await createTestDb();
  try {
    await run('PGlite（嵌入式）', lite);
  } finally {
    await lite.close();
  }
}
if (url) {
  process.env.DATABASE_URL = url;
  const pg = await createTestDb();
  try {
    await run('PostgreSQL', pg);
  } finally {
    await pg.close();
  }
}
