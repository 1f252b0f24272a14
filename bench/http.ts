/**
 * npm run bench:http — requests/s and p99 latency of GET /api/health and of an authenticated list
 * endpoint (GET /api/orgs), beside a bare Fastify "hello" server measured in the same run.
 * Each server runs in its own process; the load generator runs here. Prints figures, never fails on them.
 * Goal (issue 2): the authenticated list endpoint at ≥ 0.5 of the bare server's requests/s.
 * The targets are measured in turn, BENCH_ROUNDS times over (default 3), and each figure is the median
 * of its rounds, so a burst of other work on the machine does not land on one target only. The server
 * CPU time per request (from /proc, Linux only) is printed too: it does not depend on the load generator.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const warmup = Number(process.env.BENCH_WARMUP ?? 4);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const root = path.resolve(import.meta.dirname, '..');
const password = 'Bench2026pass';

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

/** CPU seconds (user + system, all threads) a process has used so far; null where /proc is missing. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime + stime, in clock ticks (USER_HZ, 100 on Linux)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface Figures {
  rps: number;
  p99: number;
  /** server CPU microseconds per request */
  cpu: number | null;
}

async function measure(url: string, pid: number | undefined, headers: Record<string, string> = {}): Promise<Figures> {
  const before = cpuSeconds(pid);
  const r = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
  const after = cpuSeconds(pid);
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const cpu = before === null || after === null ? null : ((after - before) / r.requests.total) * 1e6;
  return { rps: r.requests.average, p99: r.latency.p99, cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Median of each figure over the rounds. */
function summary(runs: Figures[]): Figures & { all: number[] } {
  const cpus = runs.map((r) => r.cpu).filter((c): c is number => c !== null);
  return {
    rps: median(runs.map((r) => r.rps)),
    p99: median(runs.map((r) => r.p99)),
    cpu: cpus.length ? median(cpus) : null,
    all: runs.map((r) => r.rps),
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
let bare: ChildProcess | undefined;
const server = await start(
  [
    'apps/server/bin/kechuang.js',
    '--data',
    dataDir,
    'serve',
    '--port',
    '18502',
    '--host',
    '127.0.0.1',
    '--quiet',
    '--demo',
    '--demo-password',
    password,
  ],
  '科创已启动',
  process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { DATABASE_URL: '' },
);
try {
  const login = await fetch('http://127.0.0.1:18502/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'planner', password }),
  });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string;
  const list = 'http://127.0.0.1:18502/api/orgs?pageSize=20';
  const listRes = await fetch(list, { headers: { cookie } });
  if (listRes.status !== 200) throw new Error('authenticated list endpoint not reachable');
  const payloadFile = path.join(dataDir, 'payload.json');
  fs.writeFileSync(payloadFile, await listRes.text());
  bare = await start([path.join(root, 'bench/bare-server.mjs')], 'bare ready', { PAYLOAD_FILE: payloadFile });

  const targets: { name: string; url: string; pid: number | undefined; headers: Record<string, string> }[] = [
    { name: 'bare fastify GET /hello', url: 'http://127.0.0.1:18501/hello', pid: bare.pid, headers: {} },
    {
      name: `bare fastify, same ${fs.statSync(payloadFile).size} B body`,
      url: 'http://127.0.0.1:18501/payload',
      pid: bare.pid,
      headers: {},
    },
    { name: 'GET /api/health', url: 'http://127.0.0.1:18502/api/health', pid: server.pid, headers: {} },
    { name: 'GET /api/orgs (signed in, list)', url: list, pid: server.pid, headers: { cookie } },
  ];
  const loadBefore = os.loadavg()[0] ?? 0;
  // warm up each target once, then measure them in turn, round after round
  for (const t of targets) await autocannon({ url: t.url, connections, duration: warmup, headers: t.headers });
  const runs: Figures[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++)
    for (const [i, t] of targets.entries()) runs[i]?.push(await measure(t.url, t.pid, t.headers));
  const [base, same, health, orgs] = runs.map(summary) as [ReturnType<typeof summary>, ...ReturnType<typeof summary>[]];
  if (!base || !same || !health || !orgs) throw new Error('missing figures');

  const db = process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite';
  const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]?.toFixed(1)} after (other work on the machine skews req/s)`;
  console.log(
    `\nbench:http — ${seconds}s per target and round, ${rounds} round(s), median shown; ${connections} connections, ${os.cpus().length} cores, database ${db}\n${load}\n`,
  );
  console.log('target                              req/s      p99 ms   ratio to bare hello   server CPU µs/req   req/s per round');
  const row = (name: string, r: ReturnType<typeof summary>) =>
    console.log(
      `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)}   ${r.p99.toFixed(1).padStart(7)}   ${(r.rps / base.rps).toFixed(2).padStart(19)}   ${(r.cpu === null ? '–' : r.cpu.toFixed(1)).padStart(17)}   ${r.all.map((x) => x.toFixed(0)).join(' ')}`,
    );
  for (const [i, t] of targets.entries()) row(t.name, [base, same, health, orgs][i] as ReturnType<typeof summary>);
  const ratio = orgs.rps / base.rps;
  const perRound = runs[3]?.map((r, i) => (r.rps / (runs[0]?.[i]?.rps ?? Number.NaN)).toFixed(2)).join(' ');
  console.log(
    `\ngoal: list endpoint ≥ 0.50 of bare hello → ${ratio.toFixed(2)} ${ratio >= 0.5 ? '(met)' : '(not met)'}; per round: ${perRound}`,
  );
  console.log(`list endpoint against a bare server sending the same body: ${(orgs.rps / same.rps).toFixed(2)}`);
  console.log(`GET /api/health against bare hello: ${(health.rps / base.rps).toFixed(2)}`);
} finally {
  bare?.kill();
  server.kill('SIGTERM');
}
