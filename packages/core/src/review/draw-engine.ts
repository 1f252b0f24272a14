import type { TDrawConstraints, TExclusion } from '@kechuang/contracts';
import { xoshiro128ss } from './prng.ts';

/*
 * The random draw (专家抽取, domain-rules §6.1–6.2) as a pure function of its record: the seed, the pool
 * snapshot (the experts and exactly the attributes the rules read), the subjects' facts and the constraints.
 * Nothing else is read, so re-running it from the stored record gives the same panels — that is what the verify
 * endpoint does.
 *
 * Hard exclusions, each listed with its reason:
 * - for the whole draw: an active integrity ban on reviewing (科研诚信), yearly quota reached, unavailable on the
 *   review dates, own application in the same batch (the expert is leader or member of an application in it);
 * - per subject: same current or recent employer as the applicant or a partner (window in years), a declared
 *   relation with the leader or a member (person record, hashed identity number or name) or with the unit,
 *   applicant-requested avoidance (回避申请).
 * Then, per subject in id order, the candidates matching the discipline are walked in a random order that
 * prefers the experts least loaded in this batch (all with the fewest seats so far, in random order, then the
 * next level), which balances a call of several hundred applications. A candidate takes a seat if the
 * composition allows (at most k per employer; enough seats left for the experts still needed from outside the
 * city); the reserves (备选) are the first candidates of the same walk not seated, in that order.
 */

export interface PoolExpert {
  id: number;
  personId: number;
  name: string;
  /** the expert's own hashed identity number, when known */
  idHash: string | null;
  /** where the expert works (the current employer's region, else the keeping bureau's) */
  regionCode: string;
  disciplines: string[];
  employments: Array<{ orgId: number | null; orgName: string; to: string | null }>;
  relations: Array<{
    kind: string;
    personId: number | null;
    idHash: string | null;
    personName: string | null;
    orgId: number | null;
    orgName: string | null;
    to: string | null;
  }>;
  unavailable: Array<{ from: string; to: string }>;
  quota: number;
  /** accepted assignments this calendar year before the draw */
  used: number;
  /** the integrity ban on reviewing, on the draw's day */
  barred: string | null;
}

export interface DrawSubject {
  id: number;
  regionCode: string;
  fieldCode: string | null;
  /** the applicant unit and partners */
  orgs: Array<{ id: number | null; name: string }>;
  /** leader and members */
  persons: Array<{ personId: number; idHash: string | null; name: string; role: 'leader' | 'member' }>;
  avoid: Array<{ personName: string | null; orgName: string | null; reason: string }>;
}

export interface DrawRecordInput {
  seed: string;
  constraints: TDrawConstraints;
  pool: PoolExpert[];
  subjects: DrawSubject[];
  /** every leader and member of the batch's applications (own application in the same call) */
  batchPersons: Array<{ personId: number; subjectId: number }>;
}

export interface DrawnPanel {
  subjectId: number;
  seats: number[];
  reserves: number[];
  exclusions: TExclusion[];
}

