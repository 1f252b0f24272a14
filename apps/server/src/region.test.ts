import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('regions', () => {
  it('lists provinces, then children of a region', async () => {
    const top = (await admin.request({ method: 'GET', url: '/api/regions' })).json();
    expect(top).toHaveLength(34);
    const kids = (await admin.request({ method: 'GET', url: '/api/regions?parent=430400' })).json();
    expect(kids.map((r: { name: string }) => r.name)).toContain('耒阳市');
  });

  it('finds a region by pinyin initials and by part of its name', async () => {
    const byInitials = (await admin.request({ method: 'GET', url: '/api/regions?q=hys' })).json();
    expect(byInitials.map((r: { code: string }) => r.code)).toContain('430400');
    const byName = (await admin.request({ method: 'GET', url: `/api/regions?q=${encodeURIComponent('衡阳')}` })).json();
    expect(byName.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['衡阳市', '衡阳县']));
  });

  it('gives the path from the province down', async () => {
    const res = (await admin.request({ method: 'GET', url: '/api/regions/430481' })).json();
    expect(res.path.map((r: { name: string }) => r.name)).toEqual(['湖南省', '衡阳市', '耒阳市']);
  });

  it('keeps history through a 区划调整: a recode retires the old code and links its successor', async () => {
    // an organisation in the old county keeps pointing at it
    const org = (
      await admin.request({ method: 'POST', url: '/api/orgs', payload: { name: '衡南县科工局', kind: 'department', regionCode: '430422' } })
    ).json();
    const change = await admin.request({
      method: 'POST',
      url: '/api/regions/changes',
      payload: {
        kind: 'recode',
        effectiveDate: '2026-06-01',
        fromCodes: ['430422'],
        to: { code: '430409', name: '衡南区', parentCode: '430400' },
        note: '撤县设区',
      },
    });
    expect(change.statusCode).toBe(200);
    const old = (await admin.request({ method: 'GET', url: '/api/regions/430422' })).json().region;
    expect(old).toMatchObject({ name: '衡南县', validTo: '2026-06-01', successorCode: '430409' });
    const kids = (await admin.request({ method: 'GET', url: '/api/regions?parent=430400' })).json().map((r: { code: string }) => r.code);
    expect(kids).toContain('430409');
    expect(kids).not.toContain('430422');
    const withRetired = (await admin.request({ method: 'GET', url: '/api/regions?parent=430400&includeRetired=true' })).json();
    expect(withRetired.map((r: { code: string }) => r.code)).toContain('430422');
    // history still reads: the org keeps its old region, and new records cannot use it
    expect((await admin.request({ method: 'GET', url: `/api/orgs/${org.id}` })).json().regionName).toBe('衡南县');
    const refused = await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: '新单位', kind: 'department', regionCode: '430422' },
    });
    expect(refused.json().code).toBe('region/retired');
    const log = (await admin.request({ method: 'GET', url: '/api/regions/changes' })).json();
    expect(log[0]).toMatchObject({ kind: 'recode', fromCodes: ['430422'], toCode: '430409' });
  });

  it('renames in place and merges several into one', async () => {
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/regions/changes',
          payload: {
            kind: 'rename',
            effectiveDate: '2026-07-01',
            fromCodes: ['430412'],
            to: { code: '430412', name: '南岳新区', parentCode: '430400' },
          },
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin.request({ method: 'GET', url: '/api/regions/430412' })).json().region.name).toBe('南岳新区');
    const merge = await admin.request({
      method: 'POST',
      url: '/api/regions/changes',
      payload: {
        kind: 'merge',
        effectiveDate: '2026-08-01',
        fromCodes: ['430405', '430406'],
        to: { code: '430405', name: '珠晖区', parentCode: '430400' },
      },
    });
    expect(merge.statusCode).toBe(200);
    const yanfeng = (await admin.request({ method: 'GET', url: '/api/regions/430406' })).json().region;
    expect(yanfeng.successorCode).toBe('430405');
    expect((await admin.request({ method: 'GET', url: '/api/regions/430405' })).json().region.validTo).toBeNull();
  });

  it('refuses an inconsistent change and writes nothing', async () => {
    const before = await t.count('region_change');
    const bad = await admin.request({
      method: 'POST',
      url: '/api/regions/changes',
      payload: {
        kind: 'merge',
        effectiveDate: '2026-08-01',
        fromCodes: ['430481'],
        to: { code: '430481', name: 'x', parentCode: '430400' },
      },
    });
    expect(bad.json().code).toBe('region/invalid_change');
    expect(await t.count('region_change')).toBe(before);
  });
});
