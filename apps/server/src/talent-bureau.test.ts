import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

/*
 * The bureau's 特派员 screens over the API: dispatching with an account by username, 调整选派 and 撤销选派, the
 * 服务对象 list (edit, delete, export), the 服务对象's confirmation by link (one answer, confirmed or disputed, nothing
 * else readable), and withdrawing a nominee of a selection round. Every refusal writes nothing.
 */

let t: TestApp;
let planner: Client;
let expert: Client;
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function auditRows(action: string): Promise<number> {
  const r = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function talent(name: string): Promise<number> {
  const res = await planner.request({
    method: 'POST',
    url: '/api/talent/people',
    payload: { person: { name }, regionCode: '430422', field: '油茶栽培', level: 'high' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.login('planner');
  expert = await t.login('expert');
});
afterAll(async () => t?.close());

describe('调整选派 and 撤销选派', () => {
  it('dispatches with an account by username, moves the 特派员 into a team, and refuses a stale version', async () => {
    const team = (
      await planner.request({ method: 'POST', url: '/api/talent/teams', payload: { name: '衡南县油茶服务团', year, regionCode: '430422' } })
    ).json();
    const unknown = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: await talent('赵无号'), year, regionCode: '430422', username: 'no.such.user' },
    });
    expect(unknown.json().code).toBe('talent/account_not_found');
    const c = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: await talent('赵调整'), year, regionCode: '430422', username: 'expert' },
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ username: 'expert', teamId: null, disputedCount: 0 });
    const moved = await planner.request({
      method: 'PUT',
      url: `/api/talent/commissioners/${c.json().id}`,
      payload: { version: 1, teamId: team.id, username: null },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ teamId: team.id, teamName: '衡南县油茶服务团', userId: null, version: 2 });
    const before = await t.count('audit_log');
    const stale = await planner.request({
      method: 'PUT',
      url: `/api/talent/commissioners/${c.json().id}`,
      payload: { version: 1, teamId: null, username: null },
    });
    expect(stale.json().code).toBe('talent/stale');
    expect(await t.count('audit_log')).toBe(before);
    const inTeam = await planner.request({ method: 'GET', url: `/api/talent/commissioners?year=${year}&teamId=${team.id}` });
    expect(inTeam.json().items.map((x: { name: string }) => x.name)).toEqual(['赵调整']);
    const unassessed = await planner.request({ method: 'GET', url: `/api/talent/commissioners?year=${year}&grade=none` });
    expect(unassessed.json().total).toBeGreaterThan(0);
  });

  it('withdraws a selection made in error, and the 科技特派员数 moves back; a logged 特派员 stays', async () => {
    const c = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: await talent('钱撤销'), year, regionCode: '430422' },
    });
    await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${c.json().id}/targets`,
      payload: { kind: 'coop', name: '衡南县茶油合作社', regionCode: '430422' },
    });
    const counted = async () =>
      (await planner.request({ method: 'GET', url: `/api/talent/commissioner-counts?year=${year}&region=430422` })).json().rows[0].people;
    const people = await counted();
    const res = await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${c.json().id}/withdraw`,
      payload: { version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await counted()).toBe(people - 1);
    expect(await auditRows('talent.commissioner.withdraw')).toBe(1);
    const gone = await t.database.db.selectFrom('service_target').select('id').where('commissioner_id', '=', c.json().id).execute();
    expect(gone).toEqual([]);
  });
});

