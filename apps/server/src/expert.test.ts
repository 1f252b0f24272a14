import { idNumberCheckChar, type TExpert } from '@kechuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let planner: Client;
let expert: Client;
let viewer: Client;
let changsha: Client;
let enterprise: Client;
beforeAll(async () => {
  t = await createTestApp();
  [planner, expert, viewer, changsha, enterprise] = (await Promise.all(
    ['planner', 'expert', 'province', 'planner.changsha', 'enterprise'].map((u) => t.login(u)),
  )) as [Client, Client, Client, Client, Client];
  // the demo data may link the expert account to an entry: this file starts from an account without one
  const account = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow();
  await t.database.db.updateTable('expert').set({ user_id: null }).where('user_id', '=', account.id).execute();
}, 120_000);
afterAll(async () => t?.close());

const idNumber = (body17: string) => body17 + idNumberCheckChar(body17);
const experts = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('expert')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const entry = (over: Record<string, unknown> = {}) => ({
  name: '贺知章',
  gender: 'male',
  title: '教授',
  phone: '13907340001',
  email: 'liujg@example.com',
  regionCode: '430407',
  disciplineCodes: ['520.20', '52040'],
  industryCodes: ['c39'],
  specialty: '光栅标定、嵌入式系统（接口测试）',
  employments: [
    { orgName: '南华大学', fromDate: '2016-09-01' },
    { orgName: '衡州测试学院', fromDate: '2008-07-01', toDate: '2016-08-31' },
  ],
  ...over,
});

