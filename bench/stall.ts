/**
 * npm run bench:stall — how long background work holds the event loop of the process it runs in, on the
 * embedded database in a temporary data directory: the bench:plan dataset (BENCH_TASKS, default 20,000 tasks,
 * 20 units with BENCH_REPORTERS_PER_UNIT (3) reporters each), then three phases of BENCH_SECONDS (default 10)
 * or as long as the work takes, each with a concurrent reader (GET /api/auth/me one after another, in process
 * over HTTP on loopback) and node:perf_hooks' monitorEventLoopDelay:
 *   1. nothing else running (the baseline);
 *   2. a 进度通报 job (POST /api/plans/:id/bulletins, then the job queue drained), repeated for the phase, its files
 *      rendered first on the serving thread (KECHUANG_BULLETIN_WORKER=off, as before) and then in the render process;
 *   3. the reminder run (runReminders as the scheduler calls it): its first run (sends) and its next (nothing new).
 * Prints per phase: the event loop's longest stall (max) and p99, the reader's p50/p99/max and how many reads
 * it got through, with the ratio to the baseline. Prints figures, never fails on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { authPolicy } from '@kechuang/contracts';
import { buildApp } from '../apps/server/src/app.ts';
import { type Ctx, jobQueueFor, MemoryCache, runReminders } from '../packages/core/src/index.ts';
import { insertAccounts } from './accounts.ts';
import { demoDatabase, generatePlan } from './plan-dataset.ts';

const taskCount = Number(process.env.BENCH_TASKS ?? 20000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const reportersPerUnit = Number(process.env.BENCH_REPORTERS_PER_UNIT ?? 3);
const password = 'Bench2026pass';
const asOf = '2026-11-22';
const { dir, database, db, files, ctx } = await demoDatabase('kc-bench-stall-', password);
const t0 = performance.now();
const { planId, orgIds } = await generatePlan(db, taskCount, asOf);
// reporters for every unit, so the reminder run has people to write to
const template = await db
  .selectFrom('app_user')
  .select('password_hash')
  .where('username', '=', 'reporter.leiyang')
  .executeTakeFirstOrThrow();
await insertAccounts(db, {
  prefix: 'bench.reporter.',
  displayPrefix: '填报员',
  width: 5,
  orgIds: orgIds.flatMap((id) => Array.from({ length: reportersPerUnit }, () => id)),
  role: 'reporter',
  passwordHash: template.password_hash,
});
console.log(`生成 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const app = await buildApp({ database, webDir: null, cache: new MemoryCache(), files });
// the reader comes over a socket, as a browser's request does (app.inject alone never leaves the microtask queue)
const origin = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'planner', password } });
const cookie = login.headers['set-cookie'];
const planner = {
  cookie: (Array.isArray(cookie) ? cookie : [String(cookie)]).map((c) => c.split(';')[0]).join('; '),
  [authPolicy.csrfHeader]: (login.json() as { csrfToken: string }).csrfToken,
};
const queue = jobQueueFor(db);
if (!queue) throw new Error('no job queue in this process');

interface Phase {
  loopMax: number;
  loopP99: number;
  readP50: number;
  readP99: number;
  readMax: number;
  reads: number;
  ms: number;
}
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;

/** Runs `work` (repeated until `minMs` has passed when `repeat`) beside a reader, with the event loop watched. */
async function phase(work: () => Promise<unknown>, opts: { minMs: number; repeat: boolean }): Promise<Phase> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  const reads: number[] = [];
  let busy = true;
  const reader = (async () => {
    while (busy) {
      const t = performance.now();
      const res = await fetch(`${origin}/api/auth/me`, { headers: planner });
      await res.arrayBuffer();
      reads.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`reader: ${res.status}`);
    }
  })();
  h.enable();
  const start = performance.now();
  do await work();
  while (opts.repeat && performance.now() - start < opts.minMs);
  while (performance.now() - start < opts.minMs) await new Promise((r) => setTimeout(r, 20));
  const ms = performance.now() - start;
  h.disable();
  busy = false;
  await reader;
  reads.sort((a, b) => a - b);
  return {
    loopMax: h.max / 1e6,
    loopP99: h.percentile(99) / 1e6,
    readP50: pct(reads, 50),
    readP99: pct(reads, 99),
    readMax: reads.at(-1) ?? 0,
    reads: reads.length,
    ms,
  };
}

