/**
 * npm run bench:plan — plan execution at scale, on the embedded database in a temporary data directory: a
 * two-year plan (2025–2026) with BENCH_TASKS (20,000) tasks in 20 sections, a target on every tenth task,
 * 20 units, monthly reporting (24 cycles) and some 460,000 progress reports (accepted, submitted, returned,
 * drafts, some missing and some late; nothing submitted after the day read at), written with set-based SQL
 * through the report_tally triggers (BENCH_TALLY_TRIGGERS=0: triggers off, then rebuildReportTallies).
 * Then p50/p95 over HTTP (app.inject, signed-in sessions) of: the dashboard of the whole plan, filtered by
 * section (a twentieth of the tasks) and by unit; the reporter's inbox, the planner's inbox by unit and over
 * all units. ［冷］: a report row written and the read cache cleared before every request (as right after a
 * submission: never a cache hit); ［热］: served from the read cache. 首次: the first request of each case.
 * Beside each figure its ratio to the baseline measured in the same run: GET /api/auth/me (the same stack,
 * session and serializer, no plan work). Then the 进度通报: the POST that starts it as a background job
 * (202 with the job: goal < 50 ms), how long the job takes to the archived .docx + .xlsx, and the cold
 * dashboard served while a bulletin job runs in the same process.
 * Each case starts with BENCH_WARMUP (5) untimed requests. Prints figures, never fails on them.
 * BENCH_TASKS and BENCH_REQUESTS (30) override the defaults.
 */
import fs from 'node:fs';
import os from 'node:os';
import { authPolicy } from '@kechuang/contracts';
import { buildApp } from '../apps/server/src/app.ts';
import { jobQueueFor, MemoryCache } from '../packages/core/src/index.ts';
import { demoDatabase, generatePlan } from './plan-dataset.ts';

const taskCount = Number(process.env.BENCH_TASKS ?? 20000);
const requests = Number(process.env.BENCH_REQUESTS ?? 30);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const password = 'Bench2026pass';
const asOf = '2026-11-22';
const { dir, database, db, files } = await demoDatabase('kc-bench-plan-', password);
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
interface Figures {
  p50: number;
  p95: number;
}
let baseline: Figures | null = null;
const ratio = (f: Figures) => (baseline ? `  与基线之比 p95 ${(f.p95 / baseline.p95).toFixed(1)}×` : '');
function line(name: string, f: Figures, goalMs: number | null, extra = '') {
  const goal = goalMs === null ? '' : `（目标 < ${goalMs} ms ${f.p95 < goalMs ? '达成' : '未达成'}）`;
  console.log(
    `${name.padEnd(36)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms${goal}${ratio(f)}${extra}`,
  );
}
async function measure(
  label: string,
  goalMs: number | null,
  n: number,
  req: Req,
  headers: Record<string, string>,
  cold: boolean,
  okStatus = 200,
) {
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
    if (res.statusCode !== okStatus) throw new Error(`${req(i).url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    bytes = res.rawPayload.length;
  }
  times.sort((a, b) => a - b);
  const f = { p50: pct(times, 50), p95: pct(times, 95) };
  line(
    `${label}${cold ? '［冷］' : '［热］'}`,
    f,
    goalMs,
    `  ${(bytes / 1024).toFixed(0)} KB${warmup > 0 ? `  首次 ${first.toFixed(0)} ms` : ''}`,
  );
  return f;
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
    '总览 dashboard（按章节筛选，1/20）',
    requests,
    (i) => ({ method: 'GET', url: `/api/plans/${planId}/dashboard?asOf=${asOf}&sectionId=${sectionIds[i % sectionIds.length]}` }),
    planner,
  ],
  [
    '总览 dashboard（按单位筛选）',
    requests,
    (i) => ({ method: 'GET', url: `/api/plans/${planId}/dashboard?asOf=${asOf}&orgId=${orgIds[i % orgIds.length]}` }),
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
baseline = await measure('基线 GET /api/auth/me', null, requests, () => ({ method: 'GET', url: '/api/auth/me' }), planner, false);
for (const cold of [true, false])
  for (const [label, n, req, headers] of cases) await measure(label, label.startsWith('总览') && cold ? 150 : 100, n, req, headers, cold);

// ── the 进度通报 as a background job ─────────────────────────────────────────────────────────────────
const queue = jobQueueFor(db);
if (!queue) throw new Error('no job queue in this process');
const bulletinRuns = Math.max(3, Math.ceil(requests / 10));
const starts: number[] = [];
const runs: number[] = [];
for (let i = 0; i < bulletinRuns; i++) {
  const t = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: `/api/plans/${planId}/bulletins`,
    headers: planner,
    payload: { asOf, periodLabel: `2026年10月（第${i + 1}次）` },
  });
  starts.push(performance.now() - t);
  if (res.statusCode !== 202) throw new Error(`bulletin: ${res.statusCode} ${res.body.slice(0, 300)}`);
  await queue.drain();
  runs.push(performance.now() - t);
  const job = await app.inject({ method: 'GET', url: `/api/jobs/${res.json().id}`, headers: planner });
  if (job.json().status !== 'succeeded') throw new Error(`bulletin job: ${job.body.slice(0, 300)}`);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const figures = (xs: number[]) => ({ p50: pct(sorted(xs), 50), p95: pct(sorted(xs), 95) });
line('进度通报：发起后台任务（202）', figures(starts), 50, `  共 ${bulletinRuns} 次`);
line('进度通报：任务完成（.docx + .xlsx 存档）', figures(runs), null);
// the dashboard while a bulletin is being generated in the same process
const during: number[] = [];
for (let i = 0; i < bulletinRuns; i++) {
  await app.inject({
    method: 'POST',
    url: `/api/plans/${planId}/bulletins`,
    headers: planner,
    payload: { asOf, periodLabel: `并发测试${i}` },
  });
  let running = true;
  const done = queue.drain().then(() => {
    running = false;
  });
  for (let k = 0; running && k < 50; k++) {
    await afterSubmission(k);
    const t = performance.now();
    await app.inject({ method: 'GET', url: `/api/plans/${planId}/dashboard?asOf=${asOf}`, headers: planner });
    during.push(performance.now() - t);
  }
  await done;
}
if (during.length > 0) line('总览 dashboard［冷］（通报任务运行期间）', figures(during), null, `  ${during.length} 次`);
await app.close();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
