/**
 * npm run bench:http — what a signed-in list request costs, honestly: the hot path (one URL, one session, answered
 * from the process cache) and the paths a province deployment actually runs — distinct queries from many sessions
 * (the list cache misses), and the same with the process cache switched off (every request resolves its session in
 * the database and runs its query) — beside a bare Fastify server measured in the same run.
 *
 * On the embedded database always; on PostgreSQL too when DATABASE_URL is set (a fresh database is created on that
 * server and dropped afterwards). Each server runs in its own process, the load generator here. Targets are measured
 * in turn, BENCH_ROUNDS times (default 2), and the median is shown, so a burst of other work on the machine does not
 * land on one target only. Server CPU time per request (from /proc) is printed: it does not depend on the load
 * generator. BENCH_PROFILE=1 also profiles both servers (node --cpu-prof) over the distinct-query periods and prints
 * where their time went.
 * Prints figures, never fails on them. Goal: an uncached signed-in list — the list's own cache missed, the session
 * resolved from the short-lived process cache that stays correct across processes (or one indexed query) — at
 * ≥ 0.1× bare hello req/s, p99 < 50 ms. The row with the process cache switched off (sessions read from the
 * database on every request too) is printed beside it.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuSeconds, startProcess as start, stopProcess as stop } from './harness.ts';
import { type Floor, measureFloor } from './http-floor.ts';
import { summariseProfile } from './load-profile.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const sessionCount = Number(process.env.BENCH_SESSIONS ?? 60);
const profile = process.env.BENCH_PROFILE === '1';
const root = path.resolve(import.meta.dirname, '..');
const password = 'Bench2026pass';
const users = ['planner', 'admin', 'province', 'reporter.hengnan', 'reporter.leiyang'];

interface Figures {
  rps: number;
  p99: number;
  cpu: number | null;
}

type Shape = { url: string; headers: Record<string, string> } | { base: string; paths: () => string; cookies: string[] };

/** the measured periods on the monotonic clock (µs), to keep only their samples from a CPU profile */
const windows: [number, number][] = [];
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function run(target: Shape, pid: number | undefined, duration: number): Promise<Figures> {
  const before = cpuSeconds(pid);
  const t0 = nowUs();
  const r =
    'url' in target
      ? await autocannon({ url: target.url, connections, duration, headers: target.headers })
      : await autocannon({
          url: target.base,
          connections,
          duration,
          requests: [
            {
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                path: target.paths(),
                headers: {
                  ...req.headers,
                  cookie: target.cookies[Math.floor(Math.random() * target.cookies.length)] as string,
                },
              }),
            },
          ],
        });
  const after = cpuSeconds(pid);
  // the profile keeps the distinct-query periods only: the hot path would hide where a cache miss spends its time
  if (!('url' in target)) windows.push([t0, nowUs()]);
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${'url' in target ? target.url : target.base}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const cpu = before === null || after === null ? null : ((after - before) / r.requests.total) * 1e6;
  return { rps: r.requests.average, p99: r.latency.p99, cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function summary(runs: Figures[]): Figures {
  const cpus = runs.map((r) => r.cpu).filter((c): c is number => c !== null);
  return { rps: median(runs.map((r) => r.rps)), p99: median(runs.map((r) => r.p99)), cpu: cpus.length ? median(cpus) : null };
}

/**
 * Distinct list queries: request n is the n-th combination of the filters a planner uses (a name fragment or
 * none, page size, page, kind, sort, with or without disabled units), counted in mixed radix, so no combination
 * repeats while a server lives (the counter starts again for each server) and every request misses the list
 * cache. The fragments are characters of the organisations' own names, so searches find something.
 */
let counter = 0;
let fragments: string[] = [''];
const kinds = ['', 'park', 'enterprise', 'agency', 'institute'];
const sorts = ['region', 'name', 'createdAt'];
const pageSizes = 41; // 10 … 50
function distinctListPath(): string {
  let n = counter++;
  const digit = (radix: number) => {
    const d = n % radix;
    n = Math.floor(n / radix);
    return d;
  };
  const pageSize = 10 + digit(pageSizes);
  const page = 1 + digit(3);
  const kind = kinds[digit(kinds.length)];
  const sort = sorts[digit(sorts.length)];
  const disabled = digit(2) === 1;
  const q = fragments[digit(fragments.length)];
  return `/api/orgs?pageSize=${pageSize}&page=${page}&sort=${sort}${kind ? `&kind=${kind}` : ''}${disabled ? '&includeDisabled=true' : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
}
/** how many requests can be told apart before a combination comes back */
const distinctCombinations = () => pageSizes * 3 * kinds.length * sorts.length * 2 * fragments.length;

async function signIn(port: number, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: users[i % users.length], password }),
    });
    if (res.status !== 200) throw new Error(`login ${users[i % users.length]}: ${res.status} ${await res.text()}`);
    out.push((res.headers.getSetCookie().find((c) => c.startsWith('kc_session=')) ?? '').split(';')[0] as string);
  }
  return out;
}

interface DbSetup {
  name: string;
  env: Record<string, string>;
  args: string[];
  /** the same database opened in this process, for the floor below HTTP */
  target: { dataDir?: string; databaseUrl?: string };
  cleanup: () => Promise<void>;
}

async function databases(): Promise<DbSetup[]> {
  const out: DbSetup[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
  out.push({
    name: 'pglite',
    env: { DATABASE_URL: '' },
    args: ['--data', dataDir],
    target: { dataDir },
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  });
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `kc_bench_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    out.push({
      name: 'postgres',
      env: { DATABASE_URL: url.toString() },
      args: [],
      target: { databaseUrl: url.toString() },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    });
  }
  return out;
}

