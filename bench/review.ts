/**
 * npm run bench:review — the review module at scale: a pool of BENCH_EXPERTS (20,000) experts and a call of
 * BENCH_APPLICATIONS (2,000) applications.
 * 1. Drawing every panel of the call in one batch (5 seats + 2 reserves, every exclusion: employer within three
 *    years, declared relations, own application in the call, applicant-requested avoidance, integrity ban,
 *    quota, unavailable dates; at least one expert from outside the city; at most two per employer; load balanced),
 *    BENCH_RUNS (5) times, once matching the application's discipline and once over the whole pool. Beside it the
 *    naive baseline: per application, every expert checked against every rule by scanning, then the whole
 *    eligible list shuffled — what the "array shuffle" implementations do.
 * 2. Aggregating and ranking 10,000 scores (2,000 applications × 5 experts) with the trimmed mean in exact
 *    decimals, BENCH_RANKS (50) times, p50/p95; beside it the naive baseline in binary floating point.
 * Prints figures with the ratio to the baseline, never fails on them.
 */
import { ZDrawConstraints } from '../packages/contracts/src/index.ts';
import { aggregate, rank } from '../packages/core/src/review/aggregate.ts';
import { type DrawRecordInput, type DrawSubject, type PoolExpert, runDraw, yearsBefore } from '../packages/core/src/review/draw-engine.ts';
import { xoshiro128ss } from '../packages/core/src/review/prng.ts';

