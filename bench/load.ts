/**
 * npm run bench:load — month-end load through the production arrangement: scripts/cluster.sh (nginx → three
 * `serve` processes → PostgreSQL) with virtual reporters and planners, each on a session of its own; or, with
 * LOAD_DB=embedded, one `serve` process on the embedded database (default 100 reporters).
 *
 * Reporters read their inbox and save report drafts on the tasks of their unit; every fourth save also attaches a
 * small evidence file and submits the report. Planners read the plan list, the plan's dashboard, the inbox of all
 * units and the organisation list, and accept the oldest submitted report of the review queue; one planner starts a
 * progress bulletin once a minute (a background job) and follows it to its end. Every acknowledged draft save and
 * submission is checked afterwards against the database as the API returns it (nothing acknowledged may be lost).
 * Prints req/s, p50/p99 for reads and writes, the bulletins and the errors; never fails on figures.
 *
 * LOAD_REPORTERS (default 500; embedded 100), LOAD_PLANNERS (20), LOAD_SECONDS (60); KC_URL uses a running cluster
 * (the demo password in KC_DEMO_PASSWORD), otherwise the script starts one and stops it afterwards. On a busy
 * machine the figures mean little: measure on a quiet one.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess, stopProcess } from './harness.ts';

const embedded = process.env.LOAD_DB === 'embedded';
const reporters = Number(process.env.LOAD_REPORTERS ?? (embedded ? 100 : 500));
const planners = Number(process.env.LOAD_PLANNERS ?? 20);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const root = path.resolve(import.meta.dirname, '..');
const clusterDir = process.env.KC_CLUSTER_DIR ?? '/tmp/kc-cluster';

function readEnv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

let started = false;
let url = process.env.KC_URL;
let password = process.env.KC_DEMO_PASSWORD ?? '';
let single: ChildProcess | undefined;
let singleDir: string | undefined;
if (embedded) {
  singleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-'));
  password = 'LoadDemo2026';
  const port = 18640;
  console.log('starting one serve process on the embedded database with the demo …');
  single = await startProcess(
    ['apps/server/bin/kechuang.js', '--data', singleDir, 'serve', '--demo', '--demo-password', password, '--port', String(port), '--quiet'],
    '科创已启动',
    { DATABASE_URL: '' },
  );
  url = `http://127.0.0.1:${port}`;
} else if (!url) {
  if (!fs.existsSync(path.join(clusterDir, 'env'))) {
    console.log('starting scripts/cluster.sh …');
    execFileSync(path.join(root, 'scripts/cluster.sh'), ['start'], { stdio: 'inherit' });
    started = true;
  }
  const env = readEnv(path.join(clusterDir, 'env'));
  url = env.KC_URL;
  password = env.KC_DEMO_PASSWORD ?? '';
}

interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

const lat = { read: [] as number[], write: [] as number[] };
const errors = new Map<string, number>();
const acked = new Map<number, Set<string>>(); // report id → narratives acknowledged
const submitted = new Map<number, string>(); // report id → the narrative it was submitted with
const accepted = new Set<number>();
const bulletins: Array<{ startMs: number; doneMs: number | null; status: string }> = [];
const error = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);

async function call(s: Session | null, method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown; ms: number }> {
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
  const raw = body instanceof Uint8Array;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  const t0 = performance.now();
  const payload = body === undefined ? {} : { body: raw ? (body as Uint8Array) : JSON.stringify(body) };
  const res = await fetch(`${url}${p}`, { method, headers, ...payload });
  const text = await res.text();
  const ms = performance.now() - t0;
  (method === 'GET' ? lat.read : lat.write).push(ms);
  return { status: res.status, json: text ? JSON.parse(text) : null, ms };
}

async function signIn(username: string): Promise<Session> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status === 200) {
      const json = (await res.json()) as { csrfToken: string };
      return { username, cookie: (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string, csrf: json.csrfToken };
    }
    if (attempt > 5) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

type InboxItem = { nodeId: number; slots: { period: string; state: string; reportId: number | null }[] };

/** when the run ends; set once every virtual user is signed in */
let until = 0;
let seq = 0;

