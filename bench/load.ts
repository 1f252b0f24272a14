/**
 * npm run bench:load — a city's month end through the production arrangement: scripts/cluster.sh (nginx → three
 * `serve` processes → PostgreSQL) with 500 virtual reporters and 20 planners; or, with LOAD_DB=embedded, one
 * `serve` process on the embedded database (default 100 reporters).
 *
 * The data (bench/load-dataset.ts): a published plan of this year with LOAD_TASKS (3000) monthly tasks, one
 * responsible unit per virtual reporter leading its share of them, each reporter its own account in its own
 * unit, the earlier months accepted and the month that ended last open (a few reports awaiting review, a few
 * drafts). Written straight into the database before the load starts.
 *
 * Each reporter works like a person at a desk, pausing LOAD_THINK_MS (1000-5000: a random pause in that range;
 * 0: back to back) between requests: reads 我的任务, takes its most urgent task, opens or starts the report,
 * saves the draft once or twice, attaches a small evidence file, reads the report back and submits it; then the
 * next task. Planners (each looking after a share of the units) read the plan's dashboard, the review queue,
 * open the oldest report of their share and accept it, and read the inbox of all units and of one unit; one of
 * them starts a progress bulletin once a minute (a background job) and follows it to its end. Every
 * acknowledged write (draft saves, attachments, submissions, acceptances) is checked afterwards through the API:
 * nothing acknowledged may be lost. Any answer that is not 2xx is counted by route and printed.
 * Prints req/s, p50/p99 for reads and writes and per route, the CPU time of the serving processes, PostgreSQL,
 * nginx and the load generator itself (per request: it does not depend on the machine's other load), the
 * bulletins, the errors and the load average; never fails on figures.
 *
 * The same mix runs LOAD_WARMUP seconds (default 20; 0: none) before the measured LOAD_SECONDS: the processes have
 * just been started, and the first seconds of a process measure the engine compiling its code; the warm-up's
 * p99 and its errors are printed apart (errors count against the goal). The first bulletin starts 5 s into the
 * measured run.
 *
 * LOAD_REPORTERS (default 500; embedded 100), LOAD_PLANNERS (20), LOAD_SECONDS (60), LOAD_TASKS (3000),
 * LOAD_THINK_MS, LOAD_BULLETIN_EVERY (60 seconds; 0: none); KC_URL + DATABASE_URL use a running cluster (scripts/cluster.sh start; its env file is read when
 * KC_URL is unset, KC_CLUSTER_DIR, default /tmp/kc-cluster), otherwise the script starts one and stops it
 * afterwards. LOAD_PROFILE=1 runs the server processes under node --cpu-prof and prints where their time went
 * (on the cluster only when the script starts it).
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, loadDemo, noCache } from '../packages/core/src/index.ts';
import { openDb } from '../packages/db/src/index.ts';
import { cpuSeconds, startProcess, stopProcess } from './harness.ts';
import { describeLoadDataset, generateLoadDataset, type LoadDataset } from './load-dataset.ts';

const embedded = process.env.LOAD_DB === 'embedded';
const reporters = Number(process.env.LOAD_REPORTERS ?? (embedded ? 100 : 500));
const planners = Number(process.env.LOAD_PLANNERS ?? 20);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const tasks = Number(process.env.LOAD_TASKS ?? 3000);
const [thinkMin, thinkMax] = (process.env.LOAD_THINK_MS ?? '1000-5000').split('-').map(Number) as [number, number?];
const profile = process.env.LOAD_PROFILE === '1';
const bulletinEvery = Number(process.env.LOAD_BULLETIN_EVERY ?? 60);
const root = path.resolve(import.meta.dirname, '..');
const clusterDir = process.env.KC_CLUSTER_DIR ?? '/tmp/kc-cluster';
const password = 'LoadBench2026';
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

function readEnv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

const loadBefore = loadavg();
let started = false;
let url = process.env.KC_URL;
let single: ChildProcess | undefined;
let singleDir: string | undefined;
let profileDir: string | undefined;
let dataset: LoadDataset;
/** the server processes whose CPU time is measured */
let serverPids: number[] = [];
let serverSpawnedAt = 0;
const t0Setup = performance.now();
if (embedded) {
  singleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-'));
  console.log('loading the demo and the month-end dataset into an embedded database …');
  const database = await openDb({ dataDir: singleDir });
  const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench' };
  await loadDemo(ctx, { password });
  dataset = await generateLoadDataset(database.db, { units: reporters, tasks, planners, password });
  console.log(
    `dataset: ${await describeLoadDataset(database.db, dataset.planId)} (${((performance.now() - t0Setup) / 1000).toFixed(0)} s)`,
  );
  await database.close();
  const port = 18640;
  if (profile) profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-prof-'));
  serverSpawnedAt = performance.now();
  single = await startProcess(
    [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      'apps/server/bin/kechuang.js',
      '--data',
      singleDir,
      'serve',
      '--port',
      String(port),
      '--quiet',
    ],
    '科创已启动',
    // profiled from the sources themselves (not the bundle), so the profile names our files
    { DATABASE_URL: '', ...(profileDir ? { KECHUANG_BUNDLE: 'off' } : {}) },
  );
  serverPids = single.pid ? [single.pid] : [];
  url = `http://127.0.0.1:${port}`;
} else {
  let databaseUrl = process.env.DATABASE_URL;
  if (!url) {
    if (!fs.existsSync(path.join(clusterDir, 'env'))) {
      console.log('starting scripts/cluster.sh …');
      if (profile) profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-prof-'));
      serverSpawnedAt = performance.now();
      execFileSync(path.join(root, 'scripts/cluster.sh'), ['start', '--demo-password', password], {
        stdio: 'inherit',
        // profiled from the sources themselves (not the bundle), so the profiles name our files
        env: { ...process.env, ...(profileDir ? { KC_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir}`, KECHUANG_BUNDLE: 'off' } : {}) },
      });
      started = true;
    }
    const env = readEnv(path.join(clusterDir, 'env'));
    url = env.KC_URL;
    databaseUrl = env.DATABASE_URL;
    serverPids = fs
      .readdirSync(clusterDir)
      .filter((f) => /^serve-\d+\.pid$/.test(f))
      .map((f) => Number(fs.readFileSync(path.join(clusterDir, f), 'utf8')));
  }
  if (!databaseUrl) throw new Error('DATABASE_URL of the cluster is needed to write the dataset');
  console.log('writing the month-end dataset into PostgreSQL …');
  const database = await openDb({ databaseUrl, migrate: false });
  dataset = await generateLoadDataset(database.db, { units: reporters, tasks, planners, password }).catch((e: unknown) => {
    // a cluster started here does not outlive a failed setup
    if (started) execFileSync(path.join(root, 'scripts/cluster.sh'), ['stop'], { stdio: 'inherit' });
    throw e;
  });
  console.log(
    `dataset${dataset.reused ? ' (already there, reused)' : ''}: ${await describeLoadDataset(database.db, dataset.planId)} (${((performance.now() - t0Setup) / 1000).toFixed(0)} s)`,
  );
  await database.close();
}
const planId = dataset.planId;

/** A process and its children (PostgreSQL's backends, nginx's workers), by pid. */
function withChildren(pid: number): number[] {
  const out = [pid];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
const pidIn = (file: string) => (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null);
/** CPU seconds of each group of processes that serves the run, summed over the pids alive now */
function cpuByGroup(): Record<string, number> {
  // with their bulletin render processes
  const groups: Record<string, number[]> = { 'serve processes': serverPids.flatMap(withChildren) };
  if (!embedded && !process.env.KC_URL) {
    const pg = pidIn(path.join(clusterDir, 'primary/postmaster.pid'));
    const nginx = pidIn(path.join(clusterDir, 'nginx/nginx.pid'));
    if (pg) groups.PostgreSQL = withChildren(pg);
    if (nginx) groups.nginx = withChildren(nginx);
  }
  const out: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) out[name] = pids.map((p) => cpuSeconds(p) ?? 0).reduce((a, b) => a + b, 0);
  const own = process.cpuUsage();
  out['this load generator'] = (own.user + own.system) / 1e6;
  return out;
}

// ── measuring ────────────────────────────────────────────────────────────────────────────────────

interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

interface RouteStats {
  ms: number[];
  statuses: Map<string, number>;
}
const lat = { read: [] as number[], write: [] as number[] };
/** the same, of the requests that started while no bulletin job was running */
const latQuiet = { read: [] as number[], write: [] as number[] };
let bulletinRunning = false;
const routes = new Map<string, RouteStats>();
const routeOf = (name: string) => {
  let r = routes.get(name);
  if (!r) {
    r = { ms: [], statuses: new Map() };
    routes.set(name, r);
  }
  return r;
};

/** the run is on: latencies count (the sign-ins before and the checks after do not) */
let measuring = false;
let runStart = 0;
/** requests slower than this, by the second of the run they started in: when the stalls were */
const slowMs = 500;
const slowBySecond = new Map<number, number>();
/** the warm-up before the run: its latencies, and its answers that were not 2xx (they count as errors too) */
const warmupSeconds = Number(process.env.LOAD_WARMUP ?? 20);
let warming = false;
const warm = { read: [] as number[], write: [] as number[], errors: 0 };
/** when the run ends; set once every virtual user is signed in */
let until = 0;

async function call(
  s: Session | null,
  route: string,
  method: string,
  p: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; ms: number }> {
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
  const raw = body instanceof Uint8Array;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  const t0 = performance.now();
  const busyAtStart = bulletinRunning;
  let status = 0;
  let json: unknown = null;
  try {
    const res = await fetch(`${url}${p}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: raw ? (body as Uint8Array) : JSON.stringify(body) }),
    });
    status = res.status;
    const text = await res.text();
    json = text ? JSON.parse(text) : null;
  } catch {
    status = 0; // the connection failed
  }
  const ms = performance.now() - t0;
  if (warming) {
    (method === 'GET' ? warm.read : warm.write).push(ms);
    if (status < 200 || status > 299) warm.errors++;
  }
  if (measuring) {
    (method === 'GET' ? lat.read : lat.write).push(ms);
    if (!busyAtStart) (method === 'GET' ? latQuiet.read : latQuiet.write).push(ms);
    if (ms > slowMs) {
      const second = Math.floor((t0 - runStart) / 1000);
      slowBySecond.set(second, (slowBySecond.get(second) ?? 0) + 1);
    }
    const r = routeOf(`${method} ${route}`);
    r.ms.push(ms);
    if (status < 200 || status > 299) {
      const key = `${status} ${(json as { code?: string } | null)?.code ?? ''}`.trim();
      r.statuses.set(key, (r.statuses.get(key) ?? 0) + 1);
    }
  }
  return { status, json, ms };
}
const ok = (r: { status: number }) => r.status >= 200 && r.status <= 299;

async function signIn(username: string): Promise<Session> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status === 200) {
      const json = (await res.json()) as { csrfToken: string };
      const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string;
      return { username, cookie, csrf: json.csrfToken };
    }
    if (attempt > 5) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await sleep(500);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** a person's pause between two requests */
