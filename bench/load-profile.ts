/**
 * Where a server's time went, from a .cpuprofile (node --cpu-prof): self time by function, by package or source
 * file, and by the outermost of our own named functions on the stack (a use case such as getInbox or
 * saveReportDraft: roughly the cost of a route; time after an await is counted to the function that resumed;
 * the driver and transaction wrappers are skipped), and the seconds in which the process was busy throughout.
 */
import fs from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** our own functions that only carry others' work (the database driver, the transaction wrapper) */
const plumbing = new Set(['provideConnection', 'executeQuery', 'execute', 'extended', 'query', 'transaction', 'withAudit', 'runExclusive']);

/**
 * `windows`: periods on the monotonic clock (µs, as process.hrtime) to keep samples from, e.g. the measured runs of
 * one target only; V8's sample times are on the same clock (if none falls inside, every sample is kept).
 */
export function summariseProfile(file: string, root: string, top = 20, windows?: [number, number][]): string {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  let t = prof.startTime;
  const within = (x: number) => !windows || windows.some(([a, b]) => x >= a && x <= b);
  const anyWithin = prof.timeDeltas.some((dt) => {
    t += dt;
    return within(t);
  });
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (url: string) => {
    const u = url.replace(/^file:\/\//, '').replace(`${root}/`, '');
    if (u.includes('node_modules/')) {
      const rest = u.split('node_modules/').pop() ?? u;
      return rest
        .split('/')
        .slice(0, rest.startsWith('@') ? 2 : 1)
        .join('/');
    }
    return u || '(native)';
  };
  // our sources (the server runs from them, not from its bundle, when profiled)
  const own = (url: string) => /(packages\/(core|db|contracts)\/src|apps\/server\/src)\//.test(url) && !url.includes('node_modules');
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  const entries = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  // second by second since the process started: how busy, and with what
  const seconds = new Map<number, { busy: number; by: Map<string, number> }>();
  let at = prof.startTime;
  const add = (m: Map<string, number>, k: string, dt: number) => m.set(k, (m.get(k) ?? 0) + dt);
  prof.samples.forEach((id, i) => {
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    at += prof.timeDeltas[i] ?? 0;
    if (anyWithin && !within(at)) return;
    const n = byId.get(id);
    if (!n) return;
    if (n.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const w = where(n.callFrame.url);
    add(fn, `${n.callFrame.functionName || '(anonymous)'} ${w}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`, dt);
    add(files, w, dt);
    // the outermost of our own frames
    let outer: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f && own(f.url) && f.functionName && !plumbing.has(f.functionName)) outer = `${f.functionName} ${where(f.url)}`;
    }
    const entry = outer ?? '(outside our code: framework, driver, GC)';
    add(entries, entry, dt);
    const sec = Math.floor((at - prof.startTime) / 1e6);
    const bucket = seconds.get(sec) ?? { busy: 0, by: new Map<string, number>() };
    bucket.busy += dt;
    add(bucket.by, entry, dt);
    seconds.set(sec, bucket);
  });
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `    ${((v / busy) * 100).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  const stalls = [...seconds.entries()]
    .filter(([, b]) => b.busy >= 800)
    .sort((a, b) => a[0] - b[0])
    .map(
      ([sec, b]) =>
        `    +${sec} s: busy ${b.busy.toFixed(0)} ms — ${[...b.by.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 5)
          .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
          .join('; ')}`,
    );
  return [
    `\nprofile ${file.split('/').pop()}: busy ${(busy / 1000).toFixed(1)} s, idle ${(idle / 1000).toFixed(1)} s`,
    '  by outermost own function (inclusive):',
    list(entries),
    '  by function (self):',
    list(fn),
    '  by package / file (self):',
    list(files),
    '  seconds (since the process started) busy 800 ms or more, and with what:',
    ...stalls,
  ].join('\n');
}