async function reporterLoop(s: Session, id: number) {
  while (Date.now() < until) {
    const inbox = await call(s, 'GET', '/api/plan-inbox?pageSize=20');
    if (inbox.status !== 200) {
      error(`inbox ${inbox.status}`);
      continue;
    }
    const open = (x: { state: string }) => ['returned', 'overdue', 'due_soon', 'draft', 'upcoming'].includes(x.state);
    const items = ((inbox.json as { items?: InboxItem[] }).items ?? []).filter((i) => i.slots.some(open));
    const item = items[id % Math.max(1, items.length)];
    const slot = item?.slots.find(open);
    if (item && slot) {
      const narrative = `第${id}号填报人第${++seq}次保存`;
      const r = await call(s, 'POST', '/api/plan-reports', { nodeId: item.nodeId, period: slot.period, narrative, percent: seq % 100 });
      if (r.status === 200 || r.status === 201) {
        const saved = r.json as { id: number; rowVersion: number };
        if (!acked.has(saved.id)) acked.set(saved.id, new Set());
        acked.get(saved.id)?.add(narrative);
        if (seq % 4 === 0) await attachAndSubmit(s, saved, narrative);
      } else if (r.status !== 409) error(`draft ${r.status} ${(r.json as { code?: string })?.code ?? ''}`);
    }
  }
}

const evidence = new TextEncoder().encode('本月进展：完成现场核查 3 次，形成会议纪要 1 份。\n'.repeat(40));

/** A small evidence file on the draft, then the submission (another save in between is a conflict, not an error). */
async function attachAndSubmit(s: Session, saved: { id: number; rowVersion: number }, narrative: string) {
  const before = await call(s, 'GET', `/api/plan-reports/${saved.id}`);
  const draft = before.json as { status?: string; attachments?: unknown[] };
  if (before.status !== 200 || draft.status !== 'draft') return; // submitted by a colleague meanwhile
  if ((draft.attachments ?? []).length === 0) {
    const file = await call(
      s,
      'POST',
      `/api/plan-reports/${saved.id}/attachments?filename=${encodeURIComponent('进展佐证.txt')}`,
      evidence,
    );
    if (file.status !== 200) {
      if (file.status !== 409) error(`attachment ${file.status} ${(file.json as { code?: string })?.code ?? ''}`);
      return;
    }
  }
  const current = await call(s, 'GET', `/api/plan-reports/${saved.id}`);
  const rowVersion = (current.json as { rowVersion?: number })?.rowVersion;
  if (current.status !== 200 || rowVersion === undefined) return error(`report ${current.status}`);
  const sub = await call(s, 'POST', `/api/plan-reports/${saved.id}/submit`, { rowVersion });
  if (sub.status === 200) submitted.set(saved.id, (sub.json as { narrative?: string }).narrative ?? narrative);
  else if (sub.status !== 409) error(`submit ${sub.status} ${(sub.json as { code?: string })?.code ?? ''}`);
}

/** The planner reviews: the oldest submitted report of the queue is accepted (another planner first: a conflict). */
async function review(s: Session, planId: number, k: number) {
  const q = await call(s, 'GET', `/api/plans/${planId}/review-queue?pageSize=5`);
  if (q.status !== 200) return error(`review-queue ${q.status}`);
  const items = (q.json as { items: Array<{ reportId: number; rowVersion: number }> }).items;
  const item = items[k % Math.max(1, items.length)];
  if (!item) return;
  const r = await call(s, 'POST', `/api/plan-reports/${item.reportId}/accept`, { rowVersion: item.rowVersion, comment: '' });
  if (r.status === 200) accepted.add(item.reportId);
  else if (r.status !== 409) error(`accept ${r.status} ${(r.json as { code?: string })?.code ?? ''}`);
}

/** One bulletin a minute, started as a job and followed to its end. */
async function bulletinLoop(s: Session, planId: number) {
  let n = 0;
  while (Date.now() < until) {
    const next = Date.now() + 60_000;
    const t0 = performance.now();
    const r = await call(s, 'POST', `/api/plans/${planId}/bulletins`, { periodLabel: `压力测试第${++n}期` });
    const entry = { startMs: r.ms, doneMs: null as number | null, status: String(r.status) };
    bulletins.push(entry);
    if (r.status === 202) {
      const jobId = (r.json as { id: number }).id;
      for (;;) {
        await new Promise((res) => setTimeout(res, 250));
        const j = await call(s, 'GET', `/api/jobs/${jobId}`);
        const status = (j.json as { status?: string })?.status ?? String(j.status);
        if (status === 'succeeded' || status === 'failed' || j.status !== 200) {
          entry.status = status;
          entry.doneMs = performance.now() - t0;
          break;
        }
      }
    } else if (r.status === 200 || r.status === 201) entry.doneMs = r.ms;
    else error(`bulletin ${r.status}`);
    if (entry.status === 'failed') error('bulletin job failed');
    while (Date.now() < Math.min(next, until)) await new Promise((res) => setTimeout(res, 200));
  }
}

