/**
 * npm run bench:platforms — the innovation-platform registry at scale, on the embedded database in a temporary
 * data directory: 20,000 platforms of the eleven types at four levels across 衡阳's districts, counties and parks,
 * each with its 认定 event (and an upgrade or a delisting for some) and five years of submitted yearly reports.
 * The server runs in its own process; BENCH_CONNECTIONS (20) concurrent clients request, in turn, a bare Fastify
 * "hello" (the baseline, measured in the same run) and the counts by type × level × region (year-end spans and
 * the year's moves, read from the tally kept by every change) for varying years, for BENCH_SECONDS (8) each after a warm-up; p50/p95 and req/s are printed
 * with the ratio to the baseline. Then a 绩效评价 run over all platforms of one type (about 1,800, graded on the
 * indicator engine, written as a draft) is timed BENCH_RUNS (3) times per type for three types. Prints figures,
 * never fails on them. BENCH_PLATFORMS overrides the size. (The 特派员 part of this bench belongs to the talent
 * module.)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { platformTypeCatalogue } from '../packages/contracts/src/index.ts';
import { type Ctx, countsByTypeLevelRegion, loadDemo, noCache, platformStats, retally } from '../packages/core/src/index.ts';
import { openDb, sql } from '../packages/db/src/index.ts';
import { loadLine, measureTargets, percentile, signIn, startServers, stopProcess, type Target } from './harness.ts';

const total = Number(process.env.BENCH_PLATFORMS ?? 20_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const password = 'Bench2026pass';
const port = 18532;
const barePort = 18531;
const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const years = [1, 2, 3, 4, 5].map((k) => thisYear - k);

/** deterministic pseudo-random numbers (mulberry32) */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-platforms-'));
const t0 = performance.now();
const database = await openDb({ dataDir });
const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench' };
await loadDemo(ctx, { password });
{
  const db = database.db;
  const rand = rng(20261207);
  const regions = (
    await db
      .selectFrom('region')
      .select('code')
      .where('code', 'like', '4304%')
      .where('code', '<>', '430400')
      .where('code', '<>', '430401')
      .execute()
  ).map((r) => r.code);
  const orgIds: { id: number; region: string }[] = [];
  for (let i = 0; i < 2000; i += 500) {
    const rows = await db
      .insertInto('organization')
      .values(
        Array.from({ length: 500 }, (_, k) => ({
          name: `基准依托单位${i + k + 1}`,
          kind: (i + k) % 5 === 0 ? 'institute' : 'enterprise',
          region_code: regions[(i + k) % regions.length] as string,
        })),
      )
      .returning(['id', 'region_code'])
      .execute();
    orgIds.push(...rows.map((r) => ({ id: r.id, region: r.region_code })));
  }
  const levels = ['national', 'provincial', 'provincial', 'city', 'city', 'city', 'city', 'county', 'county', 'city'] as const;
  const chunk = 2000;
  for (let start = 0; start < total; start += chunk) {
    const plats = Array.from({ length: Math.min(chunk, total - start) }, (_, k) => {
      const n = start + k;
      const type = platformTypeCatalogue[n % platformTypeCatalogue.length]!;
      const org = orgIds[Math.floor(rand() * orgIds.length)]!;
      const year = 2012 + Math.floor(rand() * (thisYear - 2017));
      const on = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const level = levels[Math.floor(rand() * levels.length)]!;
      const fate = rand();
      return { n, type, org, on, level, upgrade: fate < 0.06 && level === 'city', delist: fate > 0.95 };
    });
    const ids = await db
      .insertInto('platform')
      .values(
        plats.map((p) => ({
          name: `基准${p.type.name}${p.n + 1}`,
          type_code: p.type.code,
          type_version: 1,
          level: p.upgrade ? 'provincial' : p.level,
          org_id: p.org.id,
          region_code: p.org.region,
          doc_no: `基准〔${p.on.slice(0, 4)}〕${p.n + 1}号`,
          approved_on: p.on,
          status: p.delist ? 'delisted' : 'active',
          fields: '{}',
          application_id: null,
        })),
      )
      .returning('id')
      .execute();
    const events: Array<{
      platform_id: number;
      kind: string;
      from_level: string | null;
      to_level: string | null;
      doc_no: string;
      on_date: string;
    }> = [];
    const spans: Array<{
      platform_id: number;
      type_code: string;
      level: string;
      region_code: string;
      valid_from: string;
      valid_to: string | null;
    }> = [];
    const reports: Array<{ platform_id: number; year: number; data: string; status: string }> = [];
    plats.forEach((p, k) => {
      const id = ids[k]!.id;
      const later = `${Math.min(thisYear - 1, Number(p.on.slice(0, 4)) + 3)}-06-30`;
      events.push({
        platform_id: id,
        kind: 'recognise',
        from_level: null,
        to_level: p.level,
        doc_no: `基准〔${p.on.slice(0, 4)}〕号`,
        on_date: p.on,
      });
      const end = p.upgrade || p.delist ? (later > p.on ? later : p.on) : null;
      spans.push({ platform_id: id, type_code: p.type.code, level: p.level, region_code: p.org.region, valid_from: p.on, valid_to: end });
      if (p.upgrade && end) {
        events.push({ platform_id: id, kind: 'upgrade', from_level: 'city', to_level: 'provincial', doc_no: '基准升级', on_date: end });
        if (end !== p.on)
          spans.push({
            platform_id: id,
            type_code: p.type.code,
            level: 'provincial',
            region_code: p.org.region,
            valid_from: end,
            valid_to: null,
          });
      }
      if (p.delist && end)
        events.push({ platform_id: id, kind: 'delist', from_level: p.level, to_level: null, doc_no: '基准摘牌', on_date: end });
      for (const y of years) {
        const data: Record<string, number> = {};
        for (const e of p.type.evaluation) data[e.field] = Math.round(e.standard * (0.3 + rand() * 1.0));
        reports.push({ platform_id: id, year: y, data: JSON.stringify(data), status: 'submitted' });
      }
    });
    await db.insertInto('platform_event').values(events).execute();
    await db.insertInto('platform_span').values(spans).execute();
    for (let i = 0; i < reports.length; i += 5000)
      await db
        .insertInto('platform_report')
        .values(reports.slice(i, i + 5000))
        .execute();
  }
  await retally(db, null, 2012, thisYear);
  await sql`analyze`.execute(db);
}
// the database path alone (no cache, one client, in this process): the tally the statistics read, and the same
// counts computed live from the spans and events
const direct: string[] = [];
{
  const reader: Ctx = {
    ...ctx,
    actor: { userId: 0, username: 'bench', orgId: 0, orgKind: 'bureau', regionCode: '430400', roles: ['planner'] },
  };
  for (const [label, f] of [
    ['统计读取（台账，无缓存）', (i: number) => platformStats(reader, { region: '430400', year: thisYear - (i % 6) })],
    ['现场计数（跨度与事件，无缓存）', (i: number) => countsByTypeLevelRegion(database.db, '430400', thisYear - (i % 6))],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      const t = performance.now();
      await f(i);
      if (i >= 20) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    direct.push(
      `${label.padEnd(24)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
    );
  }
}
await database.close();
console.log(`生成 ${total} 个平台（${years.length} 年年报 ${total * years.length} 份）：${((performance.now() - t0) / 1000).toFixed(1)} s`);

let server: ChildProcess | undefined;
let bare: ChildProcess | undefined;
try {
  ({ server, bare } = await startServers(dataDir, port, barePort));
  const api = `http://127.0.0.1:${port}/api`;
  const { cookie, csrf } = await signIn(api, 'planner', password);
  const counties = ['430405', '430421', '430481', '430472'];
  const pid = server.pid;
  const targets: Target[] = [
    { label: 'bare fastify GET /hello（基线）', urls: () => `http://127.0.0.1:${barePort}/hello`, headers: {} },
    {
      label: '平台数 类型×级别×地区（全市，逐年）',
      urls: (i) => `${api}/platform-stats?year=${thisYear - (i % 6)}`,
      headers: { cookie },
      pid,
    },
    {
      label: '平台数 类型×级别×地区（区县，逐年）',
      urls: (i) => `${api}/platform-stats?year=${thisYear - (i % 6)}&region=${counties[i % counties.length]}`,
      headers: { cookie },
      pid,
    },
  ];
  console.log(`\nbench:platforms — ${connections} 个并发连接，每项预热 ${warmupSeconds} s、计时 ${seconds} s；${loadLine()}\n`);
  await measureTargets(targets, { seconds, warmupSeconds, connections, goalP95Ms: 50 });
  console.log(`\n单客户端、进程内（不经 HTTP 与缓存）：\n${direct.join('\n')}\n`);
  for (const type of ['eng_center', 'incubator', 'key_lab']) {
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await fetch(`${api}/platform-evaluations`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
        // the year before last: the demo already holds last year's confirmed 工程技术研究中心 evaluation
        body: JSON.stringify({ typeCode: type, year: thisYear - 2, regionCode: '430400' }),
      });
      const body = (await res.json()) as { results: unknown[]; counts: Record<string, number> };
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`evaluation: ${res.status} ${JSON.stringify(body)}`);
      summary = `${body.results.length} 个平台：${Object.entries(body.counts)
        .map(([g, n]) => `${g} ${n}`)
        .join('、')}`;
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(
      `绩效评价（${type.padEnd(10)}，整类）  ${times.map((x) => `${(x / 1000).toFixed(2)} s`).join(' / ')}，中位 ${(median / 1000).toFixed(2)} s（目标 < 1 s ${median < 1000 ? '达成' : '未达成'}）；${summary}`,
    );
  }
} finally {
  await stopProcess(bare);
  await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
