import { ZDrawConstraints } from '@kechuang/contracts';
import { describe, expect, it } from 'vitest';
import { type DrawRecordInput, type DrawSubject, type PoolExpert, runDraw, yearsBefore } from './draw-engine.ts';
import { xoshiro128ss } from './prng.ts';

const seed = '0123456789abcdef0123456789abcdef';
const constraints = (over: Record<string, unknown> = {}) =>
  ZDrawConstraints.parse({ size: 5, reserves: 2, reviewFrom: '2026-06-10', reviewTo: '2026-06-12', ...over });

function expert(id: number, over: Partial<PoolExpert> = {}): PoolExpert {
  return {
    id,
    personId: 1000 + id,
    name: `专家${id}`,
    idHash: null,
    regionCode: '430407',
    disciplines: ['520.10'],
    employments: [{ orgId: 500 + id, orgName: `单位${id}`, to: null }],
    relations: [],
    unavailable: [],
    quota: 20,
    used: 0,
    barred: null,
    ...over,
  };
}

function subject(id: number, over: Partial<DrawSubject> = {}): DrawSubject {
  return {
    id,
    regionCode: '430400',
    fieldCode: '520',
    orgs: [{ id: 9000 + id, name: `申报单位${id}` }],
    persons: [{ personId: 7000 + id, idHash: `hash${id}`, name: `负责人${id}`, role: 'leader' }],
    avoid: [],
    ...over,
  };
}

const pool = (n: number, over: (i: number) => Partial<PoolExpert> = () => ({})) =>
  Array.from({ length: n }, (_, k) => expert(k + 1, over(k + 1)));

function draw(over: Partial<DrawRecordInput> = {}) {
  return runDraw({ seed, constraints: constraints(), pool: pool(30), subjects: [subject(1)], batchPersons: [], ...over });
}

function exclusionOf(out: ReturnType<typeof runDraw>, expertId: number) {
  return [...out.exclusions, ...out.panels.flatMap((p) => p.exclusions)].find((e) => e.expertId === expertId);
}

const everyone = (out: ReturnType<typeof runDraw>) => out.panels.flatMap((p) => [...p.seats, ...p.reserves]);

describe('the seeded generator', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = xoshiro128ss(seed);
    const b = xoshiro128ss(seed);
    const c = xoshiro128ss('f'.repeat(32));
    const sa = Array.from({ length: 8 }, () => a.next());
    expect(Array.from({ length: 8 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.next())).not.toEqual(sa);
  });

  it('draws integers below n without favouring any', () => {
    const r = xoshiro128ss(seed);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const k = r.below(3);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('refuses a malformed seed', () => {
    expect(() => xoshiro128ss('xyz')).toThrow();
  });
});

