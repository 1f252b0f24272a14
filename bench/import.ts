/**
 * npm run bench:import — a plan's two large imports on the embedded database, and what they do to everyone else.
 * One `serve` process on a temporary data directory with the demo (the embedded database runs on the server's
 * HTTP thread). The planner creates a BENCH_NODES (5,000) node plan from the importer's confirm step
 * (POST /api/plans) and then imports its .xlsx back with every task title and target value edited
 * (POST /api/plans/:id/xlsx?dryRun=false). Either may answer at once with a background job (202); the import's
 * duration runs from the POST to the plan being there (the job followed at GET /api/jobs/:id every 100 ms).
 * Meanwhile a second client, signed in as another user, reads a cheap endpoint back to back (BENCH_READ, default
 * /api/orgs?pageSize=20); its p50/p99/max during the import are printed beside the same reads with no import
 * running (the baseline, BENCH_BASELINE_SECONDS, measured in the same run). Prints figures, never fails on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TJob, TPlanCreate } from '@kechuang/contracts';
import { generatedPlan } from '@kechuang/core/testing';
import ExcelJS from 'exceljs';
import { percentile, signIn, startProcess, stopProcess } from './harness.ts';

const nodeCount = Number(process.env.BENCH_NODES ?? 5000);
const readPath = process.env.BENCH_READ ?? '/api/orgs?pageSize=20';
const baselineSeconds = Number(process.env.BENCH_BASELINE_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 18650);
const password = 'ImportBench2026';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-import-'));
const base = `http://127.0.0.1:${port}`;
const api = `${base}/api`;

console.log('starting one serve process on the embedded database with the demo …');
const server = await startProcess(
  ['apps/server/bin/kechuang.js', '--data', dir, 'serve', '--demo', '--demo-password', password, '--port', String(port), '--quiet'],
  '科创已启动',
  { DATABASE_URL: '' },
);

/** A plan as the importer's review page confirms it: sections of 19 tasks each, a target on every section's first task. */
const planBody = (nodes: number): TPlanCreate =>
  generatedPlan({ nodes, sectionEvery: 20, title: `衡阳市科技创新工作要点（导入基准 ${nodes} 节点）` });

const planner = await signIn(api, 'planner', password);
const reader = await signIn(api, 'admin', password);
const writeHeaders = { cookie: planner.cookie, 'x-csrf-token': planner.csrf };

/** The second client: reads back to back until `until` resolves; every latency in ms. */
async function readWhile(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const times: number[] = [];
  while (!done) {
    const t = performance.now();
    const res = await fetch(`${api}${readPath.replace(/^\/api/, '')}`, { headers: { cookie: reader.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${readPath}: ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows a job to its end; its result, or throws with its error. */
async function follow(job: TJob): Promise<unknown> {
  for (;;) {
    const res = await fetch(`${api}/jobs/${job.id}`, { headers: { cookie: planner.cookie } });
    const j = (await res.json()) as TJob;
    if (j.status === 'succeeded') return j.result;
    if (j.status === 'failed') throw new Error(`job ${j.id}: ${j.error?.code} ${j.error?.message}`);
    await sleep(100);
  }
}

/** POSTs and, on a 202, follows the job: the answer's latency, the whole duration and the result. */
async function importing(url: string, body: string | Buffer, type: string) {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { ...writeHeaders, 'content-type': type }, body });
  const answerMs = performance.now() - t;
  const json = (await res.json()) as unknown;
  if (res.status !== 200 && res.status !== 202) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
  const result = res.status === 202 ? await follow(json as TJob) : json;
  return { status: res.status, answerMs, totalMs: performance.now() - t, result };
}

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? 0 };
};
type F = ReturnType<typeof fmt>;
function line(label: string, f: F, baseline?: F) {
  const ratio = baseline ? `  与基线之比 p99 ${(f.p99 / baseline.p99).toFixed(1)}×，max ${(f.max / baseline.max).toFixed(1)}×` : '';
  console.log(
    `${label.padEnd(34)} ${String(f.n).padStart(6)} 次  p50 ${f.p50.toFixed(1).padStart(7)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms  max ${f.max.toFixed(0).padStart(6)} ms${ratio}`,
  );
}

try {
  // warm-up, then the baseline: the same reads with nothing else running
  await readWhile(sleep(1000));
  const baseline = fmt(await readWhile(sleep(baselineSeconds * 1000)));
  console.log(
    `负载：${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}（1/5/15 分钟平均，${os.cpus().length} 核）；另一客户端读取 ${readPath}`,
  );
  line('基线（无导入）', baseline);

  // 1. the confirm step of the importer: a plan of nodeCount nodes
  const body = planBody(nodeCount);
  const create = importing(`${api}/plans`, JSON.stringify(body), 'application/json');
  const during1 = fmt(await readWhile(create));
  const c = await create;
  const planId = (c.status === 202 ? (c.result as { plan: { id: number } }).plan.id : (c.result as { id: number }).id) as number;
  console.log(
    `创建计划（${body.nodes.length} 个节点，${body.targets.length} 项指标）：应答 ${c.status} 用时 ${c.answerMs.toFixed(0)} ms，至计划可见共 ${c.totalMs.toFixed(0)} ms`,
  );
  line('  导入期间另一客户端', during1, baseline);

  // 2. the .xlsx round trip: every task title and target value edited, applied
  const exported = await fetch(`${api}/plans/${planId}/xlsx`, { headers: { cookie: planner.cookie } });
  if (exported.status !== 200) throw new Error(`export: ${exported.status}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await exported.arrayBuffer());
  let rows = 0;
  for (const [sheet, column, edit] of [
    ['任务', '任务名称', (v: string) => `${v}（修订）`],
    ['指标', '目标值', (v: string) => String(Number(v) + 1)],
  ] as const) {
    const ws = book.getWorksheet(sheet);
    if (!ws) continue;
    let col = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (cell.value === column) col = n;
    });
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, col);
      cell.value = edit(String(cell.value ?? ''));
      rows++;
    }
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const xlsx = importing(`${api}/plans/${planId}/xlsx?dryRun=false`, bytes, 'application/octet-stream');
  const during2 = fmt(await readWhile(xlsx));
  const x = await xlsx;
  const r = x.result as { tasksUpdated: number; targetsUpdated: number; applied: boolean };
  console.log(
    `导回 .xlsx（${rows} 行，${(bytes.length / 1024).toFixed(0)} KB，更新 ${r.tasksUpdated} 项任务、${r.targetsUpdated} 项指标）：应答 ${x.status} 用时 ${x.answerMs.toFixed(0)} ms，至写入完成共 ${x.totalMs.toFixed(0)} ms`,
  );
  line('  导入期间另一客户端', during2, baseline);
} finally {
  await stopProcess(server);
  fs.rmSync(dir, { recursive: true, force: true });
}