const think = () =>
  sleep(Math.max(0, Math.min(until - Date.now(), thinkMax === undefined ? thinkMin : thinkMin + Math.random() * (thinkMax - thinkMin))));
const running = () => Date.now() < until;

// ── what was acknowledged ────────────────────────────────────────────────────────────────────────

interface Acked {
  narrative: string;
  attachments: Set<number>;
  submitted: boolean;
  accepted: boolean;
}
const acked = new Map<number, Acked>();
const ackedOf = (id: number) => {
  let a = acked.get(id);
  if (!a) {
    a = { narrative: '', attachments: new Set(), submitted: false, accepted: false };
    acked.set(id, a);
  }
  return a;
};
const counts = { saves: 0, attachments: 0, submissions: 0, accepts: 0 };
const bulletins: Array<{ at: number; startMs: number; doneMs: number | null; status: string }> = [];

// ── reporters ────────────────────────────────────────────────────────────────────────────────────

type Slot = { period: string; state: string; reportId: number | null };
type InboxItem = { nodeId: number; slots: Slot[] };
type Report = { id: number; rowVersion: number; status: string; narrative: string; attachments: { id: number }[] };
const urgent = ['returned', 'overdue', 'due_soon', 'draft'];

const evidence = new TextEncoder().encode('本月进展：完成现场核查 3 次，形成会议纪要 1 份，附工作台账。\n'.repeat(40));

