import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoPlan: true });
});
afterAll(async () => t?.close());

interface Section {
  key: string;
  total: number;
  items: Array<{ title: string; link: string; taskStatus: string | null; percent: number | null }>;
}
async function workbenchOf(username: string) {
  const c = await t.login(username);
  const res = await c.request({ method: 'GET', url: '/api/workbench' });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { view: string; sections: Section[] };
  return { ...body, section: (key: string) => body.sections.find((s) => s.key === key) };
}

describe('工作台 by role', () => {
  it('shows a planner the followed plans with progress, lagging tasks, reviews, targets off track, deadlines and certificates', async () => {
    const w = await workbenchOf('planner');
    expect(w.view).toBe('bureau');
    expect(w.sections.map((s) => s.key)).toEqual(['plans', 'lagging', 'review', 'targets', 'deadlines', 'certificates']);
    const plans = w.section('plans') as Section;
    expect(plans.items.length).toBeGreaterThan(0);
    expect(plans.items[0]?.link).toMatch(/^\/plans\/\d+\/dashboard$/);
    for (const i of w.section('lagging')?.items ?? []) expect(i.link).toMatch(/^\/plans\/\d+\/tasks\/\d+$/);
  });

  it('shows a reporter what is returned, overdue, due soon and drafted, linked to 我的任务', async () => {
    const w = await workbenchOf('reporter.leiyang');
    expect(w.view).toBe('reporter');
    expect(w.sections.map((s) => s.key)).toEqual(['returned', 'overdue', 'dueSoon', 'drafts']);
    for (const s of w.sections) for (const i of s.items) expect(i.link).toMatch(/^\/my-tasks\?plan=\d+&node=\d+$/);
  });

  it('shows a leader the plans read-only, an enterprise its own record, an expert its (future) reviews', async () => {
    const province = await workbenchOf('province');
    expect(province.view).toBe('viewer');
    expect(province.sections.map((s) => s.key)).not.toContain('review');
    const ent = await workbenchOf('enterprise');
    expect(ent.view).toBe('enterprise');
    expect(ent.section('myEnterprise')?.items.length).toBeGreaterThan(0);
    const expert = await workbenchOf('expert');
    expect(expert.sections).toEqual([{ key: 'reviews', total: 0, items: [], link: null }]);
  });

  it('sends each role its menu with the session', async () => {
    const me = async (u: string) => (await (await t.login(u)).request({ method: 'GET', url: '/api/auth/me' })).json().abilities.modules;
    expect(await me('reporter.leiyang')).toEqual(['myTasks']);
    expect(await me('expert')).toEqual(['experts', 'review']);
    expect(await me('planner')).toContain('plans');
    expect(await me('admin')).toContain('admin');
  });
});
