/**
 * npm run bench:load — a city's month end through the production arrangement: scripts/cluster.sh (nginx → three
 * `serve` processes → PostgreSQL) with 500 virtual reporters and 20 planners; or, with LOAD_DB=embedded, one
 * `serve` process on the embedded database (default 100 reporters).
 *
 * The data (bench/load-dataset.ts): a published plan of this year with LOAD_TASKS (3000) monthly tasks, one
 * responsible unit per virtual reporter leading its share of them, each reporter its own account in its own
 * unit, the earlier months accepted and the month that ended last open (a few reports awaiting review, a few
 * drafts). Written straight into the database before the load starts.
 *
 * Each reporter works like a person at a desk, pausing LOAD_THINK_MS (1000-5000: a random pause in that range;
 * 0: back to back) between requests: reads 我的任务, takes its most urgent task, opens or starts the report,
 * saves the draft once or twice, attaches a small evidence file, reads the report back and submits it; then the
 * next task. Planners (each looking after a share of the units) read the plan's dashboard, the review queue,
 * open the oldest report of their share and accept it, and read the inbox of all units and of one unit; one of
 * them starts a progress bulletin once a minute (a background job) and follows it to its end. Every
 * acknowledged write (draft saves, attachments, submissions, acceptances) is checked afterwards through the API:
 * nothing acknowledged may be lost. Any answer that is not 2xx is counted by route and printed.
 * Prints req/s, p50/p99 for reads and writes and per route, the CPU time of the serving processes, PostgreSQL,
 * nginx and the load generator itself (per request: it does not depend on the machine's other load), the
 * bulletins, the errors, the load average and this generator's own lateness (when it lags, every request in flight
 * looks slower than it was answered); never fails on figures.
 *
 * The same mix runs LOAD_WARMUP seconds (default 20; 0: none) before the measured LOAD_SECONDS: the processes have
 * just been started, and the first seconds of a process measure the engine compiling its code; the warm-up's
 * p99 and its errors are printed apart (errors count against the goal). The first bulletin starts 5 s into the
 * measured run.
 *
 * LOAD_REPORTERS (default 500; embedded 100), LOAD_PLANNERS (20), LOAD_SECONDS (60), LOAD_TASKS (3000),
 * LOAD_THINK_MS, LOAD_BULLETIN_EVERY (60 seconds; 0: none); KC_URL + DATABASE_URL use a running cluster (scripts/cluster.sh start; its env file is read when
 * KC_URL is unset, KC_CLUSTER_DIR, default /tmp/kc-cluster), otherwise the script starts one and stops it
 * afterwards. LOAD_PROFILE=1 runs the server processes under node --cpu-prof and prints where their time went
 * (on the cluster only when the script starts it).
 */
import os from 'node:os';
import path from 'node:path';
import { Measure, pct, type Session, sleep, slowMs } from './load-measure.ts';
import { startTarget } from './load-target.ts';
import { Crowd, inBatches } from './load-users.ts';

const embedded = process.env.LOAD_DB === 'embedded';
const reporters = Number(process.env.LOAD_REPORTERS ?? (embedded ? 100 : 500));
const planners = Number(process.env.LOAD_PLANNERS ?? 20);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const tasks = Number(process.env.LOAD_TASKS ?? 3000);
const [thinkMin, thinkMax] = (process.env.LOAD_THINK_MS ?? '1000-5000').split('-').map(Number) as [number, number?];
const profile = process.env.LOAD_PROFILE === '1';
const bulletinEvery = Number(process.env.LOAD_BULLETIN_EVERY ?? 60);
const warmupSeconds = Number(process.env.LOAD_WARMUP ?? 20);
const root = path.resolve(import.meta.dirname, '..');
const password = 'LoadBench2026';
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

const loadBefore = loadavg();
const target = await startTarget({
  embedded,
  units: reporters,
  tasks,
  planners,
  password,
  profile,
  root,
  clusterDir: process.env.KC_CLUSTER_DIR ?? '/tmp/kc-cluster',
});
const { url, dataset } = target;
const planId = dataset.planId;
const m = new Measure(url, password);
const crowd = new Crowd(m, { planId, openPeriod: dataset.openPeriod, planners, thinkMin, thinkMax, bulletinEvery, warmupSeconds });

