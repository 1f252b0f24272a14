/**
 * npm run bench:http — requests/s and p99 latency of GET /api/health and of an authenticated list
 * endpoint (GET /api/orgs), beside a bare Fastify "hello" server measured in the same run.
 * Each server runs in its own process; the load generator runs here. Prints figures, never fails on them.
 * Goal (issue 2): the authenticated list endpoint at ≥ 0.5 of the bare server's requests/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const warmup = Number(process.env.BENCH_WARMUP ?? 4);
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

async function measure(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
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

  // warm up each target once, then measure
  await autocannon({ url: 'http://127.0.0.1:18501/hello', connections, duration: warmup });
  const base = await measure('http://127.0.0.1:18501/hello');
  await autocannon({ url: 'http://127.0.0.1:18501/payload', connections, duration: warmup });
  const same = await measure('http://127.0.0.1:18501/payload');
  await autocannon({ url: 'http://127.0.0.1:18502/api/health', connections, duration: warmup });
  const health = await measure('http://127.0.0.1:18502/api/health');
  await autocannon({ url: list, connections, duration: warmup, headers: { cookie } });
  const orgs = await measure(list, { cookie });

  const db = process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite';
  console.log(`\nbench:http — ${seconds}s per target, ${connections} connections, ${os.cpus().length} cores, database ${db}\n`);
  console.log('target                              req/s      p99 ms   ratio to bare hello');
  const row = (name: string, r: { rps: number; p99: number }) =>
    console.log(
      `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)}   ${r.p99.toFixed(1).padStart(7)}   ${(r.rps / base.rps).toFixed(2).padStart(6)}`,
    );
  row('bare fastify GET /hello', base);
  row(`bare fastify, same ${fs.statSync(payloadFile).size} B body`, same);
  row('GET /api/health', health);
  row('GET /api/orgs (signed in, list)', orgs);
  const ratio = orgs.rps / base.rps;
  console.log(`\ngoal: list endpoint ≥ 0.50 of bare hello → ${ratio.toFixed(2)} ${ratio >= 0.5 ? '(met)' : '(not met)'}`);
  console.log(`list endpoint against a bare server sending the same body: ${(orgs.rps / same.rps).toFixed(2)}`);
} finally {
  bare?.kill();
  server.kill('SIGTERM');
}