describe('exclusions, each with its reason', () => {
  it('excludes the applicant unit’s current employee', () => {
    const out = draw({ pool: pool(30, (i) => (i === 3 ? { employments: [{ orgId: 9001, orgName: '申报单位1', to: null }] } : {})) });
    expect(exclusionOf(out, 3)).toMatchObject({ reason: 'employer', detail: expect.stringContaining('现任职于申报单位1') });
    expect(everyone(out)).not.toContain(3);
  });

  it('excludes a former employee within the window, and not after it', () => {
    const recent = { employments: [{ orgId: 9001, orgName: '申报单位1', to: '2024-01-31' }] };
    const old = { employments: [{ orgId: 9001, orgName: '申报单位1', to: '2022-01-31' }] };
    const out = draw({ pool: pool(30, (i) => (i === 3 ? recent : i === 4 ? old : {})) });
    expect(exclusionOf(out, 3)).toMatchObject({ reason: 'employer', detail: expect.stringContaining('曾任职于（至 2024-01-31）') });
    expect(exclusionOf(out, 4)).toBeUndefined();
    const wider = draw({ constraints: constraints({ employerWindowYears: 5 }), pool: pool(30, (i) => (i === 4 ? old : {})) });
    expect(exclusionOf(wider, 4)?.reason).toBe('employer');
  });

  it('matches a partner unit by name when it has no record', () => {
    const out = draw({
      subjects: [
        subject(1, {
          orgs: [
            { id: 9001, name: '申报单位1' },
            { id: null, name: '湘南 学院' },
          ],
        }),
      ],
      pool: pool(30, (i) => (i === 5 ? { employments: [{ orgId: null, orgName: '湘南学院', to: null }] } : {})),
    });
    expect(exclusionOf(out, 5)?.reason).toBe('employer');
  });

  it('excludes declared relations with the leader or a member, by person record, hashed identity number or name', () => {
    const rel = (r: Partial<PoolExpert['relations'][number]>) => ({
      relations: [{ kind: 'kin', personId: null, idHash: null, personName: null, orgId: null, orgName: null, to: null, ...r }],
    });
    const s = subject(1, {
      persons: [
        { personId: 7001, idHash: 'h-leader', name: '负责人1', role: 'leader' },
        { personId: 7002, idHash: 'h-member', name: '成员甲', role: 'member' },
      ],
    });
    const out = draw({
      subjects: [s],
      pool: pool(30, (i) =>
        i === 2
          ? rel({ personId: 7001 })
          : i === 3
            ? rel({ kind: 'mentor', idHash: 'h-member' })
            : i === 4
              ? rel({ kind: 'co_applicant', personName: '成员甲' })
              : i === 6
                ? rel({ kind: 'shareholding', orgId: 9001, orgName: '申报单位1' })
                : {},
      ),
    });
    expect(exclusionOf(out, 2)).toMatchObject({ reason: 'relation', detail: '与项目负责人负责人1存在近亲属关系' });
    expect(exclusionOf(out, 3)).toMatchObject({ reason: 'relation', detail: '与项目成员成员甲存在师生关系' });
    expect(exclusionOf(out, 4)).toMatchObject({ reason: 'relation', detail: '与项目成员成员甲存在合作申报关系' });
    expect(exclusionOf(out, 6)).toMatchObject({ reason: 'relation', detail: expect.stringContaining('持股') });
    for (const id of [2, 3, 4, 6]) expect(everyone(out)).not.toContain(id);
  });

  it('excludes an expert who applies in the same batch', () => {
    const out = draw({ batchPersons: [{ personId: 1007, subjectId: 42 }] });
    expect(exclusionOf(out, 7)).toMatchObject({ reason: 'own_application', detail: expect.stringContaining('#42') });
  });

  it('honours applicant-requested avoidance up to the configured number', () => {
    const s = subject(1, {
      avoid: [
        { personName: '专家8', orgName: null, reason: '学术观点对立' },
        { personName: null, orgName: '单位9', reason: '竞争单位' },
        { personName: '专家10', orgName: null, reason: '第三项' },
      ],
    });
    const out = draw({ subjects: [s], constraints: constraints({ maxAvoidance: 2 }) });
    expect(exclusionOf(out, 8)).toMatchObject({ reason: 'avoidance', detail: '申报单位申请回避：学术观点对立' });
    expect(exclusionOf(out, 9)).toMatchObject({ reason: 'avoidance', detail: '申报单位申请回避：竞争单位' });
    expect(exclusionOf(out, 10)).toBeUndefined();
  });

  it('excludes an active integrity ban with its reason', () => {
    const out = draw({ pool: pool(30, (i) => (i === 11 ? { barred: '严重失信，2025-01-01 至 2029-12-31 禁止参与评审' } : {})) });
    expect(exclusionOf(out, 11)).toMatchObject({ reason: 'barred', detail: expect.stringContaining('禁止参与评审') });
    expect(everyone(out)).not.toContain(11);
  });

  it('excludes an expert whose yearly quota is used up', () => {
    const out = draw({ pool: pool(30, (i) => (i === 12 ? { used: 20, quota: 20 } : {})) });
    expect(exclusionOf(out, 12)).toMatchObject({ reason: 'quota', detail: expect.stringContaining('20') });
  });

  it('excludes an expert unavailable on any review day, and not one free then', () => {
    const out = draw({
      pool: pool(30, (i) =>
        i === 13
          ? { unavailable: [{ from: '2026-06-12', to: '2026-06-20' }] }
          : i === 14
            ? { unavailable: [{ from: '2026-06-13', to: '2026-06-20' }] }
            : {},
      ),
    });
    expect(exclusionOf(out, 13)).toMatchObject({ reason: 'unavailable', detail: '2026-06-12 至 2026-06-20 不能参加评审' });
    expect(exclusionOf(out, 14)).toBeUndefined();
  });

  it('leaves out experts of another discipline (no exclusion: they are not candidates)', () => {
    const out = draw({
      constraints: constraints({ disciplinePrefix: '520' }),
      pool: pool(30, (i) => (i % 2 === 0 ? { disciplines: ['630.10'] } : {})),
    });
    expect(everyone(out).every((id) => id % 2 === 1)).toBe(true);
  });
});

