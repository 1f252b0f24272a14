import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * Talent and 科技特派员 over the API: one person record behind a talent, identity details only for the bureau's
 * writers, a 特派员 dispatched (the city's 科技特派员数 moves), logging services for their own 服务对象 only, the
 * 服务对象 confirming with its code, and the counts per region.
 */

let t: TestApp;
let planner: Client;
let viewer: Client;
let expert: Client;
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function current(code: string, region: string): Promise<string | undefined> {
  const r = await t.database.db
    .selectFrom('indicator_value')
    .select('value')
    .where('indicator_code', '=', code)
    .where('region_code', '=', region)
    .where('period', '=', String(year))
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return r?.value;
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
  viewer = await t.login('province');
  expert = await t.login('expert');
});
afterAll(async () => t?.close());

describe('talent registry', () => {
  it('keeps one person per identity number, shows its last four to the writers only, and counts the introduction', async () => {
    const body = {
      person: { name: '周引进', idNumber: '11010519491231002X', title: '研究员' },
      regionCode: '430408',
      field: '先进材料',
      level: 'leading',
      introducedOn: `${year}-02-01`,
      introducedFrom: '中南大学',
    };
    const res = await planner.request({ method: 'POST', url: '/api/talent/people', payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '周引进', idLast4: '002X' });
    const again = await planner.request({
      method: 'POST',
      url: '/api/talent/people',
      payload: { ...body, person: { ...body.person, name: '周引进（重复）' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('talent/exists');
    const seen = await viewer.request({ method: 'GET', url: '/api/talent/people?region=430400' });
    expect(seen.json().items[0]).toMatchObject({ name: '周引进', idLast4: null, phone: null });
    expect(await current('talent_count', '430400')).toBe('1');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'talent.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('11010519491231002X');
  });
});

describe('科技特派员', () => {
  let commissionerId: number;
  let targetId: number;

  it('dispatches a talent to 衡南县 with the expert account, and the 科技特派员数 of county and city moves', async () => {
    const talent = await planner.request({
      method: 'POST',
      url: '/api/talent/people',
      payload: { person: { name: '陈特派' }, regionCode: '430422', field: '茶叶种植', level: 'high' },
    });
    const expertUser = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'expert').executeTakeFirstOrThrow();
    const res = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: talent.json().id, year, regionCode: '430422', userId: expertUser.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    commissionerId = res.json().id;
    expect(await current('st_commissioner_count', '430422')).toBe('1');
    expect(await current('st_commissioner_count', '430400')).toBe('1');
    const dup = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: talent.json().id, year, regionCode: '430422' },
    });
    expect(dup.json().code).toBe('talent/commissioner_exists');
  });

  it('lets the 特派员 add a village and log a service; a date outside the year writes nothing', async () => {
    const target = await expert.request({
      method: 'POST',
      url: `/api/talent/commissioners/${commissionerId}/targets`,
      payload: { kind: 'village', name: '衡南县栗江镇湖塘村', regionCode: '430422', villageCode: '430422105201' },
    });
    expect(target.statusCode, target.body).toBe(200);
    targetId = target.json().targets[0].id;
    const before = await t.count('audit_log');
    const bad = await expert.request({
      method: 'POST',
      url: '/api/talent/service-logs',
      payload: { targetId, servedOn: `${year - 1}-12-30`, kind: 'guidance', content: '指导茶园冬季管理' },
    });
    expect(bad.json().code).toBe('talent/served_out_of_year');
    expect(await t.count('audit_log')).toBe(before);
    const planners = await planner.request({
      method: 'POST',
      url: '/api/talent/service-logs',
      payload: { targetId, servedOn: today, kind: 'guidance', content: '指导茶园冬季管理' },
    });
    expect(planners.statusCode).toBe(403);
    const log = await expert.request({
      method: 'POST',
      url: '/api/talent/service-logs',
      payload: { targetId, servedOn: today, kind: 'training', content: '开展茶园病虫害绿色防控培训，32 人参加' },
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().confirmToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const photo = await expert.request({
      method: 'POST',
      url: `/api/talent/service-logs/${log.json().id}/photos?filename=${encodeURIComponent('现场.jpg')}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    });
    expect(photo.json().photos).toBe(1);
    // the bureau's list does not show the code (only the 特派员 hands it over)
    const listed = await planner.request({ method: 'GET', url: '/api/talent/service-logs' });
    expect(listed.json().items[0].confirmToken).toBeNull();
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/public/service-confirmations/${log.json().confirmToken}`,
      payload: { result: 'confirmed', name: '湖塘村 李村长' },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ status: 'confirmed', confirmedBy: '湖塘村 李村长' });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/public/service-confirmations/${log.json().confirmToken}`,
      payload: { result: 'confirmed', name: '又一次' },
    });
    expect(twice.json().code).toBe('talent/already_confirmed');
  });

  it('counts people, services and villages per county', async () => {
    const res = await viewer.request({ method: 'GET', url: `/api/talent/commissioner-counts?year=${year}&region=430400` });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([
      { regionCode: '430400', people: 1, services: 1, villages: 1 },
      { regionCode: '430422', people: 1, services: 1, villages: 1 },
    ]);
    const mine = await expert.request({ method: 'GET', url: '/api/talent/my-commission' });
    expect(mine.json().commissioner).toMatchObject({ logCount: 1, confirmedCount: 1 });
    expect((await planner.request({ method: 'GET', url: '/api/talent/my-commission' })).json()).toBeNull();
  });

  it('assesses the year and selects in a round within its quota', async () => {
    const c = await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${commissionerId}/assess`,
      payload: { version: 1, grade: 'excellent', note: '服务次数多、群众满意' },
    });
    expect(c.json().grade).toBe('excellent');
    const g = await planner.request({
      method: 'POST',
      url: '/api/talent/programmes',
      payload: { name: '衡阳人才雁阵计划', regionCode: '430400' },
    });
    const withRound = await planner.request({
      method: 'POST',
      url: `/api/talent/programmes/${g.json().id}/rounds`,
      payload: { year, title: `${year}年度遴选`, quota: 1 },
    });
    const roundId = withRound.json().rounds[0].id;
    const people = (await planner.request({ method: 'GET', url: '/api/talent/people' })).json().items.map((p: { id: number }) => p.id);
    for (const id of people)
      await planner.request({ method: 'POST', url: `/api/talent/rounds/${roundId}/nominations`, payload: { talentId: id } });
    const over = await planner.request({
      method: 'POST',
      url: `/api/talent/rounds/${roundId}/decide`,
      payload: { version: 1, selected: people },
    });
    expect(over.json().code).toBe('talent/over_quota');
    const ok = await planner.request({
      method: 'POST',
      url: `/api/talent/rounds/${roundId}/decide`,
      payload: { version: 1, selected: [people[0]] },
    });
    expect(ok.json().rounds[0].status).toBe('decided');
    const listed = await planner.request({ method: 'GET', url: '/api/talent/people' });
    expect(listed.json().items.find((p: { id: number }) => p.id === people[0]).programmes).toEqual([{ name: '衡阳人才雁阵计划', year }]);
  });
});
