/**
 * How long `kechuang serve --demo` takes until /api/health answers: a first start on a fresh data directory (the
 * embedded database created, migrations and the national division tree, the demo data) and a second start on the
 * directory the first one left — beside a bare Fastify server started the same way in the same run.
 *
 * Prints figures, never fails on them. Goal on the development machine: second start < 3 s, first start < 10 s.
 * The first run after a change to the sources also builds the start bundle (apps/server/bin/bundle.mjs), and the
 * first new directory ever keeps the empty-database copy (packages/db/src/pglite-template.ts): run it twice to see
 * the steady figures. CPU time is printed beside wall time, which a busy machine stretches.
 *
 *   npm run bench:start            (RUNS=3 by default; KEEP=1 keeps the data directories)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 3);
let port = Number(process.env.PORT_BASE ?? 18700);

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** CPU time the process has used so far (Linux; clock ticks of 10 ms), or NaN: on a shared machine it says more than wall time. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Starts `args` with node and resolves with the milliseconds until `url` answers (and the CPU it took); then stops it. */
async function timeStart(args: string[], url: string): Promise<{ ms: number; cpu: number; output: string }> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATABASE_READ_URL: '', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error(`exited before answering:\n${output}`);
      if (await answers(url)) return { ms: performance.now() - t0, cpu: cpuMs(child.pid), output };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const gone = new Promise((r) => child.once('exit', r));
    if (!exited) child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (!exited) child.kill('SIGKILL');
  }
}

const bin = path.join(root, 'apps/server/bin/kechuang.js');
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const bare: number[] = [];
const first: number[] = [];
const second: number[] = [];
const cpu = { bare: [] as number[], first: [] as number[], second: [] as number[] };
for (let i = 0; i < runs; i++) {
  port++;
  const z = await timeStart([path.join(root, 'bench/bare-server.mjs')], `http://127.0.0.1:${port}/hello`);
  bare.push(z.ms);
  cpu.bare.push(z.cpu);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-start-'));
  const serve = ['--data', dir, 'serve', '--demo', '--demo-password', 'BenchStart2026', '--port', String(++port), '--quiet'];
  const health = `http://127.0.0.1:${port}/api/health`;
  const a = await timeStart([bin, ...serve], health);
  first.push(a.ms);
  cpu.first.push(a.cpu);
  const b = await timeStart([bin, ...serve], health);
  second.push(b.ms);
  cpu.second.push(b.cpu);
  if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `run ${i + 1}: bare ${fmt(bare.at(-1) as number)}  first ${fmt(a.ms)}  second ${fmt(b.ms)}${process.env.KEEP ? `  (${dir})` : ''}`,
  );
  if (i === 0 && process.env.SHOW_OUTPUT) console.log(a.output, b.output);
}

const mb = median(bare);
console.log('\nmedian of %d runs (until /api/health answers):', runs);
console.log(`  bare Fastify start           ${fmt(mb)}`);
console.log(`  first start, demo, fresh dir ${fmt(median(first))}  (${(median(first) / mb).toFixed(1)}× bare; goal < 10 s)`);
console.log(`  second start on that dir     ${fmt(median(second))}  (${(median(second) / mb).toFixed(1)}× bare; goal < 3 s)`);
console.log(
  `CPU time used (median): bare ${fmt(median(cpu.bare))}, first ${fmt(median(cpu.first))}, second ${fmt(median(cpu.second))}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