describe('reproducibility', () => {
  it('gives the same panel for the same record, and another for another seed', () => {
    const a = draw();
    const b = draw();
    expect(b.panels).toEqual(a.panels);
    const c = draw({ seed: 'f'.repeat(32) });
    expect(c.panels[0]?.seats).not.toEqual(a.panels[0]?.seats);
  });

  it('does not depend on the order the subjects or the exclusions are given in', () => {
    const subjects = [subject(1), subject(2), subject(3)];
    const a = draw({ subjects });
    const b = draw({ subjects: [...subjects].reverse() });
    expect(b.panels).toEqual(a.panels);
  });
});

describe('composition', () => {
  it('seats the size, reserves after, no one twice', () => {
    const out = draw();
    const p = out.panels[0];
    expect(p?.seats).toHaveLength(5);
    expect(p?.reserves).toHaveLength(2);
    expect(new Set([...(p?.seats ?? []), ...(p?.reserves ?? [])]).size).toBe(7);
  });

  it('seats at least N experts from outside the city', () => {
    const out = draw({
      constraints: constraints({ minOutsideCity: 2 }),
      pool: pool(40, (i) => ({ regionCode: i <= 3 ? '430104' : '430407' })),
    });
    const seats = out.panels[0]?.seats ?? [];
    expect(seats.filter((id) => id <= 3).length).toBeGreaterThanOrEqual(2);
  });

  it('seats at most k experts of one employer', () => {
    const out = draw({
      constraints: constraints({ maxPerEmployer: 1 }),
      pool: pool(12, (i) => ({ employments: [{ orgId: i <= 10 ? 1 : i, orgName: i <= 10 ? '南华大学' : `单位${i}`, to: null }] })),
    });
    const seats = out.panels[0]?.seats ?? [];
    expect(seats.filter((id) => id <= 10)).toHaveLength(1);
    expect(out.shortfalls).toEqual([{ subjectId: 1, seats: 3, needed: 5 }]);
  });

  it('reports a shortfall when the pool is too small', () => {
    const out = draw({ pool: pool(4) });
    expect(out.shortfalls).toEqual([{ subjectId: 1, seats: 4, needed: 5 }]);
  });
});

describe('a batch', () => {
  it('balances the load: with 50 experts and 20 panels of 5, everyone sits twice', () => {
    const subjects = Array.from({ length: 20 }, (_, k) => subject(k + 1));
    const out = draw({ subjects, pool: pool(50) });
    const seats = new Map<number, number>();
    for (const p of out.panels) for (const id of p.seats) seats.set(id, (seats.get(id) ?? 0) + 1);
    expect(seats.size).toBe(50);
    expect([...seats.values()].every((n) => n === 2)).toBe(true);
  });

  it('stops seating an expert when this batch would pass the yearly quota, and says so', () => {
    const subjects = Array.from({ length: 4 }, (_, k) => subject(k + 1));
    const out = draw({ subjects, pool: pool(6, (i) => (i === 1 ? { quota: 3, used: 2 } : {})) });
    const seatsOf1 = out.panels.filter((p) => p.seats.includes(1)).length;
    expect(seatsOf1).toBeLessThanOrEqual(1);
    expect(out.exclusions.find((e) => e.expertId === 1)).toMatchObject({
      reason: 'quota',
      detail: expect.stringContaining('本批次抽中 1 次'),
    });
  });
});

describe('dates', () => {
  it('counts the window back in whole years', () => {
    expect(yearsBefore('2026-06-10', 3)).toBe('2023-06-10');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
  });
});
