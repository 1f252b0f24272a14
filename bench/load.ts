/**
 * npm run bench:load — month-end load through the production arrangement: scripts/cluster.sh (nginx → three
 * `serve` processes → PostgreSQL) with virtual reporters and planners, each on a session of its own.
 *
 * Reporters read their inbox and save report drafts on the tasks of their unit; planners read the plan list,
 * the plan's dashboard, the inbox of all units and the organisation list. Every acknowledged draft save is checked
 * afterwards against the database as the API returns it (nothing acknowledged may be lost). Prints req/s, p50/p99 for
 * reads and writes and the errors; never fails on figures.
 *
 * LOAD_REPORTERS (default 500), LOAD_PLANNERS (20), LOAD_SECONDS (60); KC_URL uses a running cluster (the
 * demo password in KC_DEMO_PASSWORD), otherwise the script starts one and stops it afterwards. On a busy machine the
 * figures mean little: measure on a quiet one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const reporters = Number(process.env.LOAD_REPORTERS ?? 500);
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
if (!url) {
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
const error = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);

async function call(s: Session | null, method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${url}${p}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  (method === 'GET' ? lat.read : lat.write).push(performance.now() - t0);
  return { status: res.status, json: text ? JSON.parse(text) : null };
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
        const rid = (r.json as { id: number }).id;
        if (!acked.has(rid)) acked.set(rid, new Set());
        acked.get(rid)?.add(narrative);
      } else if (r.status !== 409) error(`draft ${r.status} ${(r.json as { code?: string })?.code ?? ''}`);
    }
  }
}

async function plannerLoop(s: Session) {
  const plans = await call(s, 'GET', '/api/plans');
  const planId = ((plans.json as { items?: { id: number }[] })?.items ?? (plans.json as { id: number }[]) ?? [])[0]?.id;
  while (Date.now() < until) {
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
  await Promise.all([...rs.map((s, i) => reporterLoop(s, i)), ...ps.map((s) => plannerLoop(s))]);
  const elapsed = (Date.now() - t0) / 1000;

  // every acknowledged save is there: the draft's narrative is one of those acknowledged for it
  let lost = 0;
  const checker = ps[0] ?? rs[0];
  for (const [rid, narratives] of acked) {
    const r = await call(checker as Session, 'GET', `/api/plan-reports/${rid}`);
    const narrative = (r.json as { narrative?: string })?.narrative;
    if (r.status !== 200 || !narrative || !narratives.has(narrative)) lost++;
  }
  const total = lat.read.length + lat.write.length;
  console.log(
    `\nbench:load — ${reporters} reporters, ${planners} planners, ${elapsed.toFixed(0)} s through ${url}; load average ${load0.toFixed(1)} at start (busy machine: figures not meaningful)`,
  );
  console.log(`requests ${total} (${(total / elapsed).toFixed(0)} req/s), errors ${[...errors.values()].reduce((a, b) => a + b, 0)}`);
  console.log(`reads  ${lat.read.length}: p50 ${pct(lat.read, 0.5).toFixed(0)} ms, p99 ${pct(lat.read, 0.99).toFixed(0)} ms`);
  console.log(`writes ${lat.write.length}: p50 ${pct(lat.write, 0.5).toFixed(0)} ms, p99 ${pct(lat.write, 0.99).toFixed(0)} ms`);
  console.log(`drafts acknowledged ${acked.size}, lost ${lost}`);
  for (const [k, n] of errors) console.log(`  error ${k}: ${n}`);
  console.log(`goal: 0 errors, 0 lost writes, p99 < 300 ms for reads and writes`);
} finally {
  if (started) execFileSync(path.join(root, 'scripts/cluster.sh'), ['stop'], { stdio: 'inherit' });
}