const experts = Number(process.env.BENCH_EXPERTS ?? 20_000);
const applications = Number(process.env.BENCH_APPLICATIONS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const rankRuns = Number(process.env.BENCH_RANKS ?? 50);

const rng = xoshiro128ss('5eed0000000000000000000000000001');
const pick = <T>(a: T[]) => a[rng.below(a.length)] as T;
const disciplines = Array.from({ length: 30 }, (_, i) => String(110 + i * 20));
const orgs = 5000;
const cities = ['4304', '4304', '4304', '4301', '4302', '4303'];

function generatePool(): PoolExpert[] {
  return Array.from({ length: experts }, (_, k) => {
    const id = k + 1;
    const own = 1 + rng.below(orgs);
    const past =
      rng.below(3) === 0 ? [{ orgId: 1 + rng.below(orgs), orgName: `单位${rng.below(orgs)}`, to: `202${rng.below(6)}-06-30` }] : [];
    return {
      id,
      personId: 100_000 + id,
      name: `专家${id}`,
      idHash: `e${id}`,
      regionCode: `${pick(cities)}0${rng.below(9)}`,
      disciplines: [`${pick(disciplines)}.${10 + rng.below(40)}`, ...(rng.below(2) ? [`${pick(disciplines)}.10`] : [])],
      employments: [{ orgId: own, orgName: `单位${own}`, to: null }, ...past],
      relations:
        rng.below(4) === 0
          ? [
              {
                kind: 'kin',
                personId: 1 + rng.below(applications * 4),
                idHash: null,
                personName: null,
                orgId: null,
                orgName: null,
                to: null,
              },
            ]
          : [],
      unavailable: rng.below(20) === 0 ? [{ from: '2026-06-01', to: '2026-06-30' }] : [],
      quota: 20,
      used: rng.below(50) === 0 ? 20 : rng.below(10),
      barred: rng.below(200) === 0 ? '严重失信，禁止参与评审至 2028-12-31' : null,
    };
  });
}

function generateSubjects(): { subjects: DrawSubject[]; batchPersons: DrawRecordInput['batchPersons'] } {
  const subjects: DrawSubject[] = [];
  const batchPersons: DrawRecordInput['batchPersons'] = [];
  for (let k = 0; k < applications; k++) {
    const id = k + 1;
    const persons: DrawSubject['persons'] = Array.from({ length: 4 }, (_, m) => ({
      personId: k * 4 + m + 1,
      idHash: `p${k * 4 + m + 1}`,
      name: `申报人${k * 4 + m + 1}`,
      role: (m === 0 ? 'leader' : 'member') as 'leader' | 'member',
    }));
    // a few experts apply themselves in the call
    if (k % 100 === 0) persons.push({ personId: 100_000 + 1 + rng.below(experts), idHash: null, name: '专家申报', role: 'member' });
    for (const p of persons) batchPersons.push({ personId: p.personId, subjectId: id });
    const org = 1 + rng.below(orgs);
    subjects.push({
      id,
      regionCode: '430400',
      fieldCode: pick(disciplines),
      orgs: [{ id: org, name: `单位${org}` }, ...(rng.below(3) === 0 ? [{ id: null, name: `单位${rng.below(orgs)}` }] : [])],
      persons,
      avoid: rng.below(5) === 0 ? [{ personName: `专家${1 + rng.below(experts)}`, orgName: null, reason: '竞争关系' }] : [],
    });
  }
  return { subjects, batchPersons };
}

/** The naive way: every rule checked by scanning each expert for each application, then a full shuffle. */
function naiveDraw(input: DrawRecordInput) {
  const c = input.constraints;
  const cutoff = yearsBefore(c.reviewFrom, c.employerWindowYears);
  const r = xoshiro128ss(input.seed);
  const inBatch = new Set(input.batchPersons.map((p) => p.personId));
  const panels: number[][] = [];
  for (const s of input.subjects) {
    const prefix = c.disciplinePrefix ?? (c.matchSubjectField && s.fieldCode ? s.fieldCode.slice(0, 3) : null);
    const eligible = input.pool.filter((e) => {
      if (e.barred || e.used >= e.quota) return false;
      if (e.unavailable.some((u) => u.from <= c.reviewTo && u.to >= c.reviewFrom)) return false;
      if (inBatch.has(e.personId)) return false;
      if (prefix && !e.disciplines.some((d) => d.startsWith(prefix))) return false;
      if (e.employments.some((j) => (j.to === null || j.to >= cutoff) && s.orgs.some((o) => o.id === j.orgId || o.name === j.orgName)))
        return false;
      if (e.relations.some((rel) => s.persons.some((p) => p.personId === rel.personId))) return false;
      if (s.avoid.some((a) => a.personName === e.name)) return false;
      return true;
    });
    for (let i = eligible.length - 1; i > 0; i--) {
      const j = r.below(i + 1);
      [eligible[i], eligible[j]] = [eligible[j] as PoolExpert, eligible[i] as PoolExpert];
    }
    panels.push(eligible.slice(0, c.size + c.reserves).map((e) => e.id));
  }
  return panels;
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

function time(f: () => void, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const t0 = performance.now();
const pool = generatePool();
const { subjects, batchPersons } = generateSubjects();
console.log(`生成专家库 ${experts} 人、申报书 ${applications} 份：${fmt(performance.now() - t0)}`);

for (const [label, over] of [
  ['按申报书学科匹配', { matchSubjectField: true }],
  ['全库（不限学科）', {}],
] as const) {
  const constraints = ZDrawConstraints.parse({
    size: 5,
    reserves: 2,
    minOutsideCity: 1,
    maxPerEmployer: 2,
    reviewFrom: '2026-06-10',
    reviewTo: '2026-06-12',
    ...over,
  });
  const input: DrawRecordInput = { seed: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', constraints, pool, subjects, batchPersons };
  let outcome = runDraw(input);
  const times = time(() => {
    outcome = runDraw(input);
  }, runs);
  const seated = outcome.panels.reduce((n, p) => n + p.seats.length + p.reserves.length, 0);
  const listed = outcome.panels.reduce((n, p) => n + p.exclusions.length, 0) + outcome.exclusions.length;
  const loads = new Map<number, number>();
  for (const p of outcome.panels) for (const id of p.seats) loads.set(id, (loads.get(id) ?? 0) + 1);
  const maxLoad = Math.max(...loads.values());
  const naive = time(() => naiveDraw(input), 1);
  console.log(
    `抽取（${label}）：${applications} 个评审组 × (5+2)，共 ${seated} 人次，列出回避/排除 ${listed} 条，` +
      `不足 ${outcome.shortfalls.length} 组，单人最多 ${maxLoad} 组 — p50 ${fmt(pct(times, 50))}，最慢 ${fmt(pct(times, 100))}` +
      `（目标 < 2000 ms）；朴素逐条扫描 ${fmt(naive[0] as number)}，快 ${((naive[0] as number) / pct(times, 50)).toFixed(1)} 倍`,
  );
}

// 10,000 scores: 2,000 applications × 5 experts, totals with one decimal
const scores = subjects.map((s) => ({
  id: s.id,
  group: s.fieldCode,
  totals: Array.from({ length: 5 }, () => `${50 + rng.below(50)}.${rng.below(10)}`),
  vetoes: rng.below(100) === 0 ? 1 : 0,
}));
// warm-up (the JIT), then measured
time(() => rank(scores.map((s) => ({ id: s.id, group: s.group, agg: aggregate(s.totals, 'trimmed_mean', '30', s.vetoes) }))), 5);
const exact = time(
  () => rank(scores.map((s) => ({ id: s.id, group: s.group, agg: aggregate(s.totals, 'trimmed_mean', '30', s.vetoes) }))),
  rankRuns,
);
const floats = time(() => {
  const rows = scores.map((s) => {
    const v = s.totals.map(Number).sort((a, b) => a - b);
    const used = v.slice(1, 4);
    return { id: s.id, score: used.reduce((a, b) => a + b, 0) / used.length };
  });
  rows.sort((a, b) => b.score - a.score || a.id - b.id);
}, rankRuns);
console.log(
  `汇总与排名 ${scores.length * 5} 个评分（去掉最高最低分，精确十进制）：p50 ${fmt(pct(exact, 50))}，p95 ${fmt(pct(exact, 95))}（目标 p95 < 100 ms）；` +
    `浮点朴素实现 p95 ${fmt(pct(floats, 95))}，比值 ${(pct(exact, 95) / pct(floats, 95)).toFixed(1)}×`,
);