try {
  console.log(`signing in ${reporters} reporters and ${planners} planners (each an account of its own) …`);
  // sign-ins are slow on purpose (password hashing): a few at a time
  const rs = await inBatches(reporters, 8, (i) => m.signIn(dataset.reporters[i] as string));
  const ps = await inBatches(planners, 8, (i) => m.signIn(dataset.planners[i] as string));
  const unitsView = await m.call(ps[0] ?? null, 'plan-inbox (all units)', 'GET', `/api/plan-inbox?planId=${planId}&pageSize=200`);
  const unitIds = [...new Set(((unitsView.json as { items?: { orgId: number }[] })?.items ?? []).map((i) => i.orgId))];

  // the same people at work for LOAD_WARMUP seconds first, counted apart: processes that have just started
  // compile their code as it first runs, which a deployment serving a month end has long done
  const warmStart = Date.now();
  crowd.until = warmStart + (warmupSeconds + seconds) * 1000;
  m.warming = warmupSeconds > 0;
  m.startLag();
  const loops = Promise.all([...rs.map((s, i) => crowd.reporter(s, i)), ...ps.map((s, k) => crowd.planner(s, k, unitIds))]);
  await sleep(warmupSeconds * 1000);
  m.warming = false;
  const loadStart = loadavg();
  const cpu0 = target.cpuByGroup();
  const t0 = Date.now();
  m.runStart = performance.now();
  m.measuring = true;
  await loops;
  m.measuring = false;
  m.stopLag();
  const elapsed = (Date.now() - t0) / 1000;
  const cpu1 = target.cpuByGroup();
  const loadEnd = loadavg();

  const lost = await crowd.lostWrites(ps[0] ?? (rs[0] as Session));
  const { lat, latQuiet, warm, routes, slowBySecond, errors } = m;
  const { counts, acked, bulletins } = crowd;

  const total = lat.read.length + lat.write.length;
  const cpu = Object.entries(cpu1)
    .map(([k, v]) => `${k} ${(v - (cpu0[k] ?? 0)).toFixed(1)} s (${(((v - (cpu0[k] ?? 0)) * 1000) / total).toFixed(1)} ms/request)`)
    .join(', ');
  const think = thinkMax === undefined ? `${thinkMin} ms` : `${thinkMin}–${thinkMax} ms`;
  console.log(
    `\nbench:load — ${reporters} reporters (one unit each), ${planners} planners, ${elapsed.toFixed(0)} s through ${url} (${embedded ? 'one process, embedded database' : 'nginx, processes, PostgreSQL'}); pause between requests ${think}`,
  );
  console.log(`plan "${dataset.title}": ${tasks} tasks, open period ${dataset.openPeriod}`);
  console.log(
    `${os.cpus().length} cores; load average (1 / 5 / 15 min) before setup ${loadBefore}, at start ${loadStart}, at end ${loadEnd}`,
  );
  if (warmupSeconds > 0)
    console.log(
      `warm-up ${warmupSeconds} s just before the run (the processes compiling their code as it first runs; not in the figures below): ${warm.read.length + warm.write.length} requests, not 2xx ${warm.errors}; p99 reads ${pct(warm.read, 0.99).toFixed(0)} ms, writes ${pct(warm.write, 0.99).toFixed(0)} ms`,
    );
  console.log(`requests ${total} (${(total / elapsed).toFixed(0)} req/s), not 2xx ${errors}; CPU during the run: ${cpu}`);
  console.log(
    `reads  ${lat.read.length}: p50 ${pct(lat.read, 0.5).toFixed(0)} ms, p99 ${pct(lat.read, 0.99).toFixed(0)} ms; started while no bulletin job ran: ${latQuiet.read.length}, p99 ${pct(latQuiet.read, 0.99).toFixed(0)} ms`,
  );
  console.log(
    `writes ${lat.write.length}: p50 ${pct(lat.write, 0.5).toFixed(0)} ms, p99 ${pct(lat.write, 0.99).toFixed(0)} ms; started while no bulletin job ran: ${latQuiet.write.length}, p99 ${pct(latQuiet.write, 0.99).toFixed(0)} ms`,
  );
  console.log('by route:');
  for (const [name, r] of [...routes.entries()].filter(([n]) => !n.endsWith(' check')).sort((a, b) => b[1].ms.length - a[1].ms.length)) {
    const bad = [...r.statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(
      `  ${name.padEnd(40)} ${String(r.ms.length).padStart(6)}  p50 ${pct(r.ms, 0.5).toFixed(0).padStart(5)} ms  p99 ${pct(r.ms, 0.99).toFixed(0).padStart(5)} ms  max ${Math.max(
        ...r.ms,
      )
        .toFixed(0)
        .padStart(5)} ms${bad ? `  not 2xx: ${bad}` : ''}`,
    );
  }
  console.log(
    `acknowledged: ${counts.saves} draft saves on ${[...acked.values()].filter((a) => a.narrative).length} reports, ${counts.attachments} attachments, ${counts.submissions} submissions, ${counts.accepts} acceptances`,
  );
  console.log(
    `lost: drafts ${lost.drafts}, attachments ${lost.attachments}, submissions ${lost.submissions}, acceptances ${lost.accepts} (checked ${acked.size} reports afterwards)`,
  );
  const done = bulletins.filter((b) => b.doneMs !== null);
  console.log(
    `bulletins ${bulletins.length}: started in ${bulletins.map((b) => `${b.startMs.toFixed(0)} ms`).join(' / ') || '—'}; finished ${done.length} (${done.map((b) => `${((b.doneMs as number) / 1000).toFixed(1)} s ${b.status}`).join(' / ') || '—'})`,
  );
  console.log(
    `bulletins started at ${bulletins.map((b) => `${b.at.toFixed(0)} s`).join(', ') || '—'} of the run; requests slower than ${slowMs} ms by the second they started in: ${
      [...slowBySecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([sec, n]) => `${sec} s: ${n}`)
        .join(', ') || 'none'
    }`,
  );
  const lags = [...m.lagBySecond.entries()].sort((a, b) => a[0] - b[0]);
  console.log(
    `this load generator's own lateness (a 50 ms timer): max ${Math.max(0, ...lags.map(([, l]) => l)).toFixed(0)} ms; seconds it was over 100 ms late: ${
      lags
        .filter(([, l]) => l > 100)
        .map(([sec, l]) => `${sec} s: ${l.toFixed(0)} ms`)
        .join(', ') || 'none'
    } (requests in flight then were measured that much slower than they were answered)`,
  );
  if (profile)
    console.log(
      `the run was seconds +${((m.runStart - target.serverSpawnedAt) / 1000).toFixed(0)} to +${((m.runStart - target.serverSpawnedAt) / 1000 + seconds).toFixed(0)} of the server process (see the profile below)`,
    );
  const goal = embedded ? 500 : 300;
  const met =
    errors + warm.errors === 0 && Object.values(lost).every((x) => x === 0) && pct(lat.read, 0.99) < goal && pct(lat.write, 0.99) < goal;
  console.log(`goal: 0 errors, 0 lost writes, p99 < ${goal} ms for reads and writes — ${met ? 'met' : 'missed'}`);
} finally {
  await target.stop();
}