describe('the bureau keeps the pool', () => {
  let created: TExpert;

  it('adds an expert straight into the pool, codes normalised, with an audit row', async () => {
    const audits = await t.count('audit_log');
    const res = await planner.request({ method: 'POST', url: '/api/experts', payload: entry({ idNumber: idNumber('43040719750312001') }) });
    expect(res.statusCode, res.body).toBe(200);
    created = res.json();
    expect(created).toMatchObject({
      status: 'active',
      name: '贺知章',
      employer: '南华大学',
      disciplineCodes: ['520.20', '520.40'],
      industryCodes: ['C39'],
      idLast4: expect.stringMatching(/^\d{3}[\dX]$/),
      approvedBy: '王规划',
    });
    // the current employer is linked to the registered organisation by its name
    expect(created.employments.find((e) => e.toDate === null)?.orgId).not.toBeNull();
    expect(JSON.stringify(created)).not.toContain('430407197503120');
    expect(await t.count('audit_log')).toBe(audits + 1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('expert.create');
    expect(JSON.stringify(audit.after)).not.toContain('430407197503120');
  });

  it('refuses the same person twice (same identity number) and writes nothing', async () => {
    const [n, audits] = [await experts(), await t.count('audit_log')];
    const res = await planner.request({
      method: 'POST',
      url: '/api/experts',
      payload: entry({ name: '贺知章', idNumber: idNumber('43040719750312001') }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('expert/duplicate_person');
    expect([await experts(), await t.count('audit_log')]).toEqual([n, audits]);
  });

  it('refuses unknown 学科 codes, a missing current employer and dates out of order with 400, writing nothing', async () => {
    const n = await experts();
    for (const bad of [
      entry({ disciplineCodes: ['999.99'] }),
      entry({ industryCodes: ['Z99'] }),
      entry({ employments: [{ orgName: '南华大学', fromDate: '2010-01-01', toDate: '2012-01-01' }] }),
      entry({ employments: [{ orgName: '南华大学', fromDate: '2016-01-01', toDate: '2012-01-01' }] }),
      entry({ idNumber: '430407197503120010' }),
    ]) {
      const res = await planner.request({ method: 'POST', url: '/api/experts', payload: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('common/validation');
    }
    expect(await experts()).toBe(n);
  });

  it('lists with filters: 学科 and 行业 prefix, status, region, text on a past employer; paged', async () => {
    await planner.request({
      method: 'POST',
      url: '/api/experts',
      payload: entry({
        name: '柳如眉',
        specialty: '水稻育种（接口测试）',
        disciplineCodes: ['210.30'],
        industryCodes: ['A01'],
        employments: [{ orgName: '衡阳市农业科学研究所' }],
        regionCode: '430422',
      }),
    });
    // only the entries made here count (the demo data may hold experts of its own)
    const mine = new Set(['贺知章', '柳如眉']);
    const names = async (query: string) =>
      ((await planner.request({ method: 'GET', url: `/api/experts?pageSize=200&${query}` })).json().items as Array<{ name: string }>)
        .map((x) => x.name)
        .filter((n) => mine.has(n));
    expect(await names('discipline=520')).toEqual(['贺知章']);
    expect(await names('discipline=210')).toEqual(['柳如眉']);
    expect(await names('industry=C')).toEqual(['贺知章']);
    expect(await names('q=衡州测试学院')).toEqual(['贺知章']);
    expect(await names('q=光栅标定')).toEqual(['贺知章']);
    expect(await names('region=430422')).toEqual(['柳如眉']);
    expect(await names('status=pending')).toEqual([]);
    const page = (await planner.request({ method: 'GET', url: '/api/experts?q=接口测试&pageSize=1&page=2&sort=id&order=asc' })).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ name: '柳如眉' }] });
  });

  it('keeps entries within the region: 长沙 sees none of them and cannot read one; the province viewer reads but cannot change', async () => {
    expect((await changsha.request({ method: 'GET', url: '/api/experts?q=接口测试' })).json().total).toBe(0);
    expect((await changsha.request({ method: 'GET', url: `/api/experts/${created.id}` })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: `/api/experts/${created.id}` })).statusCode).toBe(200);
    const put = await viewer.request({
      method: 'PUT',
      url: `/api/experts/${created.id}`,
      payload: { ...entry(), version: created.version },
    });
    expect(put.statusCode).toBe(403);
    expect((await enterprise.request({ method: 'GET', url: '/api/experts' })).statusCode).toBe(403);
  });

  it('edits with optimistic locking: a stale version is refused with 409', async () => {
    const ok = await planner.request({
      method: 'PUT',
      url: `/api/experts/${created.id}`,
      payload: { ...entry({ yearlyQuota: 12 }), version: created.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ yearlyQuota: 12, version: created.version + 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'expert')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('expert.update');
    expect(JSON.parse(JSON.stringify(audit.before))).toMatchObject({ yearlyQuota: 20 });
    expect(JSON.parse(JSON.stringify(audit.after))).toMatchObject({ yearlyQuota: 12 });
    const stale = await planner.request({
      method: 'PUT',
      url: `/api/experts/${created.id}`,
      payload: { ...entry(), version: created.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common/conflict');
    created = ok.json();
  });

  it('pauses with a reason (kept in the history), refuses an impossible step, resumes', async () => {
    const noReason = await planner.request({
      method: 'POST',
      url: `/api/experts/${created.id}/status`,
      payload: { action: 'pause', version: created.version },
    });
    expect(noReason.statusCode).toBe(400);
    const paused = await planner.request({
      method: 'POST',
      url: `/api/experts/${created.id}/status`,
      payload: { action: 'pause', version: created.version, reason: '赴外地挂职一年' },
    });
    expect(paused.json()).toMatchObject({ status: 'paused' });
    expect(paused.json().history[0]).toMatchObject({ action: 'expert.pause', reason: '赴外地挂职一年', actor: '王规划' });
    const approve = await planner.request({
      method: 'POST',
      url: `/api/experts/${created.id}/status`,
      payload: { action: 'approve', version: paused.json().version },
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().code).toBe('expert/invalid_transition');
    const resumed = await planner.request({
      method: 'POST',
      url: `/api/experts/${created.id}/status`,
      payload: { action: 'resume', version: paused.json().version },
    });
    expect(resumed.json()).toMatchObject({ status: 'active' });
  });
});

describe('an expert keeps their own entry', () => {
  let mine: TExpert;

  it('has no entry at first; the first save waits for the bureau', async () => {
    expect((await expert.request({ method: 'GET', url: '/api/experts/me' })).json()).toEqual({ expert: null });
    const relationsFirst = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/relations',
      payload: { version: 1, relations: [] },
    });
    expect(relationsFirst.json().code).toBe('expert/no_profile');
    const res = await expert.request({
      method: 'PUT',
      url: '/api/experts/me',
      payload: entry({
        name: '蔺知远',
        disciplineCodes: ['320.24'],
        industryCodes: ['Q84'],
        employments: [{ orgName: '南华大学附属第一医院' }],
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    mine = res.json();
    expect(mine).toMatchObject({ status: 'pending', username: 'expert', approvedBy: null });
    expect(
      (await planner.request({ method: 'GET', url: '/api/experts?status=pending&q=蔺知远' }))
        .json()
        .items.map((x: { name: string }) => x.name),
    ).toEqual(['蔺知远']);
  });

  it('cannot list the pool, read another entry, or change status', async () => {
    expect((await expert.request({ method: 'GET', url: '/api/experts' })).statusCode).toBe(403);
    const other = (await planner.request({ method: 'GET', url: '/api/experts?q=贺知章' })).json().items[0];
    expect((await expert.request({ method: 'GET', url: `/api/experts/${other.id}` })).statusCode).toBe(403);
    expect((await expert.request({ method: 'GET', url: `/api/experts/${mine.id}` })).statusCode).toBe(200);
    const self = await expert.request({
      method: 'POST',
      url: `/api/experts/${mine.id}/status`,
      payload: { action: 'approve', version: mine.version },
    });
    expect(self.statusCode).toBe(403);
    expect((await enterprise.request({ method: 'GET', url: '/api/experts/me' })).statusCode).toBe(403);
  });

  it('rejected, then saved again: back to pending; approved by the bureau', async () => {
    const rejected = await planner.request({
      method: 'POST',
      url: `/api/experts/${mine.id}/status`,
      payload: { action: 'reject', version: mine.version, reason: '请补充职称证明' },
    });
    expect(rejected.json().status).toBe('rejected');
    const again = await expert.request({
      method: 'PUT',
      url: '/api/experts/me',
      payload: {
        ...entry({ name: '蔺知远', title: '主任医师', disciplineCodes: ['320.24'], employments: [{ orgName: '南华大学附属第一医院' }] }),
        version: rejected.json().version,
      },
    });
    expect(again.json()).toMatchObject({ status: 'pending', title: '主任医师' });
    const approved = await planner.request({
      method: 'POST',
      url: `/api/experts/${mine.id}/status`,
      payload: { action: 'approve', version: again.json().version },
    });
    expect(approved.json()).toMatchObject({ status: 'active', approvedBy: '王规划' });
    mine = approved.json();
  });

  it('edits an approved entry at once with an audit row of before and after; the region stays the bureau’s', async () => {
    const moved = await expert.request({
      method: 'PUT',
      url: '/api/experts/me',
      payload: { ...entry({ name: '蔺知远', regionCode: '430100' }), version: mine.version },
    });
    expect(moved.json().code).toBe('expert/region_locked');
    const res = await expert.request({
      method: 'PUT',
      url: '/api/experts/me',
      payload: {
        ...entry({
          name: '蔺知远',
          title: '主任医师',
          disciplineCodes: ['320.24', '320.67'],
          employments: [{ orgName: '南华大学附属第一医院' }],
        }),
        version: mine.version,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', disciplineCodes: ['320.24', '320.67'] });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_username'])
      .where('entity_type', '=', 'expert')
      .where('entity_id', '=', String(mine.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'expert.self_update', actor_username: 'expert' });
    expect(JSON.stringify(audit.before)).toContain('"320.24"]');
    expect(JSON.stringify(audit.after)).toContain('320.67');
    mine = res.json();
  });

  it('declares relations (an identity number kept only as a hash) and unavailable dates', async () => {
    const kin = idNumber('43040419800808002');
    const res = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/relations',
      payload: {
        version: mine.version,
        relations: [
          { kind: 'kin', personName: '陈晓', idNumber: kin, note: '配偶' },
          { kind: 'mentor', personName: '王教授', note: '博士导师' },
          { kind: 'shareholding', orgName: '衡阳衡山科学仪器有限公司', note: '持股 2%', fromDate: '2020-01-01' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const relations = res.json().relations as TExpert['relations'];
    expect(relations.map((r) => r.kind)).toEqual(['kin', 'mentor', 'shareholding']);
    expect(relations[0]).toMatchObject({ personName: '陈晓', personIdLast4: kin.slice(-4) });
    expect(relations[0]?.personId).not.toBeNull();
    // the shareholding names the registered enterprise
    expect(relations[2]?.orgId).not.toBeNull();
    expect(res.body).not.toContain(kin.slice(0, 14));
    const stored = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', relations[0]?.personId ?? 0)
      .executeTakeFirstOrThrow();
    expect(stored.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(kin.slice(0, 14));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'expert.relations')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain(kin.slice(0, 14));

    const badDates = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/unavailable',
      payload: { version: res.json().version, periods: [{ fromDate: '2026-08-10', toDate: '2026-08-01' }] },
    });
    expect(badDates.statusCode).toBe(400);
    const away = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/unavailable',
      payload: { version: res.json().version, periods: [{ fromDate: '2026-08-01', toDate: '2026-08-10', note: '出国访问' }] },
    });
    expect(away.json().unavailable).toMatchObject([{ fromDate: '2026-08-01', toDate: '2026-08-10', note: '出国访问' }]);
    expect(away.json().status).toBe('active');
  });

  it('keeps a relation’s person record when the list is saved again without the identity number', async () => {
    const cur = (await expert.request({ method: 'GET', url: '/api/experts/me' })).json().expert as TExpert;
    const kin = cur.relations.find((r) => r.kind === 'kin');
    expect(kin?.personId).not.toBeNull();
    const again = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/relations',
      payload: {
        version: cur.version,
        relations: cur.relations.map((r) => ({ id: r.id, kind: r.kind, personName: r.personName, orgName: r.orgName, note: r.note })),
      },
    });
    expect(again.statusCode, again.body).toBe(200);
    const after = (again.json() as TExpert).relations.find((r) => r.kind === 'kin');
    expect(after).toMatchObject({ personId: kin?.personId, personIdLast4: kin?.personIdLast4 });
    // a renamed relation is a different person: the record is not carried over
    const renamed = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/relations',
      payload: { version: again.json().version, relations: [{ id: after?.id, kind: 'kin', personName: '陈某某' }] },
    });
    expect(renamed.json().relations[0]).toMatchObject({ personName: '陈某某', personId: null });
  });

  it('cannot edit once removed from the pool', async () => {
    const cur = (await expert.request({ method: 'GET', url: '/api/experts/me' })).json().expert as TExpert;
    await planner.request({
      method: 'POST',
      url: `/api/experts/${cur.id}/status`,
      payload: { action: 'remove', version: cur.version, reason: '本人申请退出' },
    });
    const res = await expert.request({
      method: 'PUT',
      url: '/api/experts/me/unavailable',
      payload: { version: cur.version + 1, periods: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('expert/removed');
  });
});
