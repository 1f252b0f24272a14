import { bureauDate } from '@kechuang/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from './testing.ts';

// The demo's projects are made by the same use cases users run: last year's call to acceptance and 争资,
// this year's call open with one application waiting, and nothing started this year.

let t: TestApp;
let planner: Client;
const year = Number(bureauDate(new Date()).slice(0, 4));
beforeAll(async () => {
  t = await createTestApp({ demoPlan: true });
  planner = await t.login('planner');
});
afterAll(async () => t?.close());

describe('the 衡阳 demo projects', () => {
  it('hold last year’s projects: one accepted with its 科技报告, one executing with its first payment', async () => {
    const page = (await planner.request({ method: 'GET', url: `/api/projects?year=${year - 1}` })).json();
    expect(page.total).toBe(2);
    const byTitle = new Map(
      (page.items as Array<{ title: string; status: string; paidFen: number; grantedFen: number }>).map((p) => [p.title, p]),
    );
    expect(byTitle.get('高分辨率拉曼光谱仪研制及产业化')).toMatchObject({ status: 'passed', paidFen: 50_000_000, grantedFen: 50_000_000 });
    expect(byTitle.get('核素检测用高纯锗探测器关键技术研究')).toMatchObject({ status: 'executing', paidFen: 24_000_000 });
  });

  it('count 争资 won last year and nothing started this year', async () => {
    const upward = (await planner.request({ method: 'GET', url: `/api/project-upward?year=${year - 1}` })).json();
    expect(upward).toEqual([expect.objectContaining({ status: 'won', wonFen: 200_000_000, level: 'province' })]);
    expect((await planner.request({ method: 'GET', url: `/api/projects?year=${year}` })).json().total).toBe(0);
  });

  it('keep this year’s call open with two applications waiting for expert review', async () => {
    const calls = (await planner.request({ method: 'GET', url: `/api/project-calls?year=${year}` })).json();
    expect(calls.items).toEqual([expect.objectContaining({ status: 'published', window: 'open' })]);
    const apps = (await planner.request({ method: 'GET', url: `/api/project-applications?callId=${calls.items[0].id}` })).json();
    expect(apps.items.map((a: { status: string }) => a.status)).toEqual(['under_review', 'under_review']);
    // the review demo drew a panel for each (5 + 2) and the secretary scored them
    const panels = await t.database.db
      .selectFrom('review_panel')
      .select('subject_id')
      .where('subject_kind', '=', 'project_application')
      .execute();
    expect(panels.map((p) => p.subject_id).sort()).toEqual(apps.items.map((a: { id: number }) => a.id).sort());
    const institute = await t.login('institute');
    const own = (await institute.request({ method: 'GET', url: '/api/project-applications' })).json();
    expect(own.total).toBe(3);
  });
});
