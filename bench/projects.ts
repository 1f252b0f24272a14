/**
 * npm run bench:projects — the projects module at scale, on the embedded database in a temporary
 * data directory: one open call with 5,000 submitted applications and a project bank of 100,000 projects.
 * The server runs in its own process; BENCH_CONNECTIONS (20) concurrent clients here request, in turn, a bare
 * Fastify "hello" (the baseline, measured in the same run), the 项目库 first page, 项目库 searches (title word,
 * region, year, status, sorted by amount) and the call's application list, for BENCH_SECONDS (8) each after a
 * warm-up; p50/p95 and req/s are printed with the ratio to the baseline. Then the whole call's formal check
 * (every automatic check over all applications) is timed BENCH_CHECKS (3) times. Prints figures, never fails
 * on them. BENCH_APPLICATIONS and BENCH_PROJECTS override the sizes.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, loadDemo, noCache } from '../packages/core/src/index.ts';
import { openDb } from '../packages/db/src/index.ts';
import { loadLine, measureTargets, percentile, signIn, startServers, stopProcess, type Target } from './harness.ts';
import { generateProjects } from './projects-dataset.ts';

const applications = Number(process.env.BENCH_APPLICATIONS ?? 5000);
const projects = Number(process.env.BENCH_PROJECTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const checks = Number(process.env.BENCH_CHECKS ?? 3);
const password = 'Bench2026pass';
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

let server: ChildProcess | undefined;
let bare: ChildProcess | undefined;
try {
  ({ server, bare } = await startServers(dataDir, port, barePort));
  const api = `http://127.0.0.1:${port}/api`;
  const { cookie } = await signIn(api, 'planner', password);
  const regions = ['430405', '430408', '430421', '430481'];
  const pid = server.pid;
  const targets: Target[] = [
    { label: 'bare fastify GET /hello（基线）', urls: () => `http://127.0.0.1:${barePort}/hello`, headers: {} },
    { label: '项目库 首页（10 万个项目）', urls: () => `${api}/projects?pageSize=20`, headers: { cookie }, pid },
    {
      label: '项目库 检索（题目、地区、年度、状态，按金额排序）',
      urls: (i) =>
        `${api}/projects?pageSize=20&q=${encodeURIComponent(words[i % words.length] as string)}&region=${regions[i % regions.length]}&year=${2015 + (i % 12)}&status=passed&sort=grantedFen&order=desc`,
      headers: { cookie },
      pid,
    },
    {
      label: '项目库 检索（负责人）',
      urls: (i) => `${api}/projects?pageSize=20&leader=${encodeURIComponent(`负责人${(i * 7) % 20000}号`)}`,
      headers: { cookie },
      pid,
    },
    {
      label: '申报书列表（本批次 5000 份，翻页）',
      urls: (i) => `${api}/project-applications?callId=${callId}&pageSize=20&page=${1 + (i % 50)}`,
      headers: { cookie },
      pid,
    },
  ];
  console.log(`\nbench:projects — ${connections} 个并发连接，每项预热 ${warmupSeconds} s、计时 ${seconds} s；${loadLine()}\n`);
  await measureTargets(targets, { seconds, warmupSeconds, connections, goalP95Ms: 50 });
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
  const median = percentile(times, 50);
  console.log(
    `\n形式审查自动检查（整批）            ${times.map((x) => `${(x / 1000).toFixed(2)} s`).join(' / ')}，中位 ${(median / 1000).toFixed(2)} s（目标 < 5 s ${median < 5000 ? '达成' : '未达成'}）；${summary}`,
  );
} finally {
  await stopProcess(bare);
  await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