async function reporterLoop(s: Session, id: number) {
  await sleep(Math.random() * (thinkMax ?? thinkMin)); // not everyone at the same instant
  let n = 0;
  while (running()) {
    const inbox = await call(s, 'plan-inbox (own unit)', 'GET', '/api/plan-inbox?pageSize=20');
    if (!ok(inbox)) {
      await think();
      continue;
    }
    const items = ((inbox.json as { items?: InboxItem[] }).items ?? []).filter((i) => i.slots.length > 0);
    // the most urgent task first (the inbox is sorted so); nothing urgent: the next month's report, early
    let item = items.find((i) => i.slots.some((x) => urgent.includes(x.state)));
    let slot = item?.slots.find((x) => urgent.includes(x.state));
    if (!slot) {
      item = items.find((i) => i.slots.some((x) => x.state === 'upcoming'));
      slot = item?.slots.find((x) => x.state === 'upcoming');
    }
    await think();
    if (!item || !slot || !running()) continue;
    let report: Report | undefined;
    if (slot.reportId && slot.state !== 'returned') {
      const r = await call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${slot.reportId}`);
      if (ok(r)) report = r.json as Report;
      await think();
    }
    const saves = 1 + ((id + n++) % 2);
    for (let k = 0; k < saves && running(); k++) {
      const narrative = `第${id + 1}号单位 ${slot.period} 进展：完成第${k + 1}稿（${n}）`;
      const content = { narrative, percent: Math.min(100, 40 + 10 * k + (id % 50)), selfStatus: 'on_track', values: [] };
      const r = report
        ? await call(s, 'plan-reports/:id (save)', 'PATCH', `/api/plan-reports/${report.id}`, { rowVersion: report.rowVersion, ...content })
        : await call(s, 'plan-reports (first save)', 'POST', '/api/plan-reports', { nodeId: item.nodeId, period: slot.period, ...content });
      if (!ok(r)) break;
      report = r.json as Report;
      ackedOf(report.id).narrative = narrative;
      counts.saves++;
      await think();
    }
    if (report?.status !== 'draft' || !running()) continue;
    if (report.attachments.length === 0) {
      const f = await call(
        s,
        'plan-reports/:id/attachments',
        'POST',
        `/api/plan-reports/${report.id}/attachments?filename=${encodeURIComponent(`${slot.period}进展佐证.txt`)}`,
        evidence,
      );
      if (!ok(f)) continue;
      ackedOf(report.id).attachments.add((f.json as { id: number }).id);
      counts.attachments++;
      const back = await call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${report.id}`);
      if (!ok(back)) continue;
      report = back.json as Report;
      await think();
    }
    if (!running()) break;
    const sub = await call(s, 'plan-reports/:id/submit', 'POST', `/api/plan-reports/${report.id}/submit`, {
      rowVersion: report.rowVersion,
    });
    if (ok(sub)) {
      ackedOf(report.id).submitted = true;
      counts.submissions++;
    }
    await think();
  }
}

