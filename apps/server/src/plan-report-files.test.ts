import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFixture, type PlanFixture } from './plan-fixture.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// Deleting a draft removes its evidence files from the file store, except files an earlier version
// of the report still holds (a revision shares them).

let t: TestApp;
let f: PlanFixture;
let leiyang: Client;
let planner: Client;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${encodeURIComponent(text)}\n%%EOF\n`, 'latin1');

beforeAll(async () => {
  t = await createTestApp();
  f = await createPlanFixture(t.database.db, { title: '佐证文件测试计划' });
  [leiyang, planner] = await Promise.all([t.login('reporter.leiyang'), t.login('planner')]);
});
afterAll(async () => t?.close());

async function draft(period: string) {
  const res = await leiyang.request({
    method: 'POST',
    url: '/api/plan-reports',
    payload: { nodeId: f.monthly, period, narrative: `${period} 进展`, percent: 20 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; rowVersion: number };
}
async function attach(reportId: number, name: string) {
  const res = await leiyang.request({
    method: 'POST',
    url: `/api/plan-reports/${reportId}/attachments?filename=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: pdf(name),
  });
  expect(res.statusCode, res.body).toBe(200);
}
const keysOf = async (reportId: number) =>
  (await t.database.db.selectFrom('report_attachment').select('storage_key').where('report_id', '=', reportId).execute()).map(
    (a) => a.storage_key,
  );
const stored = async (key: string) => (await t.ctx().files?.get(key)) != null;
const remove = (id: number) => leiyang.request({ method: 'DELETE', url: `/api/plan-reports/${id}` });
const act = async (c: Client, id: number, action: string, payload: Record<string, unknown> = {}) => {
  const cur = (await c.request({ method: 'GET', url: `/api/plan-reports/${id}` })).json();
  const res = await c.request({
    method: 'POST',
    url: `/api/plan-reports/${id}/${action}`,
    payload: { rowVersion: cur.rowVersion, ...payload },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number };
};

describe('evidence files of deleted drafts', () => {
  it('are removed from the file store with the draft', async () => {
    const d = await draft('2026-02');
    await attach(d.id, '名单一.pdf');
    await attach(d.id, '名单二.pdf');
    const keys = await keysOf(d.id);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(await stored(k)).toBe(true);
    expect((await remove(d.id)).statusCode).toBe(200);
    for (const k of keys) expect(await stored(k)).toBe(false);
  });

  it('are kept when an earlier version of the report still holds them', async () => {
    const d = await draft('2026-03');
    await attach(d.id, '原件.pdf');
    const [shared] = (await keysOf(d.id)) as [string];
    await act(leiyang, d.id, 'submit');
    await act(planner, d.id, 'return', { comment: '请补充' });
    const rev = await leiyang.request({ method: 'POST', url: `/api/plan-reports/${d.id}/revise` });
    expect(rev.statusCode, rev.body).toBe(200);
    const v2 = rev.json() as { id: number };
    expect(await keysOf(v2.id)).toEqual([shared]);
    await attach(v2.id, '补充.pdf');
    const own = (await keysOf(v2.id)).find((k) => k !== shared) as string;

    expect((await remove(v2.id)).statusCode).toBe(200);
    expect(await stored(shared)).toBe(true);
    expect(await stored(own)).toBe(false);
    // the first version's file still downloads
    const a = await t.database.db.selectFrom('report_attachment').select('id').where('report_id', '=', d.id).executeTakeFirstOrThrow();
    const down = await planner.request({ method: 'GET', url: `/api/plan-reports/${d.id}/attachments/${a.id}` });
    expect(down.statusCode).toBe(200);
  });

  it('stay when the deletion is refused', async () => {
    const d = await draft('2026-04');
    await attach(d.id, '保留.pdf');
    const [key] = (await keysOf(d.id)) as [string];
    await act(leiyang, d.id, 'submit');
    const res = await remove(d.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('report/not_draft');
    expect(await stored(key)).toBe(true);
  });
});

describe('a report opened alone', () => {
  // a report alone and a task's list of reports both carry their values and files from json columns of one statement
  it('carries the same values and files as in its task’s list of reports', async () => {
    const res = await leiyang.request({
      method: 'POST',
      url: '/api/plan-reports',
      payload: {
        nodeId: f.monthly,
        period: '2026-09',
        narrative: '九月进展',
        percent: 40,
        values: [{ targetId: f.targetId, value: 12.345 }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { id } = res.json() as { id: number };
    await attach(id, '九月佐证一.pdf');
    await attach(id, '九月佐证二.pdf');
    const alone = (await leiyang.request({ method: 'GET', url: `/api/plan-reports/${id}` })).json();
    expect(alone.values).toEqual([expect.objectContaining({ targetId: f.targetId, value: 12.345 })]);
    expect(alone.attachments.map((a: { filename: string }) => a.filename)).toEqual(['九月佐证一.pdf', '九月佐证二.pdf']);
    expect(alone.attachments[0].uploadedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const detail = await leiyang.request({ method: 'GET', url: `/api/plans/${f.planId}/tasks/${f.monthly}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const listed = JSON.stringify(detail.json()).includes(`"id":${id}`) ? findReportIn(detail.json(), id) : undefined;
    expect(listed).toEqual(alone);
  });
});

/** the report with this id anywhere in a task detail */
function findReportIn(x: unknown, id: number): unknown {
  if (Array.isArray(x)) {
    for (const y of x) {
      const r = findReportIn(y, id);
      if (r) return r;
    }
  } else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (o.id === id && 'attachments' in o && 'rowVersion' in o) return o;
    for (const v of Object.values(o)) {
      const r = findReportIn(v, id);
      if (r) return r;
    }
  }
  return undefined;
}
