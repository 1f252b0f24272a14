/**
 * What the HTTP benchmarks share: starting a server in its own process, a sign-in, `connections` clients
 * requesting back to back, percentiles, the server's CPU time per request (from /proc: it does not depend on the
 * load generator, so it still means something on a busy machine), and the printed row with the ratio to the bare
 * Fastify baseline measured in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Starts `node <args>` in the repository and resolves once its output contains `ready`. */
export function startProcess(args: string[], ready: string, env: Record<string, string> = {}): Promise<ChildProcess> {
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

/** `kechuang serve` on the embedded database in `dataDir`, and the bare Fastify baseline. */
export async function startServers(dataDir: string, port: number, barePort: number) {
  const server = await startProcess(
    ['apps/server/bin/kechuang.js', '--data', dataDir, 'serve', '--port', String(port), '--quiet', '--no-scheduler'],
    '科创已启动',
    { DATABASE_URL: '' },
  );
  const bare = await startProcess([path.join(root, 'bench/bare-server.mjs')], 'bare ready', { PORT: String(barePort) });
  return { server, bare };
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

/** Signs in over HTTP; the session cookie and the CSRF token for writes. */
export async function signIn(api: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf };
}

/** The p-th percentile of sorted samples (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;

/** CPU seconds (user + system, all threads) a process has used so far; null where /proc is missing. */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export interface LoadFigures {
  p50: number;
  p95: number;
  rps: number;
  /** server CPU per request in ms, when the server's pid is known */
  cpuMs: number | null;
}

/** `connections` clients requesting back to back for `secs` seconds; any non-200 answer fails the run. */
export async function loadFor(
  urls: (i: number) => string,
  headers: Record<string, string>,
  secs: number,
  connections: number,
  serverPid?: number,
): Promise<LoadFigures> {
  const times: number[] = [];
  const end = performance.now() + secs * 1000;
  const cpu0 = cpuSeconds(serverPid);
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
  const cpu1 = cpuSeconds(serverPid);
  times.sort((a, b) => a - b);
  const cpuMs = serverPid !== undefined && cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / times.length : null;
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: times.length / secs, cpuMs };
}

export function loadLine(): string {
  return `${os.cpus().length} 核，负载 ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`;
}

export interface Target {
  label: string;
  urls: (i: number) => string;
  headers: Record<string, string>;
  /** the server measured (for its CPU time); none for the baseline */
  pid?: number;
}

/**
 * Measures the targets in turn (the first is the baseline), each after a warm-up, and prints p50/p95, req/s,
 * the ratio to the baseline and the server CPU per request; marks the p95 goal for every other target.
 */
export async function measureTargets(
  targets: Target[],
  opts: { seconds: number; warmupSeconds: number; connections: number; goalP95Ms: number },
): Promise<Map<string, LoadFigures>> {
  const out = new Map<string, LoadFigures>();
  let base: LoadFigures | undefined;
  for (const t of targets) {
    await loadFor(t.urls, t.headers, opts.warmupSeconds, opts.connections, t.pid);
    const r = await loadFor(t.urls, t.headers, opts.seconds, opts.connections, t.pid);
    out.set(t.label, r);
    base ??= r;
    const goal = r === base ? '' : `（目标 p95 < ${opts.goalP95Ms} ms ${r.p95 < opts.goalP95Ms ? '达成' : '未达成'}）`;
    const cpu = r.cpuMs === null ? '' : `  服务端 CPU ${r.cpuMs.toFixed(2)} ms/请求`;
    console.log(
      `${t.label.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  与基线之比 ${(r.rps / base.rps).toFixed(2)}（p95 ${(r.p95 / base.p95).toFixed(1)}×）${cpu}${goal}`,
    );
  }
  return out;
}
