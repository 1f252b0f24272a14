/**
 * npm run bench:plan — plan execution at scale (issue 4), on the embedded database in a temporary data
 * directory: a two-year plan (2025–2026) with 2,000 tasks in 20 sections, 200 targets, 20 units, monthly
 * reporting (24 cycles) and about 46,000 progress reports (accepted, submitted, returned, drafts, some
 * missing and some late; nothing submitted after the day read at), written with set-based SQL through
 * the report_tally triggers (BENCH_TALLY_TRIGGERS=0: triggers off, then rebuildReportTallies). Then
 * p50/p95 over HTTP (app.inject, signed-in sessions) of the dashboard, the reporter's inbox, the
 * planner's inbox over all units, and the bulletin (.docx + .xlsx) when that route exists: ［冷］ with
 * a report row written and the read cache cleared before every request (as after a submission), ［热］
 * served from the read cache. 首次: the first request of each case (after the server started, for the
 * first case: every read model loaded and compiled afresh).
 * Each case starts with BENCH_WARMUP (5) untimed requests. Prints figures, never fails on them.
 * BENCH_TASKS and BENCH_REQUESTS override the defaults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authPolicy } from '@kechuang/contracts';
import { buildApp } from '../apps/server/src/app.ts';
import { type Ctx, LocalFileStore, loadDemo, MemoryCache, noCache } from '../packages/core/src/index.ts';
import { openDb } from '../packages/db/src/index.ts';
import { generatePlan } from './plan-dataset.ts';

const taskCount = Number(process.env.BENCH_TASKS ?? 2000);
const requests = Number(process.env.BENCH_REQUESTS ?? 60);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const password = 'Bench2026pass';
const asOf = '2026-11-22';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-plan-'));
const database = await openDb({ dataDir: dir });
const db = database.db;
const files = new LocalFileStore(path.join(dir, 'files'));
const ctx: Ctx = { db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench', files };
await loadDemo(ctx, { password });
const t0 = performance.now();

const { planId, orgIds } = await generatePlan(db, taskCount, asOf, { tallyTriggers: process.env.BENCH_TALLY_TRIGGERS !== '0' });
console.log(`生成 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ── endpoints ────────────────────────────────────────────────────────────────────────────────────
// As served on the embedded database: read models cached in memory until the next committed mutation.
// "cold" clears that cache before every request (as right after a report is submitted): the query cost.
const cache = new MemoryCache();
const app = await buildApp({ database, webDir: null, cache, files });
await app.ready();
async function session(username: string) {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const cookie = login.headers['set-cookie'];
  return {
    cookie: (Array.isArray(cookie) ? cookie : [String(cookie)]).map((c) => c.split(';')[0]).join('; '),
    [authPolicy.csrfHeader]: (login.json() as { csrfToken: string }).csrfToken,
  };
}
const planner = await session('planner');
const reporter = await session('reporter.leiyang');
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
type Req = (i: number) => { method: 'GET' | 'POST'; url: string; payload?: object };
async function measure(label: string, goalMs: number, n: number, req: Req, headers: Record<string, string>, cold: boolean) {
  const times: number[] = [];
  let bytes = 0;
  // a few untimed requests first: the figures are of a running server, not of its first compilations
  let first = 0;
  for (let i = 0; i < warmup; i++) {
    if (cold) await afterSubmission(i);
    const t = performance.now();
    await app.inject({ ...req(i), headers });
    if (i === 0) first = performance.now() - t;
  }
  for (let i = 0; i < n; i++) {
    if (cold) await afterSubmission(i);
    const t = performance.now();
    const res = await app.inject({ ...req(i), headers });
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${req(i).url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    bytes = res.rawPayload.length;
  }
  times.sort((a, b) => a - b);
  const p95 = pct(times, 95);
  const name = `${label}${cold ? '［冷］' : '［热］'}`;
  console.log(
    `${name.padEnd(34)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms（目标 < ${goalMs} ms ${p95 < goalMs ? '达成' : '未达成'}）  ${(bytes / 1024).toFixed(0)} KB${warmup > 0 ? `  首次 ${first.toFixed(0)} ms` : ''}`,
  );
}
// "cold": as right after a unit's report is written — one report row changes (its triggers keep the tallies)
// and the read cache is dropped; in-memory per-version read models catch up with that one change
const touchIds = (
  await db.selectFrom('progress_report').select('id').where('plan_id', '=', planId).where('status', '=', 'accepted').limit(500).execute()
).map((r) => r.id);
async function afterSubmission(i: number) {
  await db
    .updateTable('progress_report')
    .set({ updated_at: new Date() })
    .where('id', '=', touchIds[(i * 37) % touchIds.length] as number)
    .execute();
  cache.invalidate();
}
const sectionIds = (
  await db.selectFrom('plan_node').select('id').where('plan_id', '=', planId).where('kind', '=', 'section').execute()
).map((s) => s.id);
const cases: Array<[string, number, Req, Record<string, string>]> = [
  ['总览 dashboard（全计划）', requests, () => ({ method: 'GET', url: `/api/plans/${planId}/dashboard?asOf=${asOf}` }), planner],
  [
    '总览 dashboard（按章节/单位筛选）',
    requests,
    (i) => ({
      method: 'GET',
      url:
        i % 2
          ? `/api/plans/${planId}/dashboard?asOf=${asOf}&sectionId=${sectionIds[i % sectionIds.length]}`
          : `/api/plans/${planId}/dashboard?asOf=${asOf}&orgId=${orgIds[i % orgIds.length]}`,
    }),
    planner,
  ],
  ['我的任务 inbox（填报单位）', requests, () => ({ method: 'GET', url: `/api/plan-inbox?asOf=${asOf}` }), reporter],
  [
    '我的任务 inbox（业务人员按单位）',
    requests,
    (i) => ({ method: 'GET', url: `/api/plan-inbox?asOf=${asOf}&orgId=${orgIds[i % orgIds.length]}` }),
    planner,
  ],
  [
    '我的任务 inbox（业务人员全部单位）',
    Math.ceil(requests / 3),
    () => ({ method: 'GET', url: `/api/plan-inbox?asOf=${asOf}&planId=${planId}` }),
    planner,
  ],
];
console.log(
  `负载：${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}（1/5/15 分钟平均，${os.cpus().length} 核）；每项先预热 ${warmup} 次（不计时），再计 p50/p95`,
);
for (const cold of [true, false]) for (const [label, n, req, headers] of cases) await measure(label, 100, n, req, headers, cold);
if (app.hasRoute({ method: 'POST', url: '/api/plans/:id/bulletins' })) {
  const n = Math.max(5, Math.ceil(requests / 6));
  await measure(
    '进度通报 bulletin（.docx + .xlsx）',
    2000,
    n,
    (i) => ({ method: 'POST', url: `/api/plans/${planId}/bulletins`, payload: { asOf, periodLabel: `2026年10月（第${i + 1}次）` } }),
    planner,
    true,
  );
} else console.log('进度通报 bulletin：该接口尚未提供，未测');
await app.close();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
