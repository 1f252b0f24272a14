/**
 * What bench:load runs against: one `serve` process on a new embedded database, or scripts/cluster.sh (nginx →
 * three `serve` processes → PostgreSQL), started here unless one is running (its env file) or KC_URL and
 * DATABASE_URL name one; the month-end dataset written into it first. Also the CPU time of the processes that
 * serve the run, and stopping what was started here (with the profiles' summary under LOAD_PROFILE=1).
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, loadDemo, noCache } from '../packages/core/src/index.ts';
import { openDb } from '../packages/db/src/index.ts';
import { cpuSeconds, startProcess, stopProcess } from './harness.ts';
import { describeLoadDataset, generateLoadDataset, type LoadDataset } from './load-dataset.ts';

export interface TargetOptions {
  embedded: boolean;
  units: number;
  tasks: number;
  planners: number;
  password: string;
  /** run the server processes under node --cpu-prof (on the cluster only when it is started here) */
  profile: boolean;
  root: string;
  clusterDir: string;
}

export interface Target {
  url: string;
  dataset: LoadDataset;
  /** performance.now() when the server processes were started here (0: already running) */
  serverSpawnedAt: number;
  /** CPU seconds so far of each group of processes that serves the run, and of this load generator */
  cpuByGroup(): Record<string, number>;
  /** stops what was started here and prints the profiles' summary */
  stop(): Promise<void>;
}

function readEnv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** A process and its children (PostgreSQL's backends, nginx's workers, bulletin render processes), by pid. */
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

export async function startTarget(o: TargetOptions): Promise<Target> {
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(0);
  const clusterScript = path.join(o.root, 'scripts/cluster.sh');
  let started = false;
  let url = process.env.KC_URL;
  let single: ChildProcess | undefined;
  let singleDir: string | undefined;
  let profileDir: string | undefined;
  let dataset: LoadDataset;
  let serverPids: number[] = [];
  let serverSpawnedAt = 0;
  const generate = { units: o.units, tasks: o.tasks, planners: o.planners, password: o.password };
  if (o.embedded) {
    singleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-'));
    console.log('loading the demo and the month-end dataset into an embedded database …');
    const database = await openDb({ dataDir: singleDir });
    const ctx: Ctx = { db: database.db, actor: null, ip: null, now: () => new Date(), cache: noCache, via: 'bench' };
    await loadDemo(ctx, { password: o.password });
    dataset = await generateLoadDataset(database.db, generate);
    console.log(`dataset: ${await describeLoadDataset(database.db, dataset.planId)} (${seconds()} s)`);
    await database.close();
    const port = 18640;
    if (o.profile) profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-prof-'));
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
      if (!fs.existsSync(path.join(o.clusterDir, 'env'))) {
        console.log('starting scripts/cluster.sh …');
        if (o.profile) profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-load-prof-'));
        serverSpawnedAt = performance.now();
        execFileSync(clusterScript, ['start', '--demo-password', o.password], {
          stdio: 'inherit',
          // profiled from the sources themselves (not the bundle), so the profiles name our files
          env: {
            ...process.env,
            ...(profileDir ? { KC_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir}`, KECHUANG_BUNDLE: 'off' } : {}),
          },
        });
        started = true;
      }
      const env = readEnv(path.join(o.clusterDir, 'env'));
      url = env.KC_URL;
      databaseUrl = env.DATABASE_URL;
      serverPids = fs
        .readdirSync(o.clusterDir)
        .filter((f) => /^serve-\d+\.pid$/.test(f))
        .map((f) => Number(fs.readFileSync(path.join(o.clusterDir, f), 'utf8')));
    }
    if (!databaseUrl) throw new Error('DATABASE_URL of the cluster is needed to write the dataset');
    console.log('writing the month-end dataset into PostgreSQL …');
    const database = await openDb({ databaseUrl, migrate: false });
    dataset = await generateLoadDataset(database.db, generate).catch((e: unknown) => {
      // a cluster started here does not outlive a failed setup
      if (started) execFileSync(clusterScript, ['stop'], { stdio: 'inherit' });
      throw e;
    });
    console.log(
      `dataset${dataset.reused ? ' (already there, reused)' : ''}: ${await describeLoadDataset(database.db, dataset.planId)} (${seconds()} s)`,
    );
    await database.close();
  }
  if (!url) throw new Error('no server to load');

  return {
    url,
    dataset,
    serverSpawnedAt,
    cpuByGroup() {
      // with their bulletin render processes
      const groups: Record<string, number[]> = { 'serve processes': serverPids.flatMap(withChildren) };
      if (!o.embedded && !process.env.KC_URL) {
        const pg = pidIn(path.join(o.clusterDir, 'primary/postmaster.pid'));
        const nginx = pidIn(path.join(o.clusterDir, 'nginx/nginx.pid'));
        if (pg) groups.PostgreSQL = withChildren(pg);
        if (nginx) groups.nginx = withChildren(nginx);
      }
      const out: Record<string, number> = {};
      for (const [name, pids] of Object.entries(groups)) out[name] = pids.map((p) => cpuSeconds(p) ?? 0).reduce((a, b) => a + b, 0);
      const own = process.cpuUsage();
      out['this load generator'] = (own.user + own.system) / 1e6;
      return out;
    },
    async stop() {
      if (started) execFileSync(clusterScript, ['stop'], { stdio: 'inherit' });
      await stopProcess(single);
      if (profileDir) {
        const dir = profileDir;
        const { summariseProfile } = await import('./load-profile.ts');
        // each process's main thread (the biggest profiles), not the module loader's
        const biggest = fs
          .readdirSync(dir)
          .filter((x) => x.endsWith('.cpuprofile'))
          .sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)
          .slice(0, o.embedded ? 1 : 3);
        for (const f of biggest) console.log(summariseProfile(path.join(dir, f), o.root, o.embedded ? 20 : 12));
        fs.rmSync(dir, { recursive: true, force: true });
      }
      if (singleDir) fs.rmSync(singleDir, { recursive: true, force: true });
    },
  };
}