// ── planners ─────────────────────────────────────────────────────────────────────────────────────

type QueueItem = { reportId: number; orgId: number; rowVersion: number };

/** Planner k looks after the units whose id is k modulo the number of planners: no two accept the same report. */
async function review(s: Session, k: number) {
  const q = await call(s, 'plans/:id/review-queue', 'GET', `/api/plans/${planId}/review-queue?pageSize=50`);
  if (!ok(q)) return;
  const item = (q.json as { items: QueueItem[] }).items.find((i) => i.orgId % planners === k);
  await think();
  if (!item || !running()) return;
  const r = await call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${item.reportId}`);
  if (!ok(r)) return;
  await think();
  const a = await call(s, 'plan-reports/:id/accept', 'POST', `/api/plan-reports/${item.reportId}/accept`, {
    rowVersion: (r.json as Report).rowVersion,
    comment: '同意。',
  });
  if (ok(a)) {
    ackedOf(item.reportId).accepted = true;
    counts.accepts++;
  }
}

/** One bulletin a minute (LOAD_BULLETIN_EVERY seconds; 0: none), started as a job and followed to its end. */
async function bulletinLoop(s: Session) {
  let n = 0;
  // the first 5 s into the measured run
  await sleep(warmupSeconds * 1000 + 5000);
  while (running() && bulletinEvery > 0) {
    const next = Date.now() + bulletinEvery * 1000;
    const t0 = performance.now();
    const r = await call(s, 'plans/:id/bulletins', 'POST', `/api/plans/${planId}/bulletins`, {
      periodLabel: `${dataset.openPeriod} 第${++n}期`,
    });
    const entry = { at: (t0 - runStart) / 1000, startMs: r.ms, doneMs: null as number | null, status: String(r.status) };
    bulletins.push(entry);
    if (r.status === 202) {
      bulletinRunning = true;
      const jobId = (r.json as { id: number }).id;
      for (;;) {
        await sleep(1000);
        const j = await call(s, 'jobs/:id', 'GET', `/api/jobs/${jobId}`);
        const status = (j.json as { status?: string })?.status ?? String(j.status);
        if (status === 'succeeded' || status === 'failed' || !ok(j)) {
          entry.status = status;
          entry.doneMs = performance.now() - t0;
          bulletinRunning = false;
          break;
        }
      }
    }
    while (Date.now() < Math.min(next, until)) await sleep(200);
  }
}

async function plannerLoop(s: Session, k: number, unitIds: number[]) {
  const bulletin = k === 0 ? bulletinLoop(s) : Promise.resolve();
  await sleep(Math.random() * (thinkMax ?? thinkMin));
  let n = 0;
  while (running()) {
    await call(s, 'plans/:id/dashboard', 'GET', `/api/plans/${planId}/dashboard`);
    await think();
    if (!running()) break;
    await review(s, k);
    await think();
    if (!running()) break;
    if (n++ % 2 === 0) await call(s, 'plan-inbox (all units)', 'GET', `/api/plan-inbox?planId=${planId}&pageSize=50`);
    else {
      const unit = unitIds[(k + n * planners) % Math.max(1, unitIds.length)];
      await call(s, 'plan-inbox (one unit)', 'GET', `/api/plan-inbox?planId=${planId}&orgId=${unit}&pageSize=50`);
    }
    await think();
    if (n % 3 === 0 && running()) {
      await call(s, 'plans', 'GET', '/api/plans');
      await think();
    }
  }
  await bulletin;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────

const pct = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
};

async function inBatches<T>(n: number, width: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => f(i + k)))));
  return out;
}

try {
  console.log(`signing in ${reporters} reporters and ${planners} planners (each an account of its own) …`);
  // sign-ins are slow on purpose (password hashing): a few at a time
  const rs = await inBatches(reporters, 8, (i) => signIn(dataset.reporters[i] as string));
  const ps = await inBatches(planners, 8, (i) => signIn(dataset.planners[i] as string));
  const unitsView = await call(ps[0] ?? null, 'plan-inbox (all units)', 'GET', `/api/plan-inbox?planId=${planId}&pageSize=200`);
  const unitIds = [...new Set(((unitsView.json as { items?: { orgId: number }[] })?.items ?? []).map((i) => i.orgId))];

  // the same people at work for LOAD_WARMUP seconds first, counted apart: processes that have just started
  // compile their code as it first runs, which a deployment serving a month end has long done
  const warmStart = Date.now();
  until = warmStart + (warmupSeconds + seconds) * 1000;
  warming = warmupSeconds > 0;
  const loops = Promise.all([...rs.map((s, i) => reporterLoop(s, i)), ...ps.map((s, k) => plannerLoop(s, k, unitIds))]);
  await sleep(warmupSeconds * 1000);
  warming = false;
  const loadStart = loadavg();
  const cpu0 = cpuByGroup();
  const t0 = Date.now();
  runStart = performance.now();
  measuring = true;
  await loops;
  measuring = false;
  const elapsed = (Date.now() - t0) / 1000;
  const cpu1 = cpuByGroup();
  const loadEnd = loadavg();

  // every acknowledged write is there: the draft's last acknowledged narrative, its evidence, its submission, its acceptance
  const checker = ps[0] ?? (rs[0] as Session);
  const lost = { drafts: 0, attachments: 0, submissions: 0, accepts: 0 };
  await inBatches(acked.size, 16, async (i) => {
    const [rid, a] = [...acked.entries()][i] as [number, Acked];
    const r = await call(checker, 'check', 'GET', `/api/plan-reports/${rid}`);
    const body = r.json as Report;
    if (!ok(r)) {
      lost.drafts++;
      return;
    }
    if (a.narrative && body.narrative !== a.narrative) lost.drafts++;
    const files = new Set(body.attachments.map((f) => f.id));
    if ([...a.attachments].some((f) => !files.has(f))) lost.attachments++;
    if (a.submitted && !['submitted', 'accepted'].includes(body.status)) lost.submissions++;
    if (a.accepted && body.status !== 'accepted') lost.accepts++;
  });

  const total = lat.read.length + lat.write.length;
  const errors = [...routes.values()].reduce((n, r) => n + [...r.statuses.values()].reduce((a, b) => a + b, 0), 0);
  const cpu = Object.entries(cpu1)
    .map(([k, v]) => `${k} ${(v - (cpu0[k] ?? 0)).toFixed(1)} s (${(((v - (cpu0[k] ?? 0)) * 1000) / total).toFixed(1)} ms/request)`)
    .join(', ');
  const think = thinkMax === undefined ? `${thinkMin} ms` : `${thinkMin}–${thinkMax} ms`;
  console.log(
    `\nbench:load — ${reporters} reporters (one unit each), ${planners} planners, ${elapsed.toFixed(0)} s through ${url} (${embedded ? 'one process, embedded database' : 'nginx, processes, PostgreSQL'}); pause between requests ${think}`,
  );
  console.log(`plan "${dataset.title}": ${tasks} tasks, open period ${dataset.openPeriod}`);
  console.log(
    `${os.cpus().length} cores; load average (1 / 5 / 15 min) before setup ${loadBefore}, at start ${loadStart}, at end ${loadEnd}`,
  );
  if (warmupSeconds > 0)
    console.log(
      `warm-up ${warmupSeconds} s just before the run (the processes compiling their code as it first runs; not in the figures below): ${warm.read.length + warm.write.length} requests, not 2xx ${warm.errors}; p99 reads ${pct(warm.read, 0.99).toFixed(0)} ms, writes ${pct(warm.write, 0.99).toFixed(0)} ms`,
    );
  console.log(`requests ${total} (${(total / elapsed).toFixed(0)} req/s), not 2xx ${errors}; CPU during the run: ${cpu}`);
  console.log(
    `reads  ${lat.read.length}: p50 ${pct(lat.read, 0.5).toFixed(0)} ms, p99 ${pct(lat.read, 0.99).toFixed(0)} ms; started while no bulletin job ran: ${latQuiet.read.length}, p99 ${pct(latQuiet.read, 0.99).toFixed(0)} ms`,
  );
  console.log(
    `writes ${lat.write.length}: p50 ${pct(lat.write, 0.5).toFixed(0)} ms, p99 ${pct(lat.write, 0.99).toFixed(0)} ms; started while no bulletin job ran: ${latQuiet.write.length}, p99 ${pct(latQuiet.write, 0.99).toFixed(0)} ms`,
  );
  console.log('by route:');
  for (const [name, r] of [...routes.entries()].filter(([n]) => !n.endsWith(' check')).sort((a, b) => b[1].ms.length - a[1].ms.length)) {
    const bad = [...r.statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(
      `  ${name.padEnd(40)} ${String(r.ms.length).padStart(6)}  p50 ${pct(r.ms, 0.5).toFixed(0).padStart(5)} ms  p99 ${pct(r.ms, 0.99).toFixed(0).padStart(5)} ms  max ${Math.max(
        ...r.ms,
      )
        .toFixed(0)
        .padStart(5)} ms${bad ? `  not 2xx: ${bad}` : ''}`,
    );
  }
  console.log(
    `acknowledged: ${counts.saves} draft saves on ${[...acked.values()].filter((a) => a.narrative).length} reports, ${counts.attachments} attachments, ${counts.submissions} submissions, ${counts.accepts} acceptances`,
  );
  console.log(
    `lost: drafts ${lost.drafts}, attachments ${lost.attachments}, submissions ${lost.submissions}, acceptances ${lost.accepts} (checked ${acked.size} reports afterwards)`,
  );
  const done = bulletins.filter((b) => b.doneMs !== null);
  console.log(
    `bulletins ${bulletins.length}: started in ${bulletins.map((b) => `${b.startMs.toFixed(0)} ms`).join(' / ') || '—'}; finished ${done.length} (${done.map((b) => `${((b.doneMs as number) / 1000).toFixed(1)} s ${b.status}`).join(' / ') || '—'})`,
  );
  console.log(
    `bulletins started at ${bulletins.map((b) => `${b.at.toFixed(0)} s`).join(', ') || '—'} of the run; requests slower than ${slowMs} ms by the second they started in: ${
      [...slowBySecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([sec, n]) => `${sec} s: ${n}`)
        .join(', ') || 'none'
    }`,
  );
  if (profile)
    console.log(
      `the run was seconds +${((runStart - serverSpawnedAt) / 1000).toFixed(0)} to +${((runStart - serverSpawnedAt) / 1000 + seconds).toFixed(0)} of the server process (see the profile below)`,
    );
  const goal = embedded ? 500 : 300;
  const met =
    errors + warm.errors === 0 && Object.values(lost).every((x) => x === 0) && pct(lat.read, 0.99) < goal && pct(lat.write, 0.99) < goal;
  console.log(`goal: 0 errors, 0 lost writes, p99 < ${goal} ms for reads and writes — ${met ? 'met' : 'missed'}`);
} finally {
  if (started) execFileSync(path.join(root, 'scripts/cluster.sh'), ['stop'], { stdio: 'inherit' });
  await stopProcess(single);
  if (profileDir) {
    const { summariseProfile } = await import('./load-profile.ts');
    // each process's main thread (the biggest profiles), not the module loader's
    const profiles = fs.readdirSync(profileDir).filter((x) => x.endsWith('.cpuprofile'));
    const biggest = profiles
      .sort((a, b) => fs.statSync(path.join(profileDir as string, b)).size - fs.statSync(path.join(profileDir as string, a)).size)
      .slice(0, embedded ? 1 : 3);
    for (const f of biggest) console.log(summariseProfile(path.join(profileDir, f), root, embedded ? 20 : 12));
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
  if (singleDir) fs.rmSync(singleDir, { recursive: true, force: true });
}