const port = 18502;
const loadBefore = os.loadavg()[0] ?? 0;
const payloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-payload-'));
const floors = new Map<string, Floor>();
const floorRequests = Number(process.env.BENCH_FLOOR_REQUESTS ?? 3000);
const results: { db: string; name: string; f: Figures; pid: 'bare' | 'server' }[] = [];
let bare: ChildProcess | undefined;
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-prof-'));

try {
  // BENCH_DB=pglite or postgres measures one database only
  for (const db of (await databases()).filter((x) => !process.env.BENCH_DB || x.name === process.env.BENCH_DB)) {
    try {
      // two servers in turn on the same data: the process cache on (the default), then off
      for (const cache of ['on', 'off'] as const) {
        const node = profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
        const server = await start(
          [
            ...node,
            'apps/server/bin/kechuang.js',
            ...db.args,
            'serve',
            '--port',
            String(port),
            '--host',
            '127.0.0.1',
            '--quiet',
            '--demo',
            '--demo-password',
            password,
          ],
          '科创已启动',
          // profiled from our sources rather than their bundle, so the summary can name our functions
          { ...db.env, KECHUANG_CACHE: cache === 'off' ? 'off' : '', ...(profile ? { KECHUANG_BUNDLE: 'off' } : {}) },
        );
        try {
          const cookies = await signIn(port, sessionCount);
          const hot = `http://127.0.0.1:${port}/api/orgs?pageSize=20`;
          const listRes = await fetch(hot, { headers: { cookie: cookies[0] as string } });
          if (listRes.status !== 200) throw new Error('list endpoint not reachable');
          // name fragments from the organisations the administrator sees; a fresh count for this server's cache
          const all = (await (
            await fetch(`http://127.0.0.1:${port}/api/orgs?pageSize=100&includeDisabled=true`, {
              headers: { cookie: cookies[1] as string },
            })
          ).json()) as {
            items: { name: string }[];
          };
          fragments = ['', ...[...new Set(all.items.flatMap((o) => [...o.name]))].slice(0, 39)];
          counter = 0;
          if (!bare) {
            const payloadFile = path.join(payloadDir, 'payload.json');
            fs.writeFileSync(payloadFile, await listRes.text());
            bare = await start([path.join(root, 'bench/bare-server.mjs')], 'bare ready', { PAYLOAD_FILE: payloadFile });
          }
          const targets: { name: string; shape: Shape; pid: number | undefined; who: 'bare' | 'server' }[] = [
            { name: 'bare fastify GET /hello', shape: { url: 'http://127.0.0.1:18501/hello', headers: {} }, pid: bare.pid, who: 'bare' },
            {
              name: `list, one URL, one session (hot)`,
              shape: { url: hot, headers: { cookie: cookies[0] as string } },
              pid: server.pid,
              who: 'server',
            },
            {
              name: `list, distinct queries, ${sessionCount} sessions`,
              shape: { base: `http://127.0.0.1:${port}`, paths: distinctListPath, cookies },
              pid: server.pid,
              who: 'server',
            },
          ];
          if (cache === 'off') targets.splice(1, 1); // no hot path without a cache
          for (const t of targets) await run(t.shape, t.pid, warmup);
          const runs: Figures[][] = targets.map(() => []);
          for (let round = 0; round < rounds; round++)
            for (const [i, t] of targets.entries()) runs[i]?.push(await run(t.shape, t.pid, seconds));
          if (counter >= distinctCombinations())
            console.log(
              `note: ${counter} distinct-query requests to one server but only ${distinctCombinations()} combinations: some hit the list cache`,
            );
          for (const [i, t] of targets.entries()) {
            results.push({
              db: db.name,
              name: t.who === 'bare' ? t.name : `cache ${cache}: ${t.name}`,
              f: summary(runs[i] ?? []),
              pid: t.who,
            });
          }
        } finally {
          await stop(server);
        }
        if (profile) {
          const f = fs.readdirSync(profileDir).filter((x) => x.endsWith('.cpuprofile'));
          // the main thread's profile, not the module loader's: the one that was busy
          const best = f.sort((a, b) => fs.statSync(path.join(profileDir, b)).size - fs.statSync(path.join(profileDir, a)).size)[0];
          if (best) console.log(`\n[${db.name}, cache ${cache}]${summariseProfile(path.join(profileDir, best), root, 15, windows)}`);
          for (const x of f) fs.rmSync(path.join(profileDir, x));
        }
      }
      // the same distinct queries below HTTP, in this process (the servers are stopped)
      counter = 0;
      floors.set(db.name, await measureFloor(db.target, 'admin', distinctListPath, floorRequests));
    } finally {
      await db.cleanup();
    }
  }
} finally {
  await stop(bare);
  fs.rmSync(payloadDir, { recursive: true, force: true });
  fs.rmSync(profileDir, { recursive: true, force: true });
}

