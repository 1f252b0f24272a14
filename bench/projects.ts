/**
 * npm run bench:projects — the projects module at scale (issue 11), on the embedded database in a temporary
 * data directory: one open call with 5,000 submitted applications and a project bank of 100,000 projects.
 * The server runs in its own process; BENCH_CONNECTIONS (20) concurrent clients here request, in turn, a bare
 * Fastify "hello" (the baseline, measured in the same run), the 项目库 first page, 项目库 searches (title word,
 * region, year, status, sorted by amount) and the call's application list, for BENCH_SECONDS (8) each after a
 * warm-up; p50/p95 and req/s are printed with the ratio to the baseline. Then the whole call's formal check
 * (every automatic check over all applications) is timed BENCH_CHECKS (3) times. Prints figures, never fails
 * on them. BENCH_APPLICATIONS and BENCH_PROJECTS override the sizes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, loadDemo, noCache } from '../packages/core/src/index.ts';
import { openDb } from '../packages/db/src/index.ts';
import { generateProjects } from './projects-dataset.ts';

const applications = Number(process.env.BENCH_APPLICATIONS ?? 5000);
const projects = Number(process.env.BENCH_PROJECTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const checks = Number(process.env.BENCH_CHECKS ?? 3);
const password = 'Bench2026pass';
const root = path.resolve(import.meta.dirname, '..');
const port = 18522;
const barePort = 18521;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-projects-'));
const t0 = performance.now();
const database = await openDb({ dataDir });
const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench' };
await loadDemo(ctx, { password });
const { callId, words } = await generateProjects(database.db, applications, projects);
await database.close();
console.log(`生成 ${applications} 份申报书、${projects} 个项目：${((performance.now() - t0) / 1000).toFixed(1)} s`);

function start(args: string[], ready: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const on = (b: Buffer) => {
      out += b;
      if (out.includes(ready)) resolve(child);
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;

/** `connections` clients requesting back to back for `secs` seconds; latencies of every request. */
async function load(urls: (i: number) => string, headers: Record<string, string>, secs: number) {
  const times: number[] = [];
  const end = performance.now() + secs * 1000;
  let n = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const url = urls(n++);
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        times.push(performance.now() - t);
        if (res.status !== 200) failed++;
      }
    }),
  );
  if (failed > 0) throw new Error(`${urls(0)}: ${failed} requests failed`);
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), rps: times.length / secs };
}

let server: ChildProcess | undefined;
let bare: ChildProcess | undefined;
try {
  server = await start(
    ['apps/server/bin/kechuang.js', '--data', dataDir, 'serve', '--port', String(port), '--quiet', '--no-scheduler'],
    '科创已启动',
    {
      DATABASE_URL: '',
    },
  );
  bare = await start([path.join(root, 'bench/bare-server.mjs')], 'bare ready', { PORT: String(barePort) });
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'planner', password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string;
  const api = `http://127.0.0.1:${port}/api`;
  const regions = ['430405', '430408', '430421', '430481'];
  const targets: Array<[string, (i: number) => string, Record<string, string>]> = [
    ['bare fastify GET /hello（基线）', () => `http://127.0.0.1:${barePort}/hello`, {}],
    ['项目库 首页（10 万个项目）', () => `${api}/projects?pageSize=20`, { cookie }],
    [
      '项目库 检索（题目、地区、年度、状态，按金额排序）',
      (i) =>
        `${api}/projects?pageSize=20&q=${encodeURIComponent(words[i % words.length] as string)}&region=${regions[i % regions.length]}&year=${2015 + (i % 12)}&status=passed&sort=grantedFen&order=desc`,
      { cookie },
    ],
    ['项目库 检索（负责人）', (i) => `${api}/projects?pageSize=20&leader=${encodeURIComponent(`负责人${(i * 7) % 20000}号`)}`, { cookie }],
    [
      '申报书列表（本批次 5000 份，翻页）',
      (i) => `${api}/project-applications?callId=${callId}&pageSize=20&page=${1 + (i % 50)}`,
      { cookie },
    ],
  ];
  console.log(
    `\nbench:projects — ${connections} 个并发连接，每项预热 ${warmupSeconds} s、计时 ${seconds} s；${os.cpus().length} 核，负载 ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}\n`,
  );
  let base = 0;
  let baseP95 = 0;
  for (const [label, urls, headers] of targets) {
    await load(urls, headers, warmupSeconds);
    const r = await load(urls, headers, seconds);
    if (base === 0) {
      base = r.rps;
      baseP95 = r.p95;
    }
    const goal = label.startsWith('bare') ? '' : `（目标 p95 < 50 ms ${r.p95 < 50 ? '达成' : '未达成'}）`;
    console.log(
      `${label.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  与基线之比 ${(r.rps / base).toFixed(2)}（p95 ${(r.p95 / baseP95).toFixed(1)}×）${goal}`,
    );
  }
  const times: number[] = [];
  let summary = '';
  for (let i = 0; i < checks; i++) {
    const t = performance.now();
    const res = await fetch(`${api}/project-calls/${callId}/checks`, { headers: { cookie } });
    const body = (await res.json()) as { checked: number; applications: Array<{ findings: Array<{ kind: string }> }> };
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`checks: ${res.status}`);
    const kinds = new Map<string, number>();
    for (const a of body.applications) for (const f of a.findings) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    summary = `${body.checked} 份，发现 ${[...kinds].map(([k, n]) => `${k} ${n}`).join('、')}`;
  }
  times.sort((a, b) => a - b);
  const median = pct(times, 50);
  console.log(
    `\n形式审查自动检查（整批）            ${times.map((x) => `${(x / 1000).toFixed(2)} s`).join(' / ')}，中位 ${(median / 1000).toFixed(2)} s（目标 < 5 s ${median < 5000 ? '达成' : '未达成'}）；${summary}`,
  );
} finally {
  bare?.kill();
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