export interface DrawOutcome {
  exclusions: TExclusion[];
  panels: DrawnPanel[];
  shortfalls: Array<{ subjectId: number; seats: number; needed: number }>;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();

/** YYYY-MM-DD minus whole years (29 Feb → 28 Feb). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

const cityOf = (region: string) => region.slice(0, 4);

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const relationKinds: Record<string, string> = {
  kin: '近亲属',
  mentor: '师生',
  co_applicant: '合作申报',
  shareholding: '持股',
  other: '其他利害关系',
};

/** The whole-draw exclusions; returns a flag per pool index. */
function globalExclusions(input: DrawRecordInput): { out: TExclusion[]; excluded: Uint8Array } {
  const { pool, constraints: c } = input;
  const excluded = new Uint8Array(pool.length);
  const out: TExclusion[] = [];
  const inBatch = new Map<number, number>();
  for (const p of input.batchPersons) if (!inBatch.has(p.personId)) inBatch.set(p.personId, p.subjectId);
  pool.forEach((e, i) => {
    const add = (reason: TExclusion['reason'], detail: string) => {
      excluded[i] = 1;
      out.push({ expertId: e.id, name: e.name, reason, detail });
    };
    if (e.barred) add('barred', e.barred);
    if (e.used >= e.quota) add('quota', `本年度已接受 ${e.used} 次评审，达到年度上限 ${e.quota} 次`);
    const off = e.unavailable.find((u) => u.from <= c.reviewTo && u.to >= c.reviewFrom);
    if (off) add('unavailable', `${off.from} 至 ${off.to} 不能参加评审`);
    const own = inBatch.get(e.personId);
    if (own !== undefined) add('own_application', `本人为同批次申报书 #${own} 的负责人或成员`);
  });
  return { out, excluded };
}

/** Reverse indexes from an applicant's facts to the experts they conflict with. */
type Hit = [index: number, reason: 'employer' | 'relation', detail: string];

function conflictIndex(pool: PoolExpert[], cutoff: string) {
  const byOrgId = new Map<number, Hit[]>();
  const byOrgName = new Map<string, Hit[]>();
  const byPersonId = new Map<number, Array<[number, string]>>();
  const byIdHash = new Map<string, Array<[number, string]>>();
  const byPersonName = new Map<string, Array<[number, string]>>();
  const byName = new Map<string, number[]>();
  const byCurrentOrg = new Map<string, number[]>();
  pool.forEach((e, i) => {
    push(byName, norm(e.name), i);
    for (const job of e.employments) {
      if (job.to !== null && job.to < cutoff) continue;
      const when = job.to === null ? '现任职于' : `曾任职于（至 ${job.to}）`;
      const hit: Hit = [i, 'employer', `${when}${job.orgName}，为申报（合作）单位`];
      if (job.orgId !== null) push(byOrgId, job.orgId, hit);
      push(byOrgName, norm(job.orgName), hit);
      if (job.to === null) push(byCurrentOrg, norm(job.orgName), i);
    }
    for (const r of e.relations) {
      if (r.to !== null && r.to < cutoff) continue;
      const kind = relationKinds[r.kind] ?? r.kind;
      if (r.personId !== null) push(byPersonId, r.personId, [i, kind]);
      if (r.idHash) push(byIdHash, r.idHash, [i, kind]);
      if (r.personName) push(byPersonName, norm(r.personName), [i, kind]);
      const hit: Hit = [i, 'relation', `与申报（合作）单位${r.orgName ?? ''}存在${kind}关系`];
      if (r.orgId !== null) push(byOrgId, r.orgId, hit);
      else if (r.orgName) push(byOrgName, norm(r.orgName), hit);
    }
  });
  return { byOrgId, byOrgName, byPersonId, byIdHash, byPersonName, byName, byCurrentOrg };
}

type Index = ReturnType<typeof conflictIndex>;

function subjectConflicts(pool: PoolExpert[], ix: Index, s: DrawSubject, maxAvoidance: number): Map<number, TExclusion> {
  const out = new Map<number, TExclusion>();
  const add = (i: number, reason: TExclusion['reason'], detail: string) => {
    if (out.has(i)) return;
    const e = pool[i] as PoolExpert;
    out.set(i, { expertId: e.id, name: e.name, reason, detail });
  };
  for (const o of s.orgs) {
    const hits = [...(o.id !== null ? (ix.byOrgId.get(o.id) ?? []) : []), ...(ix.byOrgName.get(norm(o.name)) ?? [])];
    for (const [i, reason, detail] of hits) add(i, reason, detail);
  }
  for (const p of s.persons) {
    const who = p.role === 'leader' ? '项目负责人' : '项目成员';
    const hits = [
      ...(ix.byPersonId.get(p.personId) ?? []),
      ...(p.idHash ? (ix.byIdHash.get(p.idHash) ?? []) : []),
      ...(ix.byPersonName.get(norm(p.name)) ?? []),
    ];
    for (const [i, kind] of hits) add(i, 'relation', `与${who}${p.name}存在${kind}关系`);
  }
  for (const a of s.avoid.slice(0, maxAvoidance)) {
    let hits: number[];
    if (a.personName) {
      hits = ix.byName.get(norm(a.personName)) ?? [];
      if (a.orgName) {
        const at = new Set(ix.byCurrentOrg.get(norm(a.orgName)) ?? []);
        hits = hits.filter((i) => at.has(i));
      }
    } else hits = a.orgName ? (ix.byCurrentOrg.get(norm(a.orgName)) ?? []) : [];
    for (const i of hits) add(i, 'avoidance', `申报单位申请回避：${a.reason}`);
  }
  return out;
}

function disciplineFilter(c: TDrawConstraints, s: DrawSubject): string | null {
  if (c.disciplinePrefix) return c.disciplinePrefix;
  if (c.matchSubjectField && s.fieldCode) return s.fieldCode.slice(0, 3);
  return null;
}

/**
 * A discipline's candidates, kept partitioned by their load in this batch: level l occupies
 * arr[bounds[l] .. bounds[l+1]). Seating an expert moves them to the next level by one swap, so a batch never
 * rescans the pool.
 */
interface Bucket {
  arr: Int32Array;
  pos: Int32Array;
  bounds: number[];
}

function newBucket(members: number[], poolSize: number, load: Int32Array): Bucket {
  const maxLevel = members.reduce((m, i) => Math.max(m, load[i] as number), 0);
  const byLevel: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  for (const i of members) (byLevel[load[i] as number] as number[]).push(i);
  const arr = Int32Array.from(byLevel.flat());
  const pos = new Int32Array(poolSize).fill(-1);
  arr.forEach((i, p) => {
    pos[i] = p;
  });
  const bounds = [0];
  for (const level of byLevel) bounds.push((bounds[bounds.length - 1] as number) + level.length);
  return { arr, pos, bounds };
}

function swap(b: Bucket, p: number, q: number) {
  const x = b.arr[p] as number;
  const y = b.arr[q] as number;
  b.arr[p] = y;
  b.arr[q] = x;
  b.pos[y] = p;
  b.pos[x] = q;
}

/** The expert at pool index i moves from level l to l + 1. */
function raise(b: Bucket, i: number, l: number) {
  const p = b.pos[i] as number;
  if (p < 0) return;
  while (b.bounds.length < l + 3) b.bounds.push(b.arr.length);
  const end = b.bounds[l + 1] as number;
  swap(b, p, end - 1);
  b.bounds[l + 1] = end - 1;
}

export function runDraw(input: DrawRecordInput): DrawOutcome {
  const { pool, constraints: c } = input;
  const rng = xoshiro128ss(input.seed);
  const { out: exclusions, excluded } = globalExclusions(input);
  const ix = conflictIndex(pool, yearsBefore(c.reviewFrom, c.employerWindowYears));
  const load = new Int32Array(pool.length);
  const full = new Uint8Array(pool.length);
  const employerKey = pool.map((e) => {
    const job = e.employments.find((j) => j.to === null);
    return job ? (job.orgId !== null ? `#${job.orgId}` : norm(job.orgName)) : `expert#${e.id}`;
  });
  const buckets = new Map<string, Bucket>();
  const bucketOf = (prefix: string | null): Bucket => {
    const key = prefix ?? '';
    let b = buckets.get(key);
    if (!b) {
      const list: number[] = [];
      pool.forEach((e, i) => {
        if (!excluded[i] && !full[i] && (prefix === null || e.disciplines.some((d) => d.startsWith(prefix)))) list.push(i);
      });
      b = newBucket(list, pool.length, load);
      buckets.set(key, b);
    }
    return b;
  };

  const mark = new Int32Array(pool.length);
  let stamp = 0;
  const panels: DrawnPanel[] = [];
  const shortfalls: DrawOutcome['shortfalls'] = [];
  const subjects = [...input.subjects].sort((a, b) => a.id - b.id);
  for (const s of subjects) {
    const bucket = bucketOf(disciplineFilter(c, s));
    const conflicts = subjectConflicts(pool, ix, s, c.maxAvoidance);
    stamp++;
    const listed: TExclusion[] = [];
    for (const [i, x] of [...conflicts].sort((a, b) => a[0] - b[0])) {
      mark[i] = stamp;
      if ((bucket.pos[i] as number) >= 0 && !full[i]) listed.push(x);
    }
    const city = cityOf(s.regionCode);
    const seats: number[] = [];
    const passed: number[] = [];
    const perEmployer = new Map<string, number>();
    let outside = 0;
    const levels = bucket.bounds.length - 1;
    walk: for (let l = 0; l < levels; l++) {
      const end = bucket.bounds[l + 1] as number;
      for (let k = bucket.bounds[l] as number; k < end; k++) {
        // one step of Fisher–Yates within the level: a uniform pick among its remaining candidates
        swap(bucket, k, k + rng.below(end - k));
        const i = bucket.arr[k] as number;
        if (mark[i] === stamp || full[i]) continue;
        if (seats.length < c.size) {
          const e = pool[i] as PoolExpert;
          const isOutside = cityOf(e.regionCode) !== city;
          const stillNeeded = Math.max(0, c.minOutsideCity - outside);
          const key = employerKey[i] as string;
          const sameEmployer = perEmployer.get(key) ?? 0;
          const fits = (isOutside || c.size - seats.length > stillNeeded) && (c.maxPerEmployer === null || sameEmployer < c.maxPerEmployer);
          if (fits) {
            seats.push(i);
            perEmployer.set(key, sameEmployer + 1);
            if (isOutside) outside++;
          } else passed.push(i);
        } else passed.push(i);
        if (seats.length === c.size && passed.length >= c.reserves) break walk;
      }
    }
    for (const i of seats) {
      const l = load[i] as number;
      for (const b of buckets.values()) raise(b, i, l);
      load[i] = l + 1;
      const e = pool[i] as PoolExpert;
      if (e.used + l + 1 >= e.quota) {
        full[i] = 1;
        exclusions.push({
          expertId: e.id,
          name: e.name,
          reason: 'quota',
          detail: `本批次抽中 ${l + 1} 次后达到年度上限 ${e.quota} 次（自申报书 #${s.id} 之后不再抽取）`,
        });
      }
    }
    if (seats.length < c.size) shortfalls.push({ subjectId: s.id, seats: seats.length, needed: c.size });
    panels.push({
      subjectId: s.id,
      seats: seats.map((i) => (pool[i] as PoolExpert).id),
      reserves: passed.slice(0, c.reserves).map((i) => (pool[i] as PoolExpert).id),
      exclusions: listed,
    });
  }
  return { exclusions, panels, shortfalls };
}