async function plannerLoop(s: Session, k: number) {
  const plans = await call(s, 'GET', '/api/plans');
  const planId = ((plans.json as { items?: { id: number }[] })?.items ?? (plans.json as { id: number }[]) ?? [])[0]?.id;
  const bulletin = k === 0 && planId ? bulletinLoop(s, planId) : Promise.resolve();
  while (Date.now() < until) {
    if (planId) await review(s, planId, k);
    for (const p of [
      planId ? `/api/plans/${planId}/dashboard` : '/api/plans',
      '/api/plan-inbox?pageSize=50',
      '/api/orgs?pageSize=20',
      '/api/plans',
    ]) {
      const r = await call(s, 'GET', p);
      if (r.status !== 200) error(`planner GET ${p.split('?')[0]} ${r.status}`);
    }
  }
  await bulletin;
}

const pct = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

try {
  const reporterAccounts = ['reporter.hengnan', 'reporter.leiyang'];
  const plannerAccounts = ['planner'];
  console.log(`signing in ${reporters} reporters and ${planners} planners …`);
  const rs: Session[] = [];
  const ps: Session[] = [];
  // sign-ins are slow on purpose (password hashing): a few at a time
  for (let i = 0; i < reporters + planners; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, reporters + planners - i) }, async (_, k) => {
        const n = i + k;
        if (n < reporters) rs[n] = await signIn(reporterAccounts[n % reporterAccounts.length] as string);
        else ps[n - reporters] = await signIn(plannerAccounts[(n - reporters) % plannerAccounts.length] as string);
      }),
    );
  }
  const load0 = os.loadavg()[0] ?? 0;
  const t0 = Date.now();
  until = t0 + seconds * 1000;
  await Promise.all([...rs.map((s, i) => reporterLoop(s, i)), ...ps.map((s, k) => plannerLoop(s, k))]);
  const elapsed = (Date.now() - t0) / 1000;

  // every acknowledged save is there: the draft's narrative is one of those acknowledged for it
  let lost = 0;
  const checker = ps[0] ?? rs[0];
  for (const [rid, narratives] of acked) {
    const r = await call(checker as Session, 'GET', `/api/plan-reports/${rid}`);
    const narrative = (r.json as { narrative?: string })?.narrative;
    if (r.status !== 200 || !narrative || !narratives.has(narrative)) lost++;
  }
  // every acknowledged submission is submitted (or accepted since) with the narrative it was submitted with
  let lostSubmissions = 0;
  for (const [rid, narrative] of submitted) {
    const r = await call(checker as Session, 'GET', `/api/plan-reports/${rid}`);
    const body = r.json as { narrative?: string; status?: string };
    if (r.status !== 200 || body.narrative !== narrative || !['submitted', 'accepted'].includes(body.status ?? '')) lostSubmissions++;
  }
  let lostAccepts = 0;
  for (const rid of accepted) {
    const r = await call(checker as Session, 'GET', `/api/plan-reports/${rid}`);
    if ((r.json as { status?: string })?.status !== 'accepted') lostAccepts++;
  }
  const total = lat.read.length + lat.write.length;
  console.log(
    `\nbench:load — ${reporters} reporters, ${planners} planners, ${elapsed.toFixed(0)} s through ${url} (${embedded ? 'one process, embedded database' : 'nginx, processes, PostgreSQL'}); load average ${load0.toFixed(1)} at start`,
  );
  console.log(`requests ${total} (${(total / elapsed).toFixed(0)} req/s), errors ${[...errors.values()].reduce((a, b) => a + b, 0)}`);
  console.log(`reads  ${lat.read.length}: p50 ${pct(lat.read, 0.5).toFixed(0)} ms, p99 ${pct(lat.read, 0.99).toFixed(0)} ms`);
  console.log(`writes ${lat.write.length}: p50 ${pct(lat.write, 0.5).toFixed(0)} ms, p99 ${pct(lat.write, 0.99).toFixed(0)} ms`);
  console.log(
    `drafts acknowledged ${acked.size}, lost ${lost}; submissions ${submitted.size}, lost ${lostSubmissions}; accepted ${accepted.size}, lost ${lostAccepts}`,
  );
  const done = bulletins.filter((b) => b.doneMs !== null);
  console.log(
    `bulletins ${bulletins.length}: started in ${bulletins.map((b) => `${b.startMs.toFixed(0)} ms`).join(' / ') || '—'}; finished ${done.length} (${done.map((b) => `${((b.doneMs as number) / 1000).toFixed(1)} s ${b.status}`).join(' / ') || '—'})`,
  );
  for (const [k, n] of errors) console.log(`  error ${k}: ${n}`);
  console.log(`goal: 0 errors, 0 lost writes, p99 < ${embedded ? 500 : 300} ms for reads and writes`);
} finally {
  if (started) execFileSync(path.join(root, 'scripts/cluster.sh'), ['stop'], { stdio: 'inherit' });
  await stopProcess(single);
  if (singleDir) fs.rmSync(singleDir, { recursive: true, force: true });
}
