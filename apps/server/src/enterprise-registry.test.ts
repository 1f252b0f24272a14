import { usccCheckChar } from '@kechuang/contracts';
import { bureauDate, rebuildAllLadders } from '@kechuang/core';
import { goodYear } from '@kechuang/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let enterprise: Client;
let seq = 0;

/** A fresh credit code with a valid check character. */
function uscc(): string {
  const first = `91430405MA5${String(++seq).padStart(6, '0')}`;
  return `${first}${usccCheckChar(first)}`;
}
// "today" where the bureau is, as the server reckons it
const today = () => bureauDate(new Date());
function shift(iso: string, days: number, years = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function create(region: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/enterprises',
    payload: { uscc: uscc(), name: `企业${seq}`, regionCode: region, ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}
async function status(id: number, rung: string, validFrom: string, validTo: string | null = null) {
  const res = await admin.request({ method: 'POST', url: `/api/enterprises/${id}/statuses`, payload: { rung, validFrom, validTo } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function saveYear(client: Client, id: number, year: number, overrides: Parameters<typeof goodYear>[1] = {}) {
  const { year: _y, ...figures } = goodYear(year, overrides);
  return client.request({ method: 'PUT', url: `/api/enterprises/${id}/years/${year}`, payload: figures });
}
async function funnel(region: string, year: number) {
  const res = await admin.request({ method: 'GET', url: `/api/enterprises/funnel?region=${region}&year=${year}` });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    (res.json().rungs as Array<{ rung: string; count: number; netAdditions: number; expiring90: number; expiring180: number }>).map((r) => [
      r.rung,
      r,
    ]),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  enterprise = await t.login('enterprise');
});
afterAll(async () => t?.close());

describe('enterprise registry', () => {
  it('refuses a credit code with a wrong check character', async () => {
    const good = uscc();
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: bad, name: '校验失败企业', regionCode: '430405' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('uscc');
  });

  it('registers an enterprise with one audit row and refuses the same credit code twice', async () => {
    const code = uscc();
    const before = await t.count('audit_log');
    const first = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: code, name: '重复企业', regionCode: '430405' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ uscc: code, regionName: '珠晖区', rungs: [], version: 1 });
    expect(await t.count('audit_log')).toBe(before + 1);
    const again = await admin.request({
      method: 'POST',
      url: '/api/enterprises',
      payload: { uscc: code, name: '另一家', regionCode: '430405' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('enterprise/duplicate_uscc');
    expect(await t.count('audit_log')).toBe(before + 1);
  });

  it('shows an enterprise user only the enterprise of its own organisation', async () => {
    await create('430408');
    const list = (await enterprise.request({ method: 'GET', url: '/api/enterprises?pageSize=200' })).json();
    expect(list.items.map((e: { name: string }) => e.name)).toEqual(['衡阳衡山科学仪器有限公司']);
    const other = await create('430408');
    expect((await enterprise.request({ method: 'GET', url: `/api/enterprises/${other}` })).statusCode).toBe(403);
    expect((await saveYear(enterprise, other, 2025)).statusCode).toBe(403);
    const own = list.items[0].id;
    expect((await saveYear(enterprise, own, 2025)).statusCode).toBe(200);
  });

  it('saves a year of figures and assesses the stored enterprise without storing anything', async () => {
    const id = await create('430405', { registeredOn: '2018-03-15', industryCode: 'c39' });
    for (const y of [2023, 2024, 2025]) expect((await saveYear(admin, id, y)).statusCode).toBe(200);
    const updated = await saveYear(admin, id, 2025, { techStaffAvg: '5' });
    expect(updated.json().years.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025]);
    expect(updated.json().years[2].techStaffAvg).toBe('5');
    expect(updated.json().industryCode).toBe('C39');
    const before = await t.count('audit_log');
    const res = await admin.request({ method: 'GET', url: `/api/enterprises/${id}/assessment?at=2026-06-01` });
    expect(res.statusCode, res.body).toBe(200);
    const hnte = res.json().result.assessments.find((a: { program: string }) => a.program === 'hnte');
    const c4 = hnte.conditions.find((c: { id: string }) => c.id === 'hnte.c4');
    expect(c4.status).toBe('unmet'); // 5 of 100 staff
    expect(hnte.conditions.find((c: { id: string }) => c.id === 'hnte.c5.ratio').status).toBe('met');
    expect(res.body).not.toContain('认定通过');
    expect(await t.count('audit_log')).toBe(before);
  });

  it('keeps the ladder history and dates a 高新技术企业 certificate for three years', async () => {
    const id = await create('430405');
    await status(id, 'hnte', '2022-12-01');
    const detail = await status(id, 'hnte', '2025-11-20');
    expect(detail.statuses.map((s: { validFrom: string; validTo: string }) => [s.validFrom, s.validTo])).toEqual([
      ['2022-12-01', '2025-11-30'],
      ['2025-11-20', '2028-11-19'],
    ]);
    const bad = await admin.request({
      method: 'POST',
      url: `/api/enterprises/${id}/statuses`,
      payload: { rung: 'techSme', validFrom: '2025-05-01', validTo: '2025-01-01' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('funnel', () => {
  it('counts each rung at the year end with exact net additions (hand-checked fixture in 衡东县)', async () => {
    const a = await create('430424');
    await status(a, 'techSme', '2024-05-01', '2024-12-31');
    await status(a, 'techSme', '2025-05-01', '2025-12-31');
    await status(a, 'hnte', '2022-12-01'); // to 2025-11-30
    await status(a, 'hnte', '2025-11-20'); // renewed, overlapping: still one enterprise
    const b = await create('430424');
    await status(b, 'techSme', '2025-06-01', '2025-12-31');
    await status(b, 'hnteReserve', '2025-02-01');
    const c = await create('430424');
    await status(c, 'hnte', '2021-10-01'); // to 2024-09-30, not renewed
    await status(c, 'techSme', '2024-04-01', '2024-12-31');
    const d = await create('430424');
    await status(d, 'listed', '2025-03-18');

    const y2025 = await funnel('430424', 2025);
    expect([y2025.techSme?.count, y2025.techSme?.netAdditions]).toEqual([2, 0]);
    expect([y2025.hnteReserve?.count, y2025.hnteReserve?.netAdditions]).toEqual([1, 1]);
    expect([y2025.hnte?.count, y2025.hnte?.netAdditions]).toEqual([1, 0]);
    expect([y2025.listed?.count, y2025.listed?.netAdditions]).toEqual([1, 1]);
    expect([y2025.specialized?.count, y2025.littleGiant?.count]).toEqual([0, 0]);
    const y2024 = await funnel('430424', 2024);
    expect([y2024.techSme?.count, y2024.techSme?.netAdditions]).toEqual([2, 2]);
    expect([y2024.hnte?.count, y2024.hnte?.netAdditions]).toEqual([1, -1]);
    // the city includes the county
    expect((await funnel('430400', 2025)).listed?.count).toBeGreaterThanOrEqual(1);

    // moving an enterprise moves its counts; a full rebuild from the statuses gives the same figures
    const current = (await admin.request({ method: 'GET', url: `/api/enterprises/${d}` })).json();
    const moved = await admin.request({
      method: 'PUT',
      url: `/api/enterprises/${d}`,
      payload: { uscc: current.uscc, name: current.name, regionCode: '430423', version: current.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await funnel('430424', 2025)).listed?.count).toBe(0);
    expect((await funnel('430423', 2025)).listed?.count).toBe(1);
    const before = await funnel('430400', 2025);
    await rebuildAllLadders(t.database.db);
    expect(await funnel('430400', 2025)).toEqual(before);
  });

  it('counts certificates expiring within 90 and 180 days, not those renewed', async () => {
    const now = today();
    const soon = await create('430426');
    await status(soon, 'hnte', shift(now, 30, -3)); // ends in 29 days
    const renewed = await create('430426');
    await status(renewed, 'hnte', shift(now, 30, -3));
    await status(renewed, 'hnte', shift(now, -10));
    const later = await create('430426');
    await status(later, 'specialized', shift(now, -100), shift(now, 120));
    const f = await funnel('430426', Number(now.slice(0, 4)));
    expect([f.hnte?.expiring90, f.hnte?.expiring180]).toEqual([1, 1]);
    expect([f.specialized?.expiring90, f.specialized?.expiring180]).toEqual([0, 1]);
  });
});

describe('reserve pool', () => {
  it('ranks enterprises without 高新技术企业 status by closeness and lists their gaps', async () => {
    const make = async (name: string, overrides: Parameters<typeof goodYear>[1]) => {
      const id = await create('430412', { name, registeredOn: '2018-03-15', industryCode: 'C39' });
      for (const y of [2023, 2024, 2025]) expect((await saveYear(admin, id, y, overrides)).statusCode).toBe(200);
      return id;
    };
    const far = await make('差两项企业', { rdExpense: { personnelFen: 10_000_000 }, techStaffAvg: '5' });
    const close = await make('全部达标企业', {});
    const near = await make('差一项企业', { rdExpense: { personnelFen: 10_000_000 } });
    const holder = await make('已是高企', {});
    await status(holder, 'hnte', '2025-01-10');
    await create('430412', { name: '无数据企业' });
    const res = await admin.request({ method: 'GET', url: '/api/enterprises/reserve?region=430412&at=2026-06-01' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ enterprise: { id: number }; unmet: number; gaps: Array<{ id: string; status: string }> }>;
    expect(items.map((i) => i.enterprise.id)).toEqual([close, near, far]);
    expect(items.map((i) => i.unmet)).toEqual([0, 1, 2]);
    expect(items[1]?.gaps.filter((g) => g.status === 'unmet').map((g) => g.id)).toEqual(['hnte.c5.ratio']);
  });

  it('refuses an enterprise user and a region outside the scope', async () => {
    expect((await enterprise.request({ method: 'GET', url: '/api/enterprises/reserve' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/enterprises/reserve?region=420100' })).statusCode).toBe(403);
  });
});