let base: Phase | null = null;
function print(label: string, f: Phase, extra = '') {
  const x = (v: number, b: number | undefined) => (b ? ` (${(v / b).toFixed(1)}×)` : '');
  console.log(
    `${label.padEnd(26)} 事件循环最长停顿 ${f.loopMax.toFixed(0).padStart(5)} ms${x(f.loopMax, base?.loopMax)}  p99 ${f.loopP99
      .toFixed(0)
      .padStart(4)} ms  ｜ 并发读 p50 ${f.readP50.toFixed(1).padStart(6)} ms  p99 ${f.readP99.toFixed(0).padStart(5)} ms${x(
      f.readP99,
      base?.readP99,
    )}  max ${f.readMax.toFixed(0).padStart(5)} ms${x(f.readMax, base?.readMax)}  ${f.reads} 次 / ${(f.ms / 1000).toFixed(1)} s${extra}`,
  );
}

console.log(
  `负载：${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}（1/5/15 分钟平均，${os.cpus().length} 核）；${taskCount} 项任务`,
);
// a first bulletin and reminder run untimed: the figures are of a running server, not of its first compilations
const warm = await app.inject({
  method: 'POST',
  url: `/api/plans/${planId}/bulletins`,
  headers: planner,
  payload: { asOf, periodLabel: '预热' },
});
if (warm.statusCode !== 202) throw new Error(`bulletin: ${warm.statusCode} ${warm.body.slice(0, 300)}`);
await queue.drain();

base = await phase(async () => undefined, { minMs: seconds * 1000, repeat: false });
print('基线（无后台任务）', base);

let bulletins = 0;
const oneBulletin = async () => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/plans/${planId}/bulletins`,
    headers: planner,
    payload: { asOf, periodLabel: `2026年10月（第${++bulletins}次）` },
  });
  if (res.statusCode !== 202) throw new Error(`bulletin: ${res.statusCode} ${res.body.slice(0, 300)}`);
  await queue.drain();
  const job = await app.inject({ method: 'GET', url: `/api/jobs/${res.json().id}`, headers: planner });
  if (job.json().status !== 'succeeded') throw new Error(`bulletin job: ${job.body.slice(0, 300)}`);
};
// the files rendered on the serving thread, as before the render process (the same sitting's comparison)
process.env.KECHUANG_BULLETIN_WORKER = 'off';
const inThread = await phase(oneBulletin, { minMs: seconds * 1000, repeat: true });
delete process.env.KECHUANG_BULLETIN_WORKER;
print('进度通报（本线程生成）', inThread, `  通报 ${bulletins} 份`);
bulletins = 0;
const bulletin = await phase(oneBulletin, { minMs: seconds * 1000, repeat: true });
print('进度通报（生成进程）', bulletin, `  通报 ${bulletins} 份`);

const remindAt: Ctx = { ...ctx, now: () => new Date(`${asOf}T02:00:00Z`), via: 'scheduler:plan.reminders' };
let result: Awaited<ReturnType<typeof runReminders>> | null = null;
const first = await phase(
  async () => {
    result = await runReminders(remindAt);
  },
  { minMs: 0, repeat: false },
);
print('提醒首次运行（发送）', first, `  ${JSON.stringify(result)}`);
const again = await phase(
  async () => {
    result = await runReminders(remindAt);
  },
  { minMs: 0, repeat: false },
);
print('提醒再次运行（无新消息）', again, `  ${JSON.stringify(result)}`);

await app.close();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