describe('服务对象 and the confirmation by link', () => {
  let commissionerId: number;
  let targetId: number;
  let token: string;

  it('lists, edits and exports 服务对象, refusing a place outside the county', async () => {
    const c = await planner.request({
      method: 'POST',
      url: '/api/talent/commissioners',
      payload: { talentId: await talent('孙服务'), year, regionCode: '430422', username: 'expert' },
    });
    commissionerId = c.json().id;
    const withTarget = await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${commissionerId}/targets`,
      payload: { kind: 'village', name: '栗江镇湖塘村', regionCode: '430422', villageCode: '430422105201' },
    });
    targetId = withTarget.json().targets[0].id;
    const before = await t.count('audit_log');
    const outside = await planner.request({
      method: 'PUT',
      url: `/api/talent/targets/${targetId}`,
      payload: { kind: 'village', name: '栗江镇湖塘村', regionCode: '430423', villageCode: null },
    });
    expect(outside.json().code).toBe('talent/target_region');
    const badVillage = await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${commissionerId}/targets`,
      payload: { kind: 'village', name: '别处的村', regionCode: '430422', villageCode: '430423203210' },
    });
    expect(badVillage.json().code).toBe('talent/target_region');
    expect(await t.count('audit_log')).toBe(before);
    const edited = await planner.request({
      method: 'PUT',
      url: `/api/talent/targets/${targetId}`,
      payload: { kind: 'village', name: '栗江镇湖塘村（油茶基地）', regionCode: '430422', villageCode: '430422105201' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '栗江镇湖塘村（油茶基地）', commissionerName: '孙服务', servedLogs: 0 });
    expect(await auditRows('talent.target.update')).toBe(1);
    const listed = await planner.request({ method: 'GET', url: `/api/talent/targets?kind=village&q=${encodeURIComponent('孙服务')}` });
    expect(listed.json().items.map((x: { id: number }) => x.id)).toEqual([targetId]);
    const xlsx = await planner.request({ method: 'GET', url: '/api/talent/targets/export?kind=village' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the 服务对象 the one service its link belongs to and nothing else', async () => {
    const log = await expert.request({
      method: 'POST',
      url: '/api/talent/service-logs',
      payload: { targetId, servedOn: today, kind: 'guidance', content: '指导油茶林冬季修剪' },
    });
    expect(log.statusCode, log.body).toBe(200);
    token = log.json().confirmToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const view = await t.app.inject({ method: 'GET', url: `/api/public/service-confirmations/${token}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(Object.keys(view.json()).sort()).toEqual(
      ['commissionerName', 'confirmedAt', 'confirmedBy', 'content', 'kind', 'photos', 'servedOn', 'status', 'targetName'].sort(),
    );
    expect(view.json()).toMatchObject({ commissionerName: '孙服务', targetName: '栗江镇湖塘村（油茶基地）', status: 'pending' });
    const unknown = await t.app.inject({ method: 'GET', url: `/api/public/service-confirmations/${'A'.repeat(32)}` });
    expect(unknown.json().code).toBe('talent/code_invalid');
    const short = await t.app.inject({ method: 'GET', url: '/api/public/service-confirmations/ABCD2345' });
    expect(short.statusCode).toBe(400);
    const deleteLogged = await planner.request({ method: 'DELETE', url: `/api/talent/targets/${targetId}` });
    expect(deleteLogged.json().code).toBe('talent/target_has_logs');
    const withdrawLogged = await planner.request({
      method: 'POST',
      url: `/api/talent/commissioners/${commissionerId}/withdraw`,
      payload: { version: 1 },
    });
    expect(withdrawLogged.json().code).toBe('talent/commissioner_has_logs');
  });

  it('takes one answer: a dispute needs its reason, and a second answer writes nothing', async () => {
    const url = `/api/public/service-confirmations/${token}`;
    const before = await t.count('audit_log');
    const bare = await t.app.inject({ method: 'POST', url, payload: { result: 'disputed', name: '湖塘村 李村长' } });
    expect(bare.json().code).toBe('talent/dispute_note_required');
    expect(await t.count('audit_log')).toBe(before);
    const disputed = await t.app.inject({
      method: 'POST',
      url,
      payload: { result: 'disputed', name: '湖塘村 李村长', note: '当天未到村，修剪指导是在镇上集中进行的' },
    });
    expect(disputed.statusCode, disputed.body).toBe(200);
    expect(disputed.json()).toMatchObject({ status: 'disputed', confirmedBy: '湖塘村 李村长' });
    expect(await auditRows('talent.service.dispute')).toBe(1);
    const after = await t.count('audit_log');
    const again = await t.app.inject({ method: 'POST', url, payload: { result: 'confirmed', name: '另一人' } });
    expect(again.json().code).toBe('talent/already_confirmed');
    expect(await t.count('audit_log')).toBe(after);
    const logs = await planner.request({ method: 'GET', url: `/api/talent/service-logs?status=disputed&commissionerId=${commissionerId}` });
    expect(logs.json().items).toHaveLength(1);
    expect(logs.json().items[0]).toMatchObject({ confirmStatus: 'disputed', confirmNote: '当天未到村，修剪指导是在镇上集中进行的' });
    const mine = await expert.request({ method: 'GET', url: '/api/talent/my-commission' });
    const own = mine.json().logs.find((l: { id: number }) => l.id === logs.json().items[0].id);
    expect(own).toMatchObject({ confirmStatus: 'disputed', confirmToken: null });
    const c = await planner.request({ method: 'GET', url: `/api/talent/commissioners?year=${year}&q=${encodeURIComponent('孙服务')}` });
    expect(c.json().items[0]).toMatchObject({ logCount: 1, confirmedCount: 0, disputedCount: 1 });
  });
});

describe('selection rounds', () => {
  it('lists nominees with field and level, withdraws one from an open round, and refuses after the decision', async () => {
    const g = await planner.request({
      method: 'POST',
      url: '/api/talent/programmes',
      payload: { name: '衡阳英才计划', regionCode: '430400' },
    });
    const p = await planner.request({
      method: 'POST',
      url: `/api/talent/programmes/${g.json().id}/rounds`,
      payload: { year, title: `${year}年度遴选`, quota: 2 },
    });
    const roundId = p.json().rounds[0].id;
    const a = await talent('周候选');
    const b = await talent('吴候选');
    for (const id of [a, b])
      await planner.request({ method: 'POST', url: `/api/talent/rounds/${roundId}/nominations`, payload: { talentId: id } });
    const before = await t.count('audit_log');
    const notThere = await planner.request({ method: 'DELETE', url: `/api/talent/rounds/${roundId}/nominations/${2_000_000}` });
    expect(notThere.json().code).toBe('talent/not_nominee');
    expect(await t.count('audit_log')).toBe(before);
    const out = await planner.request({ method: 'DELETE', url: `/api/talent/rounds/${roundId}/nominations/${b}` });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().rounds[0].nominees).toEqual([
      { talentId: a, name: '周候选', employerName: null, field: '油茶栽培', level: 'high', selected: null },
    ]);
    expect(await auditRows('talent.round.withdraw')).toBe(1);
    await planner.request({ method: 'POST', url: `/api/talent/rounds/${roundId}/decide`, payload: { version: 1, selected: [a] } });
    const late = await planner.request({ method: 'DELETE', url: `/api/talent/rounds/${roundId}/nominations/${a}` });
    expect(late.json().code).toBe('talent/round_decided');
  });
});