console.log(
  `\nbench:http — ${seconds}s per target and round, ${rounds} round(s), median shown; ${connections} connections, ${os.cpus().length} cores\n` +
    `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]?.toFixed(1)} after (other work on the machine skews req/s: measure on a quiet machine)\n`,
);
console.log(`${'database  target'.padEnd(62)} req/s   p99 ms   × bare hello   server CPU µs/req`);
for (const db of [...new Set(results.map((r) => r.db))]) {
  const bareRuns = results.filter((r) => r.db === db && r.pid === 'bare');
  const base = bareRuns.length ? median(bareRuns.map((r) => r.f.rps)) : Number.NaN;
  for (const r of results.filter((x) => x.db === db)) {
    console.log(
      `${`${db.padEnd(9)} ${r.name}`.padEnd(60)} ${r.f.rps.toFixed(0).padStart(7)}  ${r.f.p99.toFixed(1).padStart(7)}  ${(r.f.rps / base).toFixed(3).padStart(13)}   ${(r.f.cpu === null ? '–' : r.f.cpu.toFixed(0)).padStart(17)}`,
    );
  }
  const miss = results.find((r) => r.db === db && r.name.startsWith('cache on: list, distinct'));
  const off = results.find((r) => r.db === db && r.name.startsWith('cache off'));
  if (miss) {
    const ratio = miss.f.rps / base;
    console.log(
      `${db}: goal uncached signed-in list (list cache missed) ≥ 0.1× bare hello → ${ratio.toFixed(3)} ${ratio >= 0.1 ? '(met)' : '(not met)'}; p99 < 50 ms → ${miss.f.p99.toFixed(1)} ${miss.f.p99 < 50 ? '(met)' : '(not met)'}` +
        (off ? `; with no process cache at all ${(off.f.rps / base).toFixed(3)}×, p99 ${off.f.p99.toFixed(1)} ms` : ''),
    );
  }
  const floor = floors.get(db);
  if (floor) {
    // the cores can run no more requests per second than their database work allows, whatever HTTP adds
    const ceiling = (os.cpus().length * 1e6) / floor.driver;
    console.log(
      `${db}: below HTTP (${floor.requests} of the same distinct queries, one at a time, CPU per request): through the domain layer ${floor.domain.toFixed(0)} µs; ` +
        `the finished SQL through the driver alone ${floor.driver.toFixed(0)} µs${floor.database ? ` (PostgreSQL's processes ${floor.database.toFixed(0)} µs of it)` : ''} → ` +
        `at most ${ceiling.toFixed(0)} req/s on ${os.cpus().length} cores from that alone = ${(ceiling / base).toFixed(3)}× bare hello`,
    );
  }
}
