import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  for (let i = 1; i <= 25; i++) {
    await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: `耒阳企业${String(i).padStart(2, '0')}`, kind: 'enterprise', regionCode: '430481' },
    });
  }
});
afterAll(async () => t?.close());

describe('organisations', () => {
  it('pages, searches and filters within the region subtree', async () => {
    const p1 = (await admin.request({ method: 'GET', url: '/api/orgs?kind=enterprise&pageSize=10&sort=name' })).json();
    expect(p1.total).toBe(26); // 25 + the demo enterprise
    expect(p1.items).toHaveLength(10);
    const p3 = (await admin.request({ method: 'GET', url: '/api/orgs?kind=enterprise&pageSize=10&page=3&sort=name' })).json();
    expect(p3.items).toHaveLength(6);
    const past = (await admin.request({ method: 'GET', url: '/api/orgs?kind=enterprise&pageSize=10&page=9' })).json();
    expect(past).toMatchObject({ items: [], total: 26 });
    const q = (await admin.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('企业0')}` })).json();
    expect(q.total).toBe(9);
    const county = (await admin.request({ method: 'GET', url: '/api/orgs?region=430481' })).json();
    expect(county.items.every((o: { regionCode: string }) => o.regionCode === '430481')).toBe(true);
  });

  it('shows a city planner the city, a province viewer the province, a reporter only its own unit', async () => {
    const names = async (u: string) =>
      ((await (await t.login(u)).request({ method: 'GET', url: '/api/orgs?pageSize=200' })).json().items as Array<{ name: string }>).map(
        (o) => o.name,
      );
    const planner = await names('planner');
    expect(planner).toContain('耒阳市人民政府');
    expect(planner).not.toContain('长沙市科学技术局');
    expect(await names('province')).toEqual(expect.arrayContaining(['长沙市科学技术局', '耒阳市人民政府']));
    expect(await names('reporter.hengnan')).toEqual(['衡南县人民政府']);
    expect(await names('planner.changsha')).toEqual(['长沙市科学技术局']);
  });

  it('will not disable a unit that still has active users', async () => {
    const o = (await admin.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('衡南县人民政府')}` })).json().items[0];
    const res = await admin.request({ method: 'POST', url: `/api/orgs/${o.id}/disable`, payload: { disabled: true, version: o.version } });
    expect(res.json().code).toBe('org/has_users');
  });
});

describe('boolean query flags', () => {
  it('reads includeDisabled=false as false', async () => {
    const all = (await admin.request({ method: 'GET', url: '/api/orgs?includeDisabled=true&pageSize=200' })).json().total;
    const o = (
      await admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '待停用单位', kind: 'department', regionCode: '430400' } })
    ).json();
    await admin.request({ method: 'POST', url: `/api/orgs/${o.id}/disable`, payload: { disabled: true, version: o.version } });
    const off = (await admin.request({ method: 'GET', url: '/api/orgs?includeDisabled=false&pageSize=200' })).json().total;
    const on = (await admin.request({ method: 'GET', url: '/api/orgs?includeDisabled=true&pageSize=200' })).json().total;
    expect(on).toBe(all + 1);
    expect(off).toBe(on - 1);
  });
});
